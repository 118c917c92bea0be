import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/persistence/database.ts';
import { applyTransfers } from '../../src/persistence/ledger.ts';
import { PersistenceError, type AccountKind } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

const isCode = (code: string) => (error: unknown) => error instanceof PersistenceError && error.code === code;

/** A fresh player wallet holding `chips`, credited by an admin. */
async function wallet(db: Database, chips: number): Promise<string> {
  const player = randomUUID();
  await db.ledger.transfer({
    key: `credit:${player}`, reason: 'credit',
    entries: [{ kind: 'external', owner: 'admin', amount: -chips }, { kind: 'player', owner: player, amount: chips }],
  });
  return player;
}

const buyIn = (player: string, table: string, amount: number, key: string = randomUUID()) => ({
  key, reason: 'buyIn',
  entries: [{ kind: 'player' as AccountKind, owner: player, amount: -amount }, { kind: 'table' as AccountKind, owner: table, amount }],
});

describeEachBackend('ledger', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a balanced transfer is made then both balances move and the record lists its entries', async () => {
    const player = await wallet(db(), 1000);
    const table = randomUUID();

    const record = await db().ledger.transfer({ ...buyIn(player, table, 300, `buyIn:${table}:1`), meta: { seat: 2 } });

    assert.equal(record.applied, true);
    assert.equal(record.key, `buyIn:${table}:1`);
    assert.equal(record.reason, 'buyIn');
    assert.ok(record.createdAt instanceof Date);
    assert.deepEqual(record.entries, [{ kind: 'player', owner: player, amount: -300 }, { kind: 'table', owner: table, amount: 300 }]);
    assert.equal(await db().ledger.balance('player', player), 700);
    assert.equal(await db().ledger.balance('table', table), 300);
  });

  it('when the entries do not sum to zero then the transfer is refused as unbalanced and nothing moves', async () => {
    const player = await wallet(db(), 1000);
    const table = randomUUID();

    await assert.rejects(
      db().ledger.transfer({ key: randomUUID(), reason: 'buyIn', entries: [{ kind: 'player', owner: player, amount: -300 }, { kind: 'table', owner: table, amount: 200 }] }),
      isCode('unbalanced'),
    );
    assert.equal(await db().ledger.balance('player', player), 1000);
    assert.equal(await db().ledger.balance('table', table), 0);
  });

  it('when a transfer is malformed then it is refused with invalid_transfer', async () => {
    const player = await wallet(db(), 100);
    await assert.rejects(db().ledger.transfer({ key: '', reason: 'x', entries: buyIn(player, 't', 1).entries }), isCode('invalid_transfer'));
    await assert.rejects(db().ledger.transfer({ key: randomUUID(), reason: 'x', entries: [] }), isCode('invalid_transfer'));
    await assert.rejects(db().ledger.transfer({ ...buyIn(player, 't', 0.5) }), isCode('invalid_transfer'));
    await assert.rejects(
      db().ledger.transfer({ key: randomUUID(), reason: 'x', entries: [{ kind: 'casino' as AccountKind, owner: 'x', amount: 1 }, { kind: 'player', owner: player, amount: -1 }] }),
      isCode('invalid_transfer'),
    );
    assert.equal(await db().ledger.balance('player', player), 100);
  });

  it('when a key is used again then the original transfer comes back unapplied and nothing moves twice', async () => {
    const player = await wallet(db(), 1000);
    const table = randomUUID();
    const first = await db().ledger.transfer(buyIn(player, table, 300, `topUp:${table}`));

    const again = await db().ledger.transfer(buyIn(player, table, 999, `topUp:${table}`));

    assert.equal(again.applied, false);
    assert.deepEqual(again, { ...first, applied: false });
    assert.equal(await db().ledger.balance('player', player), 700);
  });

  it('when two transfers with one key run at the same moment then it is applied once', async () => {
    const player = await wallet(db(), 1000);
    const table = randomUUID();
    const key = `buyIn:${table}`;

    const results = await Promise.all([db().ledger.transfer(buyIn(player, table, 400, key)), db().ledger.transfer(buyIn(player, table, 400, key))]);

    assert.deepEqual(results.map((result) => result.applied).sort(), [false, true]);
    assert.equal(results[0].id, results[1].id);
    assert.equal(await db().ledger.balance('player', player), 600);
    assert.equal(await db().ledger.balance('table', table), 400);
  });

  it('when a player lacks the chips then insufficient_funds says so and no balance or history changes', async () => {
    const player = await wallet(db(), 100);
    const table = randomUUID();
    const key = randomUUID();

    await assert.rejects(
      db().ledger.transfer(buyIn(player, table, 101, key)),
      (error: unknown) => isCode('insufficient_funds')(error) && (error as Error).message.includes('holds 100'),
    );
    assert.equal(await db().ledger.balance('player', player), 100);
    assert.equal(await db().ledger.balance('table', table), 0);
    assert.equal((await db().ledger.history('player', player, 10, 0)).length, 1);
    // The refused key was not used up: once the chips are there, the same key goes through.
    await db().ledger.transfer({ key: randomUUID(), reason: 'credit', entries: [{ kind: 'external', owner: 'admin', amount: -1 }, { kind: 'player', owner: player, amount: 1 }] });
    assert.equal((await db().ledger.transfer(buyIn(player, table, 101, key))).applied, true);
  });

  it('when a player with no account yet would pay then insufficient_funds says so and nothing moves', async () => {
    const player = randomUUID();
    const table = randomUUID();

    await assert.rejects(
      db().ledger.transfer(buyIn(player, table, 5, randomUUID())),
      (error: unknown) => isCode('insufficient_funds')(error) && (error as Error).message.includes('holds 0'),
    );
    assert.equal(await db().ledger.balance('player', player), 0);
    assert.equal(await db().ledger.balance('table', table), 0);
    assert.deepEqual(await db().ledger.history('table', table, 10, 0), []);
  });

  it('when two tables buy in at the same moment with chips for only one then exactly one succeeds and the wallet never goes negative', async () => {
    const player = await wallet(db(), 100);
    const tables = [randomUUID(), randomUUID()];

    const results = await Promise.allSettled(tables.map((table) => db().ledger.transfer(buyIn(player, table, 60))));

    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    const refused = results.filter((result) => result.status === 'rejected');
    assert.equal(refused.length, 1);
    assert.ok(isCode('insufficient_funds')(refused[0].reason));
    assert.equal(await db().ledger.balance('player', player), 40);
    const onTables = await Promise.all(tables.map((table) => db().ledger.balance('table', table)));
    assert.deepEqual(onTables.sort((a, b) => a - b), [0, 60]);
  });

  it('when many buy-ins race for one wallet then only as many as it can pay go through', async () => {
    const player = await wallet(db(), 100);
    const tables = Array.from({ length: 8 }, () => randomUUID());

    const results = await Promise.allSettled(tables.map((table) => db().ledger.transfer(buyIn(player, table, 30))));

    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 3);
    assert.equal(await db().ledger.balance('player', player), 10);
    const onTables = await Promise.all(tables.map((table) => db().ledger.balance('table', table)));
    assert.equal(onTables.reduce((sum, chips) => sum + chips, 0), 90);
  });

  it('when a table or the house would go negative then the transfer is refused, but an external account may', async () => {
    const player = randomUUID();
    const table = randomUUID();

    await assert.rejects(db().ledger.transfer({ key: randomUUID(), reason: 'cashOut', entries: [{ kind: 'table', owner: table, amount: -5 }, { kind: 'player', owner: player, amount: 5 }] }), isCode('insufficient_funds'));
    await assert.rejects(db().ledger.transfer({ key: randomUUID(), reason: 'prize', entries: [{ kind: 'house', owner: 'house', amount: -5 }, { kind: 'player', owner: player, amount: 5 }] }), isCode('insufficient_funds'));
    const credit = await db().ledger.transfer({ key: randomUUID(), reason: 'credit', entries: [{ kind: 'external', owner: 'admin', amount: -5 }, { kind: 'player', owner: player, amount: 5 }] });
    assert.equal(credit.applied, true);
    assert.equal(await db().ledger.balance('player', player), 5);
  });

  it('when an account has several transfers then history pages through them newest first', async () => {
    const player = await wallet(db(), 1000);
    const table = randomUUID();
    for (const n of [1, 2, 3]) await db().ledger.transfer(buyIn(player, table, n * 10, `buyIn:${table}:${n}`));

    const firstPage = await db().ledger.history('player', player, 2, 0);
    const secondPage = await db().ledger.history('player', player, 2, 2);

    assert.deepEqual(firstPage.map((record) => record.key), [`buyIn:${table}:3`, `buyIn:${table}:2`]);
    assert.deepEqual(secondPage.map((record) => record.key), [`buyIn:${table}:1`, `credit:${player}`]);
    assert.deepEqual(secondPage[0].entries, [{ kind: 'player', owner: player, amount: -10 }, { kind: 'table', owner: table, amount: 10 }]);
    assert.deepEqual(await db().ledger.history('table', table, 10, 0).then((records) => records.length), 3);
    assert.deepEqual(await db().ledger.history('player', randomUUID(), 10, 0), []);
  });

  it('when history is counted then it is the number of transfers the account took part in, and meta comes back', async () => {
    const player = await wallet(db(), 1000);
    const table = randomUUID();
    for (const n of [1, 2]) await db().ledger.transfer(buyIn(player, table, n * 10, `buyIn:${table}:${n}`));
    await db().ledger.transfer({ key: randomUUID(), reason: 'credit', meta: { note: 'goodwill' }, entries: [{ kind: 'external', owner: 'admin', amount: -5 }, { kind: 'player', owner: player, amount: 5 }] });

    assert.equal(await db().ledger.historyCount('player', player), 4);
    assert.equal(await db().ledger.historyCount('table', table), 2);
    assert.equal(await db().ledger.historyCount('player', randomUUID()), 0);
    const [newest, older] = await db().ledger.history('player', player, 2, 0);
    assert.deepEqual(newest.meta, { note: 'goodwill' });
    assert.equal(older.meta, null);
  });

  it('when chips move between players, tables and the house then the total held changes only by outside money', async () => {
    const before = await db().ledger.totalHeld();
    const player = await wallet(db(), 500);
    const table = randomUUID();
    assert.equal(await db().ledger.totalHeld(), before + 500);

    await db().ledger.transfer(buyIn(player, table, 200));
    await db().ledger.transfer({ key: randomUUID(), reason: 'rake', entries: [{ kind: 'table', owner: table, amount: -7 }, { kind: 'house', owner: 'house', amount: 7 }] });
    await db().ledger.transfer({ key: randomUUID(), reason: 'cashOut', entries: [{ kind: 'table', owner: table, amount: -193 }, { kind: 'player', owner: player, amount: 193 }] });
    await assert.rejects(db().ledger.transfer(buyIn(player, table, 10_000)), isCode('insufficient_funds'));

    assert.equal(await db().ledger.totalHeld(), before + 500);
    assert.equal(await db().ledger.balance('player', player), 493);
    assert.equal(await db().ledger.balance('table', table), 0);
  });
  it('when several transfers go in one call then each applies once, and one whose key was applied before is skipped', async () => {
    const player = await wallet(db(), 100);
    const [a, b] = [randomUUID(), randomUUID()];
    const before = buyIn(player, a, 10);
    await db().ledger.transfer(before);

    const applied = await db().orm.em.fork().transactional((em) => applyTransfers(em, [before, buyIn(player, a, 20), buyIn(player, b, 30)]));

    assert.deepEqual([...applied.values()].map((result) => result !== null), [false, true, true]);
    assert.equal(await db().ledger.balance('player', player), 40);
    assert.equal(await db().ledger.balance('table', a), 30);
    assert.equal(await db().ledger.balance('table', b), 30);
  });

  it('when transfers in one call together take an account below zero then none of them moves', async () => {
    const player = await wallet(db(), 50);
    const [a, b] = [randomUUID(), randomUUID()];

    await assert.rejects(
      db().orm.em.fork().transactional((em) => applyTransfers(em, [buyIn(player, a, 30), buyIn(player, b, 30)])),
      isCode('insufficient_funds'),
    );
    assert.equal(await db().ledger.balance('player', player), 50);
    assert.equal(await db().ledger.balance('table', a), 0);
  });

  it('when one call gives the same key twice then it is refused and nothing moves', async () => {
    const player = await wallet(db(), 50);
    const table = randomUUID();
    const key = randomUUID();

    await assert.rejects(db().orm.em.fork().transactional((em) => applyTransfers(em, [buyIn(player, table, 5, key), buyIn(player, table, 5, key)])), isCode('invalid_transfer'));
    assert.equal(await db().ledger.balance('player', player), 50);
  });
});
