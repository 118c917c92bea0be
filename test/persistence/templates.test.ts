import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { NO_TABLE_OPTIONS } from '../../src/engine/cash/options/table-options.ts';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

const template = (name: string): TemplateInput => ({
  name, variant: 'NT', smallBlind: 1, bigBlind: 2, ante: 0, bigBlindAnte: false, straddle: 0, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, actionSeconds: 20, timeBankSeconds: 30, rakeBasisPoints: 500, rakeCap: 4,
  idleMinutes: 60, minTables: 1,
});

describeEachBackend('templates', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a template is created then it is read back with every field and listed', async () => {
    const input = { ...template(`NL ${randomUUID()}`), ante: 1, bigBlindAnte: true, straddle: 4, smallBet: 2, bigBet: 4 };

    const created = await db().templates.create(input);

    assert.deepEqual(created, { ...NO_TABLE_OPTIONS, ...input, id: created.id, retiredAt: null }, 'every table option is read back off');
    assert.deepEqual(await db().templates.get(created.id), created);
    assert.ok((await db().templates.list()).some((listed) => listed.id === created.id));
  });

  it('when a template turns table options on then they are read back, and an update changes only the options it names', async () => {
    const options = { runItTwice: true, straddles: 'any' as const, bombPotEvery: 10, bombPotAnte: 5, timeBankRefillSeconds: 5, timeBankRefillHands: 10, timeBankCapSeconds: 60 };
    const created = await db().templates.create({ ...template(`Options ${randomUUID()}`), ...options });

    assert.deepEqual(created, { ...NO_TABLE_OPTIONS, ...template(created.name), ...options, id: created.id, retiredAt: null });
    const updated = await db().templates.update(created.id, { runItTwice: false, sharedWaitlist: true });

    assert.deepEqual(updated, { ...created, runItTwice: false, sharedWaitlist: true });
    assert.deepEqual(await db().templates.get(created.id), updated);
  });

  it('when templates are listed then they come in the order they were created', async () => {
    const first = await db().templates.create(template(`z first ${randomUUID()}`));
    const second = await db().templates.create(template(`a second ${randomUUID()}`));

    const ids = (await db().templates.list()).map((listed) => listed.id);

    assert.ok(ids.indexOf(first.id) < ids.indexOf(second.id));
  });

  it('when a template is updated then only the given fields change', async () => {
    const created = await db().templates.create(template(`Update ${randomUUID()}`));

    const updated = await db().templates.update(created.id, { bigBlind: 4, maxBuyIn: 400, id: 'hijack', retiredAt: new Date() } as Partial<TemplateInput>);

    assert.deepEqual(updated, { ...created, bigBlind: 4, maxBuyIn: 400 });
    assert.deepEqual(await db().templates.get(created.id), updated);
  });

  it('when a template is retired then it leaves the list but can still be read, and retiring again keeps the first date', async () => {
    const created = await db().templates.create(template(`Retire ${randomUUID()}`));

    const retired = await db().templates.retire(created.id);
    const again = await db().templates.retire(created.id);

    assert.ok(retired?.retiredAt instanceof Date);
    assert.deepEqual(again?.retiredAt, retired.retiredAt);
    assert.ok(!(await db().templates.list()).some((listed) => listed.id === created.id));
    assert.ok((await db().templates.list(true)).some((listed) => listed.id === created.id));
    assert.deepEqual(await db().templates.get(created.id), retired);
  });

  it('when a template does not exist then get, update and retire answer null', async () => {
    assert.equal(await db().templates.get(null), null);
    for (const id of [randomUUID(), 'not-a-uuid']) {
      assert.equal(await db().templates.get(id), null);
      assert.equal(await db().templates.update(id, { bigBlind: 4 }), null);
      assert.equal(await db().templates.retire(id), null);
    }
  });
});
