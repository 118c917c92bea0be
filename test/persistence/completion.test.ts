import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/persistence/database.ts';
import { PersistenceError, type HandRecordInput } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { exportPhh } from '../../src/engine/phh/export.ts';
import { formatCard } from '../../src/engine/cards.ts';
import type { HandState } from '../../src/engine/hand/state.ts';
import { finishedHand, tableInHand, tableState, undealtCards } from './table-states.ts';

/** A table whose account holds `chips`, bought in by two players. */
async function fundedTable(db: Database, chips: number): Promise<{ tableId: string; players: string[] }> {
  const tableId = randomUUID();
  const players = [randomUUID(), randomUUID()];
  await db.ledger.transfer({
    key: `seed:${tableId}`, reason: 'credit',
    entries: [
      { kind: 'external', owner: 'admin', amount: -chips },
      { kind: 'player', owner: players[0], amount: chips / 2 },
      { kind: 'player', owner: players[1], amount: chips / 2 },
    ],
  });
  await db.ledger.transfer({
    key: `buyIn:${tableId}`, reason: 'buyIn',
    entries: [
      { kind: 'player', owner: players[0], amount: -chips / 2 },
      { kind: 'player', owner: players[1], amount: -chips / 2 },
      { kind: 'table', owner: tableId, amount: chips },
    ],
  });
  return { tableId, players };
}

function hand(tableId: string, playerIds: string[], rake: number, handNumber = 1): HandRecordInput {
  return {
    id: randomUUID(), tableId, handNumber, variant: 'NT',
    startedAt: new Date('2026-03-01T10:00:00Z'), endedAt: new Date('2026-03-01T10:01:30Z'),
    playerIds, state: { log: ['d dh p1 AsKs', 'p1 cbr 6', 'p2 f'], pots: [{ amount: 9 }] }, rake,
  };
}

