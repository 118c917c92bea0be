import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { NO_TABLE_OPTIONS } from '../../src/engine/cash/options/table-options.ts';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

const stud = (name: string): TemplateInput => ({
  name, variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, bigBlindAnte: false, straddle: 0, smallBet: 2, bigBet: 4,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 8, actionSeconds: 20, timeBankSeconds: 30, rakeBasisPoints: 0, rakeCap: 0,
  idleMinutes: 60, minTables: 0, bringIn: 1, openPairBigBet: true,
});

describeEachBackend('templates of stud and mixed games', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a stud template and a rotation are stored then their bring-in, open-pair rule and games read back as given', async () => {
    const games = [{ variant: 'NT', hands: 6 }, { variant: 'F7S' }];
    const created = await db().templates.create(stud(`Stud ${randomUUID()}`));
    const mixed = await db().templates.create({ ...stud(`Mixed ${randomUUID()}`), variant: 'NT', smallBlind: 1, bigBlind: 2, rotation: games });

    // A template that names no table option reads back with every option off.
    assert.deepEqual(await db().templates.get(created.id), { ...stud(created.name), ...NO_TABLE_OPTIONS, id: created.id, retiredAt: null });
    assert.deepEqual((await db().templates.get(mixed.id))?.rotation, games);
  });

  it('when a rotation is cleared with null then the template is one variant again and its record has no rotation', async () => {
    const created = await db().templates.create({ ...stud(`HORSE ${randomUUID()}`), variant: 'FT', smallBlind: 1, bigBlind: 2, rotation: 'HORSE' });
    assert.equal(created.rotation, 'HORSE');

    const updated = await db().templates.update(created.id, { rotation: null });

    assert.equal(updated && 'rotation' in updated, false);
  });
});
