import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TournamentTemplateInput } from '../../src/persistence/tournament-types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { sitAndGo } from './tournament-definitions.ts';

function nightly(name: string): TournamentTemplateInput {
  const { name: _name, startsAt: _startsAt, ...definition } = { ...sitAndGo(), kind: 'mtt' as const, maxEntrants: 100 };
  return { name, definition, schedule: '0 20 * * *', leadMinutes: 60, refill: false };
}

describeEachBackend('tournament templates', (backend) => {
  // A second passes between readings of the clock, so creation order is the listing's.
  let clock = Date.parse('2026-12-01T12:00:00Z');
  const db = useFreshDatabase(backend, { now: () => new Date(clock += 1000) });

  it('when a template is created then it reads back with every field and is listed in creation order', async () => {
    const first = await db().tournamentTemplates.create(nightly(`Nightly ${randomUUID()}`));
    const second = await db().tournamentTemplates.create({ ...nightly(`SNG ${randomUUID()}`), schedule: null, leadMinutes: 0, refill: true });

    assert.deepEqual(await db().tournamentTemplates.get(first.id), first);
    assert.deepEqual([first.schedule, first.leadMinutes, first.refill, first.retiredAt], ['0 20 * * *', 60, false, null]);
    assert.deepEqual(first.definition, nightly('x').definition);
    const ids = (await db().tournamentTemplates.list()).map((t) => t.id);
    assert.ok(ids.indexOf(first.id) < ids.indexOf(second.id));
  });

  it('when a template is updated then only the given fields change, and its schedule can be cleared', async () => {
    const created = await db().tournamentTemplates.create(nightly(`Update ${randomUUID()}`));
    const definition = { ...created.definition, buyIn: 500 };

    const updated = await db().tournamentTemplates.update(created.id, { definition, leadMinutes: 30, id: 'hijack' } as Partial<TournamentTemplateInput>);
    const cleared = await db().tournamentTemplates.update(created.id, { schedule: null });

    assert.deepEqual(updated, { ...created, definition, leadMinutes: 30 });
    assert.deepEqual(cleared, { ...created, definition, leadMinutes: 30, schedule: null });
    assert.deepEqual(await db().tournamentTemplates.get(created.id), cleared);
  });

  it('when a template is retired then it leaves the list but can still be read, keeping its first date', async () => {
    const created = await db().tournamentTemplates.create(nightly(`Retire ${randomUUID()}`));

    const retired = await db().tournamentTemplates.retire(created.id);
    const again = await db().tournamentTemplates.retire(created.id);

    assert.ok(retired?.retiredAt instanceof Date);
    assert.deepEqual(again?.retiredAt, retired.retiredAt);
    assert.ok(!(await db().tournamentTemplates.list()).some((t) => t.id === created.id));
    assert.ok((await db().tournamentTemplates.list(true)).some((t) => t.id === created.id));
  });

  it('when a template does not exist then get, update and retire answer null', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      assert.equal(await db().tournamentTemplates.get(id), null);
      assert.equal(await db().tournamentTemplates.update(id, { leadMinutes: 5 }), null);
      assert.equal(await db().tournamentTemplates.retire(id), null);
    }
  });
});
