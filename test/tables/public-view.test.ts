import assert from 'node:assert/strict';
import { formatCard } from '../../src/engine/cards.ts';
import { CashTable } from '../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../src/engine/cash/settings.ts';
import { seededRandom } from '../../src/engine/random.ts';
import { publicTableView, redactOperation } from '../../src/tables/public-view.ts';
import { HIDDEN_CARD } from '../../src/tables/seat-view.ts';

const SETTINGS: CashTableSettings = {
  variant: 'NT', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 0, bigBet: 0,
  minBuyIn: 40, maxBuyIn: 200, maxSeats: 4, actionMs: 10_000, timeBankMs: 5_000,
  rake: { basisPoints: 500, cap: 3, noFlopNoDrop: true },
  pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, maxTimeouts: 2, offerMs: 15_000, maxRunouts: 1,
};

/** Three players seated and the first hand dealt. */
function liveTable(seed: number): CashTable {
  const table = CashTable.create('t1', 'Public', SETTINGS, seededRandom(seed));
  table.sit('alice', 'Alice', 0, 100, 0);
  table.sit('bob', 'Bob', 1, 150, 0);
  table.sit('carol', 'Carol', 2, 200, 0);
  table.tick(1_000);
  assert.ok(table.state.hand, 'a hand is dealt');
  return table;
}

function onClock(table: CashTable): string {
  return table.state.info[table.actorSeat()]?.playerId ?? '';
}

/** Every string in a JSON value that reads like a card (`As`, `Td`). */
function cardsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string' && /^[2-9TJQKA][cdhs]$/.test(node)) found.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return found.sort();
}

describe('tables: public view', () => {
  for (const seed of [1, 2, 3]) {
    it(`when a hand is live preflop (seed ${seed}) then no hole card, deck or burned card is anywhere in the view`, () => {
      const table = liveTable(seed);
      const view = publicTableView(table.state);
      const text = JSON.stringify(view);

      assert.deepEqual(cardsIn(view), []);
      assert.ok(!text.includes('deck') && !text.includes('burned'));
      const deals = view.hand?.actions.filter((action) => action.type === 'dealHole') ?? [];
      assert.equal(deals.length, 3);
      for (const deal of deals) assert.deepEqual(deal.cards, [HIDDEN_CARD, HIDDEN_CARD]);
      assert.deepEqual(view.seats.map((seat) => seat.hiddenCards), [2, 2, 2]);
    });
  }

  it('when the flop is out then the view shows the board and nothing else of the cards', () => {
    const table = liveTable(4);
    while (table.state.hand && table.hand?.streetName === 'preflop') {
      const legal = table.hand.legalActions();
      table.act(onClock(table), { action: legal?.check ? 'check' : 'call' }, 2_000);
    }
    const board = table.state.hand?.boards[0].map(formatCard) ?? [];
    assert.equal(board.length, 3);

    const view = publicTableView(table.state);

    assert.equal(view.phase, 'flop');
    assert.deepEqual(view.boards, [board]);
    // The board shows twice: in `boards` and in the dealBoard step of the log.
    assert.deepEqual(cardsIn(view), [...board, ...board].sort());
    assert.deepEqual(view.hand?.actions.find((action) => action.type === 'dealBoard')?.cards, board);
  });

  it('when players bet then seats show stacks and bets, the pots and the player on the clock, and the chips add up', () => {
    const table = liveTable(5);
    const raiser = onClock(table);
    table.act(raiser, { action: 'raise', amount: 10 }, 1_500);
    const folder = onClock(table);
    table.act(folder, { action: 'fold' }, 1_600);

    const view = publicTableView(table.state);
    const seatOf = (playerId: string) => view.seats.find((seat) => seat.playerId === playerId);

    assert.equal(view.handNumber, 1);
    assert.equal(view.phase, 'preflop');
    assert.equal(seatOf(raiser)?.bet, 10);
    assert.equal(seatOf(folder)?.status, 'folded');
    assert.equal(seatOf(folder)?.hiddenCards, 2, 'a folded hand stays hidden');
    assert.equal(view.toAct, table.actorSeat());
    assert.ok(view.toAct >= 0);
    const behind = view.seats.reduce((sum, seat) => sum + seat.stack + seat.bet, 0);
    const potted = view.pots.reduce((sum, pot) => sum + pot.amount, 0);
    assert.equal(behind + potted, 450);
    assert.equal(view.chipsOnTable, 450);
    const raise = view.hand?.actions.find((action) => action.type === 'raise');
    assert.equal(raise?.seat, table.seatOf(raiser));
  });

  it('when no hand is live then the view says waiting and lists seats, the waiting list and the template\'s rules', () => {
    const table = CashTable.create('t2', 'Quiet', { ...SETTINGS, maxSeats: 2 }, seededRandom(6));
    table.sit('alice', 'Alice', 0, 100, 0);
    table.sit('bob', 'Bob', 1, 120, 0);
    table.waitlist('dave', 'Dave', true, 0);

    const view = publicTableView(table.state);

    assert.equal(view.phase, 'waiting');
    assert.equal(view.hand, null);
    assert.deepEqual(view.pots, []);
    assert.deepEqual(view.waiting, [{ playerId: 'dave', name: 'Dave' }]);
    assert.deepEqual(view.seats.map((seat) => [seat.seat, seat.name, seat.stack, seat.hiddenCards]), [[0, 'Alice', 100, 0], [1, 'Bob', 120, 0]]);
    assert.deepEqual(
      [view.settings.variant, view.settings.smallBlind, view.settings.bigBlind, view.settings.maxSeats, view.settings.rakeBasisPoints, view.settings.actionSeconds],
      ['NT', 1, 2, 2, 500, 10],
    );
    assert.equal(view.closing, false);
  });

  it('when a step deals face-down cards or draws then they read ??, while face-up cards, shown cards and boards read as cards', () => {
    const seats = [3, 5];
    const down = redactOperation({ type: 'dealHole', player: 1, cards: [0, 51, 20], up: [false, false, true] }, seats);
    const drawn = redactOperation({ type: 'draw', player: 0, discarded: [4, 8], drawn: [12, 16] }, seats);
    const shown = redactOperation({ type: 'show', player: 0, cards: [0, 51] }, seats);
    const board = redactOperation({ type: 'dealBoard', board: 0, cards: [0, 4, 8] }, seats);

    assert.deepEqual(down, { type: 'dealHole', player: 1, seat: 5, cards: ['??', '??', formatCard(20)], up: [false, false, true] });
    assert.deepEqual(drawn, { type: 'draw', player: 0, seat: 3, discarded: ['??', '??'], drawn: ['??', '??'] });
    assert.deepEqual(shown.cards, [formatCard(0), formatCard(51)]);
    assert.deepEqual(board, { type: 'dealBoard', board: 0, cards: [0, 4, 8].map(formatCard) });
  });
});