describeEachBackend('hand completion', (backend) => {
  const db = useFreshDatabase(backend);

  it('when a hand completes then its record, its rake in the house account of the table and the table snapshot are all written', async () => {
    const { tableId, players } = await fundedTable(db(), 400);
    const houseBefore = await db().ledger.balance('house', `rake:${tableId}`);
    const houseTotalBefore = await db().ledger.houseBalance();
    const completed = hand(tableId, players, 3);

    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 12, state: tableState(tableId, 'after hand 1') } });

    assert.deepEqual(await db().hands.get(completed.id), completed);
    assert.equal(await db().ledger.balance('table', tableId), 397);
    assert.equal(await db().ledger.balance('house', `rake:${tableId}`), houseBefore + 3);
    assert.equal(await db().ledger.houseBalance(), houseTotalBefore + 3);
    const [rake] = await db().ledger.history('house', `rake:${tableId}`, 1, 0);
    assert.equal(rake.key, `rake:${completed.id}`);
    assert.equal(rake.reason, 'rake');
    assert.deepEqual(await db().snapshots.load(tableId).then((snapshot) => [snapshot?.version, snapshot?.state.name]), [12, 'after hand 1']);
  });

  it('when the same hand completes twice then the rake moves once and the record stays the first', async () => {
    const { tableId, players } = await fundedTable(db(), 400);
    const completed = hand(tableId, players, 5);
    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 3, state: tableState(tableId, 'after') } });

    await db().completion.complete({ hand: { ...completed, rake: 50, state: 'changed' }, snapshot: { tableId, version: 3, state: tableState(tableId, 'after') } });

    assert.deepEqual(await db().hands.get(completed.id), completed);
    assert.equal(await db().ledger.balance('table', tableId), 395);
    assert.equal((await db().ledger.history('table', tableId, 10, 0)).filter((record) => record.reason === 'rake').length, 1);
  });

  it('when a hand takes no rake then no rake transfer is recorded', async () => {
    const { tableId, players } = await fundedTable(db(), 100);
    const completed = hand(tableId, players, 0);

    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 1, state: {} } });

    assert.deepEqual(await db().hands.get(completed.id), completed);
    assert.deepEqual((await db().ledger.history('table', tableId, 10, 0)).map((record) => record.reason), ['buyIn']);
  });

  it('when a hand completes then each of its players finds it once in their hand history', async () => {
    const { tableId, players } = await fundedTable(db(), 100);
    const completed = hand(tableId, [...players, players[0]], 0);

    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 1, state: {} } });

    for (const playerId of players) {
      assert.deepEqual((await db().hands.list({ playerId, limit: 10, offset: 0 })).map((record) => record.id), [completed.id]);
    }
  });

  for (const rake of [0, 2]) {
    it(`when the caller changes its states as soon as complete returns (rake ${rake}) then the hand and snapshot are stored as they were called with`, async () => {
      const { tableId, players } = await fundedTable(db(), 100);
      const completed = hand(tableId, players, rake);
      const recorded = structuredClone(completed.state);
      const state = tableState(tableId, 'as called');
      const called = JSON.parse(JSON.stringify(state));

      const completing = db().completion.complete({ hand: completed, snapshot: { tableId, version: 4, state } });
      state.name = 'changed after';
      state.waiting.push({ playerId: 'cat', name: 'Cat' });
      (completed.state as { log: string[] }).log.push('p2 cc');
      await completing;

      assert.deepEqual((await db().snapshots.load(tableId))?.state, called);
      assert.deepEqual((await db().hands.get(completed.id))?.state, recorded);
    });
  }

  it('when the table cannot pay the rake then nothing of the hand is written', async () => {
    const { tableId, players } = await fundedTable(db(), 4);
    const completed = hand(tableId, players, 5);

    await assert.rejects(
      db().completion.complete({ hand: completed, snapshot: { tableId, version: 1, state: tableState(tableId) } }),
      (error: unknown) => error instanceof PersistenceError && error.code === 'insufficient_funds',
    );
    assert.equal(await db().hands.get(completed.id), null);
    assert.equal(await db().snapshots.load(tableId), null);
    assert.equal(await db().ledger.balance('table', tableId), 4);
    assert.deepEqual(await db().hands.list({ playerId: players[0], limit: 10, offset: 0 }), []);
  });

  it('when the snapshot belongs to another table then the completion is refused', async () => {
    const { tableId, players } = await fundedTable(db(), 100);
    const completed = hand(tableId, players, 1);

    await assert.rejects(
      db().completion.complete({ hand: completed, snapshot: { tableId: randomUUID(), version: 1, state: {} } }),
      (error: unknown) => error instanceof PersistenceError && error.code === 'invalid_hand',
    );
    assert.equal(await db().hands.get(completed.id), null);
  });

  it('when a completion carries an older snapshot than the one stored then the hand is written and the snapshot kept', async () => {
    const { tableId, players } = await fundedTable(db(), 100);
    await db().snapshots.saveMany([{ tableId, version: 20, state: tableState(tableId, 'newer') }]);
    const completed = hand(tableId, players, 1);

    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 19, state: tableState(tableId, 'older') } });

    assert.deepEqual(await db().hands.get(completed.id), completed);
    assert.equal((await db().snapshots.load(tableId))?.state.name, 'newer');
  });

  /** A funded table whose lease `owner` holds. */
  async function leasedTable(owner: string): Promise<{ tableId: string; players: string[] }> {
    const funded = await fundedTable(db(), 200);
    await db().tables.create({ id: funded.tableId, templateId: randomUUID(), name: 'Fenced' });
    assert.equal(await db().tables.claim(funded.tableId, owner, 60_000), true);
    return funded;
  }

  it('when a process that does not hold the lease completes a hand then it is refused with lease_lost and nothing is written', async () => {
    const { tableId, players } = await leasedTable('p-owner');
    await db().snapshots.saveMany([{ tableId, version: 4, state: tableState(tableId, 'owner') }], 'p-owner');
    const houseBefore = await db().ledger.balance('house', `rake:${tableId}`);
    const completed = hand(tableId, players, 5);

    await assert.rejects(
      db().completion.complete({ hand: completed, snapshot: { tableId, version: 9, state: tableState(tableId, 'stale') }, owner: 'p-stale' }),
      (error: unknown) => error instanceof PersistenceError && error.code === 'lease_lost',
    );

    assert.equal(await db().hands.get(completed.id), null);
    assert.equal(await db().ledger.balance('house', `rake:${tableId}`), houseBefore);
    assert.equal(await db().ledger.balance('table', tableId), 200);
    assert.equal((await db().snapshots.load(tableId))?.state.name, 'owner');
  });

  it('when the lease holder completes a hand then the hand, its rake and the snapshot are written', async () => {
    const { tableId, players } = await leasedTable('p-owner');
    const houseBefore = await db().ledger.balance('house', `rake:${tableId}`);
    const completed = hand(tableId, players, 5);

    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 9, state: tableState(tableId, 'after') }, owner: 'p-owner' });

    assert.deepEqual(await db().hands.get(completed.id), completed);
    assert.equal(await db().ledger.balance('house', `rake:${tableId}`), houseBefore + 5);
    assert.equal(await db().ledger.balance('table', tableId), 195);
    assert.equal((await db().snapshots.load(tableId))?.state.name, 'after');
  });
  it('when hands of many tables end at once then every hand, its rake and its snapshot are written', async () => {
    const tables = await Promise.all(Array.from({ length: 8 }, () => fundedTable(db(), 100)));
    const houseBefore = await db().ledger.houseBalance();
    const hands = tables.map(({ tableId, players }, i) => hand(tableId, players, i % 2));

    await Promise.all(hands.map((completed, i) => db().completion.complete({ hand: completed, snapshot: { tableId: completed.tableId, version: 7, state: tableState(completed.tableId, `table ${i}`) } })));

    for (const [i, completed] of hands.entries()) {
      assert.deepEqual(await db().hands.get(completed.id), completed);
      assert.equal(await db().ledger.balance('table', completed.tableId), 100 - (i % 2));
      assert.equal((await db().snapshots.load(completed.tableId))?.state.name, `table ${i}`);
    }
    assert.equal(await db().ledger.houseBalance(), houseBefore + 4);
  });

  it('when one of hands that end together cannot pay its rake then it alone is refused and the others are written', async () => {
    const good = await Promise.all([fundedTable(db(), 100), fundedTable(db(), 100), fundedTable(db(), 100)]);
    const poor = await fundedTable(db(), 2);
    const hands = [...good.map(({ tableId, players }) => hand(tableId, players, 3)), hand(poor.tableId, poor.players, 5)];

    const results = await Promise.allSettled(hands.map((completed) => db().completion.complete({ hand: completed, snapshot: { tableId: completed.tableId, version: 2, state: tableState(completed.tableId) } })));

    assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    assert.equal((results[3] as PromiseRejectedResult).reason.code, 'insufficient_funds');
    for (const { tableId } of good) assert.equal(await db().ledger.balance('table', tableId), 97);
    assert.equal(await db().hands.get(hands[3].id), null);
    assert.equal(await db().snapshots.load(poor.tableId), null);
    assert.equal(await db().ledger.balance('table', poor.tableId), 2);
  });

  it('when hands of a held table and of a table leased to another process end together then only the second is refused', async () => {
    const held = await leasedTable('p-owner');
    const lost = await leasedTable('p-other');
    const hands = [hand(held.tableId, held.players, 2), hand(lost.tableId, lost.players, 2)];

    const results = await Promise.allSettled(hands.map((completed) => db().completion.complete({ hand: completed, snapshot: { tableId: completed.tableId, version: 2, state: tableState(completed.tableId) }, owner: 'p-owner' })));

    assert.equal(results[0].status, 'fulfilled');
    assert.equal(results[1].status === 'rejected' && results[1].reason.code, 'lease_lost');
    assert.deepEqual(await db().hands.get(hands[0].id), hands[0]);
    assert.equal(await db().ledger.balance('table', held.tableId), 198);
    assert.equal(await db().hands.get(hands[1].id), null);
    assert.equal(await db().ledger.balance('table', lost.tableId), 200);
  });

  it('when a hand completes then its record keeps no deck: none of the undealt cards is stored, and the record still exports', async () => {
    const { tableId, players } = await fundedTable(db(), 400);
    const ended = finishedHand(tableId);
    const deck = ended.hand.deck;
    assert.ok(deck && deck.next < deck.cards.length, 'the finished hand still holds undealt cards');
    const undealt = deck.cards.slice(deck.next);
    const completed = { ...hand(tableId, players, 0), state: ended.hand };

    await db().completion.complete({ hand: completed, snapshot: { tableId, version: 2, state: tableState(tableId) } });

    const [row] = await db().orm.em.fork().execute<{ text: string }[]>('select "state"::text as "text" from "hand" where "id" = ?', [completed.id]);
    for (let i = 0; i + 4 <= undealt.length; i++) assert.ok(!row.text.includes(undealt.slice(i, i + 4).join(',')), `undealt cards ${undealt.slice(i, i + 4)} are stored`);
    const record = await db().hands.get(completed.id);
    assert.deepEqual(record?.state, { ...JSON.parse(JSON.stringify(ended.hand)), deck: null });
    assert.ok(ended.hand.deck, 'the caller\'s hand keeps its deck');
    assert.deepEqual(exportPhh(record?.state as HandState), exportPhh(ended.hand));
  });

  it('when a hand completes with the table\'s next hand already in play then the snapshot holds that hand\'s deck sealed, not in the clear', async () => {
    const { tableId, players } = await fundedTable(db(), 400);
    const live = tableInHand(tableId).state;
    const undealt = undealtCards(live);

    await db().completion.complete({ hand: hand(tableId, players, 0), snapshot: { tableId, version: live.version, state: live } });

    const [row] = await db().orm.em.fork().execute<{ text: string; format: number }[]>('select "format", "state"::text as "text" from "snapshot" where "table_id" = ?', [tableId]);
    assert.equal(row.format, 2);
    assert.ok(!row.text.includes(undealt.join(',')));
    assert.ok(!undealt.some((card) => row.text.includes(`"${formatCard(card)}"`)));
    assert.deepEqual((await db().snapshots.load(tableId))?.state, JSON.parse(JSON.stringify(live)));
  });
});
