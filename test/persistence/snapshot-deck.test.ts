import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableState } from '../../src/engine/cash/state.ts';
import { formatCard, formatCards } from '../../src/engine/cards.ts';
import { IllegalActionError } from '../../src/engine/errors.ts';
import { seededRandom } from '../../src/engine/random.ts';
import { DeckCipher } from '../../src/persistence/deck-cipher.ts';
import { SnapshotRefusedError } from '../../src/persistence/snapshot-format.ts';
import { snapshotRepository } from '../../src/persistence/snapshots.ts';
import { describeEachBackend, useFreshDatabase } from './databases.ts';
import { asStored, tableInHand, undealtCards } from './table-states.ts';

const refusedWith = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof SnapshotRefusedError && error.code === code && pattern.test(error.message);

/** Plays the betting round out the same way (each player calls, or checks when nothing is to call) until the flop is dealt. */
function playToFlop(table: CashTable): void {
  for (let turn = 0; turn < 10 && (table.state.hand?.boards[0]?.length ?? 0) === 0; turn++) {
    const player = table.state.info[table.actorSeat()]?.playerId ?? '';
    try {
      table.act(player, { action: 'call' }, 2_000);
    } catch (error) {
      if (!(error instanceof IllegalActionError)) throw error;
      table.act(player, { action: 'check' }, 2_000);
    }
  }
}

describeEachBackend('snapshot decks', (backend) => {
  const db = useFreshDatabase(backend);

  async function rawRow(tableId: string): Promise<{ format: number; text: string }> {
    const [row] = await db().orm.em.fork().execute<{ format: number; text: string }[]>(
      'select "format", "state"::text as "text" from "snapshot" where "table_id" = ?', [tableId]);
    return { format: Number(row.format), text: row.text };
  }

  async function setRawState(tableId: string, state: unknown): Promise<void> {
    await db().orm.em.fork().execute('update "snapshot" set "state" = ?::json where "table_id" = ?', [JSON.stringify(state), tableId]);
  }

  async function saveLiveHand(): Promise<CashTableState> {
    const state = tableInHand(randomUUID()).state;
    await db().snapshots.saveMany([{ tableId: state.tableId, version: state.version, state }]);
    return state;
  }

  it('when a table with a hand in play is saved then its row holds none of the undealt cards, as the deck stores them or as text', async () => {
    const state = await saveLiveHand();
    const undealt = undealtCards(state);

    const { format, text } = await rawRow(state.tableId);

    assert.equal(format, 2);
    // As `DeckState.cards` lists them: any four in a row would show the deck's order.
    for (let i = 0; i + 4 <= undealt.length; i++) {
      assert.ok(!text.includes(undealt.slice(i, i + 4).join(',')), `the undealt cards ${undealt.slice(i, i + 4).join(',')} are in the row`);
    }
    assert.ok(!text.includes(formatCards(undealt)));
    for (const card of undealt) assert.ok(!text.includes(`"${formatCard(card)}"`), `${formatCard(card)} is in the row`);
    assert.deepEqual(Object.keys(JSON.parse(text).hand.deck).sort(), ['key', 'sealed']);
    assert.ok(state.hand?.deck && 'cards' in state.hand.deck, 'the live state keeps its deck in the clear');
  });

  it('when the snapshot is loaded then the hand is the one saved, deck included, and deals on the same cards', async () => {
    const state = await saveLiveHand();

    const loaded = await db().snapshots.load(state.tableId);

    assert.deepEqual(loaded?.state, asStored(state));
    const restored = CashTable.restore(loaded!.state, seededRandom(3));
    const original = CashTable.restore(asStored(state), seededRandom(3));
    playToFlop(restored);
    playToFlop(original);
    assert.equal(restored.state.hand?.boards[0].length, 3);
    assert.deepEqual(restored.state, original.state);
  });

  it('when a process with another deck key loads the snapshot then it is refused with deck_key_mismatch, saying to share FELT_DECK_KEY', async () => {
    const state = await saveLiveHand();
    const elsewhere = snapshotRepository(db().orm, new DeckCipher(randomBytes(32)));

    await assert.rejects(elsewhere.load(state.tableId), refusedWith('deck_key_mismatch', /FELT_DECK_KEY/));
    assert.deepEqual((await db().snapshots.load(state.tableId))?.state, asStored(state));
  });

  it('when the sealed deck is altered in the database then loading refuses it with deck_tampered', async () => {
    const state = await saveLiveHand();
    const stored = JSON.parse((await rawRow(state.tableId)).text);
    const bytes = Buffer.from(stored.hand.deck.sealed, 'base64');
    bytes[20] ^= 1;
    stored.hand.deck.sealed = bytes.toString('base64');
    await setRawState(state.tableId, stored);

    await assert.rejects(db().snapshots.load(state.tableId), refusedWith('deck_tampered', new RegExp(`table ${state.tableId}.*integrity`)));
  });

  it('when a sealed deck is copied into another table\'s snapshot, or into a later version of its own, then it is refused as tampered', async () => {
    const first = await saveLiveHand();
    const second = await saveLiveHand();
    const firstDeck = JSON.parse((await rawRow(first.tableId)).text).hand.deck;
    const secondRow = JSON.parse((await rawRow(second.tableId)).text);
    await setRawState(second.tableId, { ...secondRow, hand: { ...secondRow.hand, deck: firstDeck } });

    await assert.rejects(db().snapshots.load(second.tableId), refusedWith('deck_tampered', /integrity/));

    const later = { ...first, version: first.version + 1 };
    await db().snapshots.saveMany([{ tableId: first.tableId, version: later.version, state: later }]);
    const laterRow = JSON.parse((await rawRow(first.tableId)).text);
    await setRawState(first.tableId, { ...laterRow, hand: { ...laterRow.hand, deck: firstDeck } });
    await assert.rejects(db().snapshots.load(first.tableId), refusedWith('deck_tampered', /integrity/));
  });
});
