import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PersistenceError } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

const LEASE = 10_000;

describeEachBackend('table leases', (backend) => {
  // The lease clock is ours to move, so expiry needs no waiting.
  let nowMs = Date.parse('2026-01-01T00:00:00Z');
  const db = useFreshDatabase(backend, { now: () => new Date(nowMs) });

  async function newTable(): Promise<string> {
    const id = randomUUID();
    await db().tables.create({ id, templateId: randomUUID(), name: `Table ${id.slice(0, 4)}` });
    return id;
  }

  it('when a table is created then it is open, unowned and listed as open and orphaned', async () => {
    const id = await newTable();

    const table = await db().tables.get(id);

    assert.deepEqual(table && { status: table.status, ownerProcess: table.ownerProcess, leaseUntil: table.leaseUntil }, { status: 'open', ownerProcess: null, leaseUntil: null });
    assert.ok((await db().tables.listOpen()).some((open) => open.id === id));
    assert.ok((await db().tables.listOrphaned(new Date(nowMs))).some((orphan) => orphan.id === id));
  });

  it('when a table id is taken then creating it again is refused with table_exists', async () => {
    const id = await newTable();
    await assert.rejects(db().tables.create({ id, templateId: randomUUID(), name: 'Again' }), (error: unknown) => error instanceof PersistenceError && error.code === 'table_exists');
  });

  it('when a process claims an unowned table then it owns it until the lease ends', async () => {
    const id = await newTable();

    assert.equal(await db().tables.claim(id, 'p1', LEASE), true);

    const table = await db().tables.get(id);
    assert.equal(table?.ownerProcess, 'p1');
    assert.deepEqual(table?.leaseUntil, new Date(nowMs + LEASE));
    assert.ok(!(await db().tables.listOrphaned(new Date(nowMs))).some((orphan) => orphan.id === id));
  });

  it('when a second process claims a table under a live lease then it is refused, and the owner may claim again', async () => {
    const id = await newTable();
    await db().tables.claim(id, 'p1', LEASE);

    assert.equal(await db().tables.claim(id, 'p2', LEASE), false);
    assert.equal(await db().tables.claim(id, 'p1', LEASE), true);
    assert.equal((await db().tables.get(id))?.ownerProcess, 'p1');
  });

  it('when two processes race to claim one orphan then exactly one wins', async () => {
    const id = await newTable();

    const results = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((processId) => db().tables.claim(id, processId, LEASE)));

    assert.equal(results.filter(Boolean).length, 1);
    assert.equal((await db().tables.get(id))?.ownerProcess, ['p1', 'p2', 'p3', 'p4'][results.indexOf(true)]);
  });

  it('when the lease has expired then the table is an orphan and another process can claim it', async () => {
    const id = await newTable();
    await db().tables.claim(id, 'p1', LEASE);
    nowMs += LEASE + 1;

    assert.ok((await db().tables.listOrphaned(new Date(nowMs))).some((orphan) => orphan.id === id));
    assert.equal(await db().tables.claim(id, 'p2', LEASE), true);
    assert.equal((await db().tables.get(id))?.ownerProcess, 'p2');
    // The old owner's renewal no longer covers it.
    assert.ok(!(await db().tables.renew('p1', LEASE)).includes(id));
  });

  it('when an owner renews then every table it owns gets a later lease and stays out of the orphans', async () => {
    const process = `p-${randomUUID()}`;
    const ids = [await newTable(), await newTable()];
    for (const id of ids) await db().tables.claim(id, process, LEASE);
    nowMs += LEASE - 1;
    const renewedAt = nowMs;

    const renewed = await db().tables.renew(process, LEASE);

    assert.deepEqual(renewed, [...ids].sort());
    nowMs += 2;
    for (const id of ids) assert.deepEqual((await db().tables.get(id))?.leaseUntil, new Date(renewedAt + LEASE));
    const orphans = (await db().tables.listOrphaned(new Date(nowMs))).map((orphan) => orphan.id);
    assert.ok(ids.every((id) => !orphans.includes(id)));
  });

  it('when the owner releases a table then it is unowned at once, but nobody else can release it', async () => {
    const id = await newTable();
    await db().tables.claim(id, 'p1', LEASE);

    await db().tables.release(id, 'p2');
    assert.equal((await db().tables.get(id))?.ownerProcess, 'p1');

    await db().tables.release(id, 'p1');
    const table = await db().tables.get(id);
    assert.equal(table?.ownerProcess, null);
    assert.equal(table?.leaseUntil, null);
    assert.ok((await db().tables.listOrphaned(new Date(nowMs))).some((orphan) => orphan.id === id));
  });

  it('when a table is closing or closed then it is neither open nor orphaned, and a closed table cannot be claimed', async () => {
    const closing = await newTable();
    const closed = await newTable();

    await db().tables.setStatus(closing, 'closing');
    await db().tables.setStatus(closed, 'closed');

    const open = (await db().tables.listOpen()).map((table) => table.id);
    const orphans = (await db().tables.listOrphaned(new Date(nowMs))).map((table) => table.id);
    assert.ok(!open.includes(closing) && !open.includes(closed));
    assert.ok(!orphans.includes(closing) && !orphans.includes(closed));
    assert.equal((await db().tables.get(closed))?.status, 'closed');
    assert.equal(await db().tables.claim(closed, 'p1', LEASE), false);
  });

  it('when a tournament opens a table then it has the tournament and its settings and no template, and is listed with the tournament\'s tables', async () => {
    const tournamentId = randomUUID();
    const settings = { variant: 'NT', maxSeats: 9, number: 1, stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 20, bigBet: 40 };
    const id = randomUUID();
    const cash = await newTable();

    await db().tables.create({ id, tournamentId, settings, name: 'Nightly — table 1' });

    const table = await db().tables.get(id);
    assert.deepEqual(table && [table.templateId, table.tournamentId, table.settings, table.status], [null, tournamentId, settings, 'open']);
    assert.deepEqual((await db().tables.get(cash))?.tournamentId, null);
    assert.deepEqual((await db().tables.get(cash))?.settings, null);
    assert.deepEqual((await db().tables.listForTournament(tournamentId)).map((t) => t.id), [id]);
    // Tournament tables move between processes like cash tables.
    assert.ok((await db().tables.listOrphaned(new Date(nowMs))).some((orphan) => orphan.id === id));
    await db().tables.setStatus(id, 'closed');
    assert.deepEqual(await db().tables.listForTournament(tournamentId), []);
  });
});
