import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { isSnapshotRefusal } from '../../src/persistence/snapshot-format.ts';
import { TournamentSnapshotRefusedError } from '../../src/persistence/tournament-snapshot-format.ts';
import { InvalidDefinitionError } from '../../src/persistence/tournament-types.ts';
import { PersistenceError } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { scheduled, sitAndGo } from './tournament-definitions.ts';

const LEASE = 10_000;
const coded = (code: string) => (error: unknown) => error instanceof PersistenceError && error.code === code;

describeEachBackend('tournaments', (backend) => {
  // The clock is ours to move, so leases expire without waiting.
  let nowMs = Date.parse('2026-12-01T12:00:00Z');
  const db = useFreshDatabase(backend, { now: () => new Date(nowMs) });

  it('when a sit-and-go is created then it is registering, has no entrants and reads back with its definition', async () => {
    const created = await db().tournaments.create({ definition: sitAndGo({ name: 'Morning SNG' }) });

    const read = await db().tournaments.get(created.id);

    assert.deepEqual(read, created);
    assert.deepEqual(
      read && [read.name, read.kind, read.variant, read.status, read.entrants, read.startsAt, read.templateId, read.snapshotVersion, read.ownerProcess],
      ['Morning SNG', 'sng', 'NT', 'registering', 0, null, null, null, null],
    );
    assert.deepEqual(read?.definition, sitAndGo({ name: 'Morning SNG' }));
    assert.equal(await db().tournaments.get(randomUUID()), null);
  });

  it('when a scheduled tournament is created then its start is stored, and one starting in the past is refused', async () => {
    const startsAt = nowMs + 3_600_000;
    const created = await db().tournaments.create({ definition: scheduled(startsAt) });

    assert.deepEqual(created.startsAt, new Date(startsAt));
    await assert.rejects(
      db().tournaments.create({ definition: scheduled(nowMs - 1) }),
      (error: unknown) => error instanceof InvalidDefinitionError && error.rule === 'bad_starts_at' && error.field === 'startsAt',
    );
  });

  it('when a definition breaks a rule then it is refused with the rule, the field, and nothing is stored', async () => {
    const before = (await db().tournaments.list({ limit: 200, offset: 0 })).total;
    const cases: [Parameters<typeof sitAndGo>[0], string, string][] = [
      [{ levels: [] }, 'no_levels', 'levels'],
      [{ payouts: [60, 30] }, 'payouts_not_100', 'payouts'],
      [{ tableSize: 11 }, 'bad_table_size', 'tableSize'],
      [{ variant: 'F7S', tableSize: 9 }, 'bad_table_size', 'tableSize'],
      [{ levels: [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 60 }, { smallBlind: 10, bigBlind: 20, ante: 0, seconds: 60 }] }, 'blinds_not_increasing', 'levels.1'],
    ];
    for (const [overrides, rule, field] of cases) {
      await assert.rejects(
        db().tournaments.create({ definition: sitAndGo(overrides) }),
        (error: unknown) => error instanceof InvalidDefinitionError && error.code === 'invalid_definition' && error.rule === rule && error.field === field,
        rule,
      );
    }
    assert.equal((await db().tournaments.list({ limit: 200, offset: 0 })).total, before);
  });

  it('when tournaments are listed by status then only those come, newest first, a page at a time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      nowMs += 1_000;
      ids.push((await db().tournaments.create({ definition: sitAndGo({ name: `Paged ${i}` }) })).id);
    }
    await db().tournaments.setStatus(ids[1], 'cancelled');

    const registering = await db().tournaments.list({ status: ['registering'], limit: 200, offset: 0 });
    const cancelled = await db().tournaments.list({ status: ['cancelled'], limit: 10, offset: 0 });
    const first = await db().tournaments.list({ status: ['registering', 'cancelled'], limit: 2, offset: 0 });
    const second = await db().tournaments.list({ status: ['registering', 'cancelled'], limit: 2, offset: 2 });

    assert.ok(registering.items.every((t) => t.status === 'registering'));
    assert.ok(registering.items.some((t) => t.id === ids[2]) && !registering.items.some((t) => t.id === ids[1]));
    assert.deepEqual(cancelled.items.map((t) => t.id), [ids[1]]);
    assert.deepEqual(first.items.map((t) => t.id), [ids[2], ids[1]]);
    assert.equal(first.total, registering.total + 1);
    assert.equal(second.items[0].id, ids[0]);
  });

  it('when a tournament starts and finishes then its times are set, the same status again changes nothing and a step back is refused', async () => {
    const { id } = await db().tournaments.create({ definition: sitAndGo() });
    const startedAt = new Date(nowMs + 5_000);

    const running = await db().tournaments.setStatus(id, 'running', { at: startedAt });
    const again = await db().tournaments.setStatus(id, 'running', { at: new Date(nowMs + 9_000) });
    const finished = await db().tournaments.setStatus(id, 'finished', { at: new Date(nowMs + 60_000) });

    assert.deepEqual([running?.status, running?.startedAt, running?.finishedAt], ['running', startedAt, null]);
    assert.deepEqual(again?.startedAt, startedAt);
    assert.deepEqual([finished?.status, finished?.finishedAt], ['finished', new Date(nowMs + 60_000)]);
    await assert.rejects(db().tournaments.setStatus(id, 'running'), coded('invalid_status'));
    await assert.rejects(db().tournaments.setStatus(id, 'paused' as never), coded('invalid_status'));
    assert.equal(await db().tournaments.setStatus(randomUUID(), 'running'), null);
  });

  it('when a status change is fenced then only the lease holder may make it', async () => {
    const { id } = await db().tournaments.create({ definition: sitAndGo() });
    await db().tournaments.claim(id, 'p1', LEASE);

    await assert.rejects(db().tournaments.setStatus(id, 'running', { owner: 'p2' }), coded('lease_lost'));
    assert.equal((await db().tournaments.get(id))?.status, 'registering');
    assert.equal((await db().tournaments.setStatus(id, 'running', { owner: 'p1' }))?.status, 'running');
  });

  it('when processes claim a tournament then one wins, the lease lapses without renewal, and another takes it over', async () => {
    const { id } = await db().tournaments.create({ definition: sitAndGo() });

    const results = await Promise.all(['p1', 'p2', 'p3'].map((processId) => db().tournaments.claim(id, processId, LEASE)));
    const winner = ['p1', 'p2', 'p3'][results.indexOf(true)];

    assert.equal(results.filter(Boolean).length, 1);
    assert.equal((await db().tournaments.get(id))?.ownerProcess, winner);
    assert.ok(!(await db().tournaments.listOrphaned(new Date(nowMs))).some((t) => t.id === id));
    assert.equal(await db().tournaments.claim(id, 'other', LEASE), false);
    nowMs += LEASE + 1;
    assert.ok((await db().tournaments.listOrphaned(new Date(nowMs))).some((t) => t.id === id));
    assert.equal(await db().tournaments.claim(id, 'other', LEASE), true);
    assert.ok(!(await db().tournaments.renew(winner, LEASE)).includes(id));
  });

  it('when the owner renews and releases then its lease moves on and then frees the tournament for anyone', async () => {
    const process = `p-${randomUUID()}`;
    const { id } = await db().tournaments.create({ definition: sitAndGo() });
    await db().tournaments.claim(id, process, LEASE);
    nowMs += LEASE - 1;

    assert.deepEqual(await db().tournaments.renew(process, LEASE), [id]);
    assert.deepEqual((await db().tournaments.get(id))?.leaseUntil, new Date(nowMs + LEASE));
    await db().tournaments.release(id, process);
    assert.equal((await db().tournaments.get(id))?.ownerProcess, null);
    assert.ok((await db().tournaments.listOrphaned(new Date(nowMs))).some((t) => t.id === id));
    await assert.rejects(db().tournaments.claim(id, process, 0), coded('invalid_lease'));
  });

  it('when a tournament is over then it is neither runnable nor claimable', async () => {
    const live = await db().tournaments.create({ definition: sitAndGo() });
    const over = await db().tournaments.create({ definition: sitAndGo() });
    await db().tournaments.setStatus(over.id, 'cancelled');

    const runnable = (await db().tournaments.listRunnable()).map((t) => t.id);

    assert.ok(runnable.includes(live.id) && !runnable.includes(over.id));
    assert.equal(await db().tournaments.claim(over.id, 'p1', LEASE), false);
    assert.ok(!(await db().tournaments.listOrphaned(new Date(nowMs))).some((t) => t.id === over.id));
  });

  it('when the lease holder saves snapshots then the newest loads back with its format, and an older version is not written', async () => {
    const { id } = await db().tournaments.create({ definition: sitAndGo() });
    await db().tournaments.claim(id, 'p1', LEASE);
    const state = { version: 3, clock: { startedAt: 1 }, players: [{ playerId: 'a', stack: 1500 }] };

    assert.equal(await db().tournaments.loadSnapshot(id), null);
    assert.equal(await db().tournaments.saveSnapshot(id, 3, state, 'p1'), true);
    state.players[0].stack = 0;
    assert.equal(await db().tournaments.saveSnapshot(id, 2, { version: 2 }, 'p1'), false);
    const loaded = await db().tournaments.loadSnapshot(id);

    assert.deepEqual(loaded && [loaded.version, loaded.format, loaded.state], [3, 1, { version: 3, clock: { startedAt: 1 }, players: [{ playerId: 'a', stack: 1500 }] }]);
    assert.equal((await db().tournaments.get(id))?.snapshotVersion, 3);
  });

  it('when another process holds the lease then a snapshot is refused with lease_lost and nothing is written', async () => {
    const { id } = await db().tournaments.create({ definition: sitAndGo() });
    await db().tournaments.claim(id, 'p1', LEASE);
    await db().tournaments.saveSnapshot(id, 1, { version: 1 }, 'p1');
    nowMs += LEASE + 1;
    await db().tournaments.claim(id, 'p2', LEASE);

    await assert.rejects(db().tournaments.saveSnapshot(id, 2, { version: 2 }, 'p1'), coded('lease_lost'));
    await assert.rejects(db().tournaments.saveSnapshot(randomUUID(), 1, { version: 1 }, 'p1'), coded('lease_lost'));
    assert.equal((await db().tournaments.loadSnapshot(id))?.version, 1);
    await assert.rejects(db().tournaments.saveSnapshot(id, -1, {}, 'p2'), coded('invalid_snapshot'));
    await assert.rejects(db().tournaments.saveSnapshot(id, 4, [] as never, 'p2'), coded('invalid_snapshot'));
  });

  it('when a stored snapshot has a format this Felt does not know, or is not an object, then loading it is refused with a code', async () => {
    const { id } = await db().tournaments.create({ definition: sitAndGo() });
    await db().tournaments.claim(id, 'p1', LEASE);
    await db().tournaments.saveSnapshot(id, 1, { version: 1 }, 'p1');
    await db().orm.em.fork().execute('update "tournament" set "format" = 99 where "id" = ?', [id]);

    await assert.rejects(db().tournaments.loadSnapshot(id), (error: unknown) =>
      error instanceof TournamentSnapshotRefusedError && error.code === 'snapshot_version' && error.format === 99
      && error.tournamentId === id && isSnapshotRefusal(error));

    await db().orm.em.fork().execute(`update "tournament" set "format" = 1, "state" = '[1, 2]'::json where "id" = ?`, [id]);
    await assert.rejects(db().tournaments.loadSnapshot(id), coded('snapshot_invalid'));
  });

  it('when a template slot already has its tournament then a second is refused with tournament_exists', async () => {
    const templateId = randomUUID();
    const slot = '2026-12-01T20:00:00.000Z';
    await db().tournaments.create({ definition: scheduled(nowMs + 3_600_000), templateId, templateSlot: slot });

    await assert.rejects(db().tournaments.create({ definition: scheduled(nowMs + 3_600_000), templateId, templateSlot: slot }), coded('tournament_exists'));
    const other = await db().tournaments.create({ definition: scheduled(nowMs + 7_200_000), templateId, templateSlot: '2026-12-01T21:00:00.000Z' });
    assert.equal(other.templateSlot, '2026-12-01T21:00:00.000Z');
  });

  it('when a sit-and-go template has one registering then a second is refused until the first starts', async () => {
    const templateId = randomUUID();
    const first = await db().tournaments.create({ definition: sitAndGo(), templateId });

    await assert.rejects(db().tournaments.create({ definition: sitAndGo(), templateId }), coded('tournament_exists'));
    await db().tournaments.setStatus(first.id, 'running');
    const next = await db().tournaments.create({ definition: sitAndGo(), templateId });
    assert.equal(next.status, 'registering');
  });
});
