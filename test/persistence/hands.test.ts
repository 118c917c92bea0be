import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/persistence/database.ts';
import type { HandRecordInput } from '../../src/persistence/types.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';

let day = 0;

/**
 * Five hands on a day no other test uses, minute by minute: table red deals
 * to alice and bob, table blue to bob and carol.
 */
async function arrange(db: Database) {
  const start = Date.UTC(2026, 0, 1) + ++day * 86_400_000;
  const [alice, bob, carol, red, blue] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const hand = (tableId: string, playerIds: string[], minute: number): HandRecordInput => ({
    id: randomUUID(), tableId, handNumber: minute + 1, variant: 'NT',
    startedAt: new Date(start + minute * 60_000), endedAt: new Date(start + minute * 60_000 + 30_000),
    playerIds, state: { minute }, rake: 0,
  });
  const hands = [hand(red, [alice, bob], 0), hand(blue, [bob, carol], 1), hand(red, [bob, alice], 2), hand(blue, [carol, bob], 3), hand(red, [alice, bob], 4)];
  for (const record of hands) {
    await db.completion.complete({ hand: record, snapshot: { tableId: record.tableId, version: record.handNumber, state: {} } });
  }
  return { hands, alice, bob, carol, red, blue };
}

const ids = (list: HandRecordInput[]) => list.map((record) => record.id);

describeEachBackend('hands', (backend) => {
  const db = useFreshDatabase(backend);

  it('when hands are listed by table then that table\'s hands come newest first', async () => {
    const { hands, red, blue } = await arrange(db());

    assert.deepEqual(ids(await db().hands.list({ tableId: red, limit: 10, offset: 0 })), ids([hands[4], hands[2], hands[0]]));
    assert.deepEqual(ids(await db().hands.list({ tableId: blue, limit: 10, offset: 0 })), ids([hands[3], hands[1]]));
  });

  it('when hands are listed by player then every hand they played comes back whole, newest first', async () => {
    const { hands, bob, carol } = await arrange(db());

    assert.deepEqual(await db().hands.list({ playerId: carol, limit: 10, offset: 0 }), [hands[3], hands[1]]);
    assert.deepEqual(ids(await db().hands.list({ playerId: bob, limit: 10, offset: 0 })), ids([...hands].reverse()));
  });

  it('when hands are listed by time range then those that ended from `from` up to before `to` come back', async () => {
    const { hands, alice } = await arrange(db());
    const from = hands[1].endedAt;
    const to = hands[4].endedAt;

    assert.deepEqual(ids(await db().hands.list({ from, to, limit: 10, offset: 0 })), ids([hands[3], hands[2], hands[1]]));
    assert.deepEqual(ids(await db().hands.list({ playerId: alice, from, to, limit: 10, offset: 0 })), ids([hands[2]]));
  });

  it('when filters combine and pages are asked for then only matching hands come, a page at a time', async () => {
    const { hands, alice, red, blue } = await arrange(db());

    assert.deepEqual(ids(await db().hands.list({ tableId: red, playerId: alice, limit: 2, offset: 0 })), ids([hands[4], hands[2]]));
    assert.deepEqual(ids(await db().hands.list({ tableId: red, playerId: alice, limit: 2, offset: 2 })), ids([hands[0]]));
    assert.deepEqual(await db().hands.list({ tableId: blue, playerId: alice, limit: 10, offset: 0 }), []);
    assert.deepEqual(await db().hands.list({ playerId: randomUUID(), limit: 10, offset: 0 }), []);
  });

  it('when hands are counted then the count is what list pages through with the same filter', async () => {
    const { hands, alice, bob, red } = await arrange(db());
    const from = hands[1].endedAt;
    const to = hands[4].endedAt;

    assert.equal(await db().hands.count({ tableId: red }), 3);
    assert.equal(await db().hands.count({ playerId: bob }), 5);
    assert.equal(await db().hands.count({ playerId: alice, tableId: red, from }), 2);
    assert.equal(await db().hands.count({ from, to }), 3);
    assert.equal(await db().hands.count({ playerId: randomUUID() }), 0);
  });

  it('when the last hands of tables are asked for then each table with hands has the end of its newest, and one without none', async () => {
    const { hands, red, blue } = await arrange(db());
    const idle = randomUUID();

    const last = await db().hands.lastEndedAt([red, blue, idle]);

    assert.deepEqual([...last].sort(([a], [b]) => a.localeCompare(b)), [[red, hands[4].endedAt], [blue, hands[3].endedAt]].sort(([a], [b]) => String(a).localeCompare(String(b))));
    assert.deepEqual(await db().hands.lastEndedAt([]), new Map());
  });

  it('when a hand is asked for by id then it comes back as recorded, or null when unknown', async () => {
    const { hands } = await arrange(db());

    assert.deepEqual(await db().hands.get(hands[2].id), hands[2]);
    assert.equal(await db().hands.get(randomUUID()), null);
  });
});
