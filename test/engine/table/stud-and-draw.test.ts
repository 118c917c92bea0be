import assert from 'node:assert/strict';
import { CashTable } from '../../../src/engine/cash/CashTable.ts';
import type { CashTableSettings } from '../../../src/engine/cash/settings.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { Dealer } from '../../../src/engine/table/Dealer.ts';
import { dealerSeat, emptyDealerState, type DealerSettings } from '../../../src/engine/table/dealer-state.ts';
import { applyPlan } from '../../../src/engine/table/lineup.ts';
import { verifyStakes, verifyTableGame } from '../../../src/engine/table/stakes.ts';
import { planStudHand } from '../../../src/engine/table/stud-lineup.ts';
import { findVariant } from '../../../src/engine/variants.ts';
import { refusalCode } from '../hand/helpers.ts';
import { newcomer, regular, table } from './helpers.ts';

const STUD = findVariant('F7S')!;
const STUD_STAKES = { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 2 };

const STUD_SETTINGS: DealerSettings = {
  variant: 'F7S', stakes: STUD_STAKES, smallBet: 4, bigBet: 8, maxRunouts: 1, actionMs: 10_000, timeBankMs: 0, maxTimeouts: 2,
};
const DRAW_SETTINGS: DealerSettings = {
  variant: 'F2L3D', stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 2, bigBet: 4, maxRunouts: 1, actionMs: 10_000, timeBankMs: 0,
  maxTimeouts: 2,
};

function dealer(settings: DealerSettings, stacks: (number | null)[], seed = 1): Dealer {
  const d = new Dealer(emptyDealerState(structuredClone(settings), stacks.length), seededRandom(seed));
  stacks.forEach((stack, seat) => {
    if (stack !== null) d.seat(seat, `p${seat}`, stack, dealerSeat(d.state.settings));
  });
  return d;
}

describe('stud at a table', () => {
  it('when a stud hand is planned then every ready player antes in seat order from seat 0, with no button and no blinds', () => {
    const state = table([regular('A'), null, newcomer('B'), { ...regular('C'), sittingOut: true }, regular('D', 0), regular('E')]);
    const plan = planStudHand(state, STUD_STAKES, STUD)!;
    assert.deepEqual(plan.seats, [0, 2, 5], 'a newcomer plays at once; sitting out or broke does not');
    assert.deepEqual(plan.antes, [1, 1, 1]);
    assert.deepEqual(plan.blindsOrStraddles, [0, 0, 0]);
    assert.deepEqual([plan.button, plan.smallBlindSeat, plan.bigBlindSeat], [-1, -1, -1]);
  });

  it('when a stud plan is applied then nobody owes a blind and the table keeps its positions', () => {
    const state = table([regular('A'), newcomer('B'), regular('C')], { button: 2, small: 0, big: 1 });
    const next = applyPlan(state, planStudHand(state, STUD_STAKES, STUD)!);
    assert.equal(next.seats[1]?.isNew, false);
    assert.deepEqual([next.button, next.smallBlindSeat, next.bigBlindSeat], [2, 0, 1]);
    assert.equal(next.handsPlayed, state.handsPlayed + 1);
  });

  it('when one stud player is ready then no hand is planned', () => {
    assert.equal(planStudHand(table([regular('A'), null, { ...regular('B'), sittingOut: true }]), STUD_STAKES, STUD), null);
  });

  it('when stud stakes have blinds, or no bring-in, or a bring-in of the small bet, or a table of nine, then they are refused', () => {
    assert.equal(refusalCode(() => verifyStakes({ ...STUD_STAKES, bigBlind: 2, smallBlind: 1 }, STUD)), 'bad_stakes');
    assert.equal(refusalCode(() => verifyStakes({ ...STUD_STAKES, bringIn: 0 }, STUD)), 'bad_stakes');
    assert.equal(refusalCode(() => verifyStakes({ smallBlind: 1, bigBlind: 2, ante: 0, bringIn: 1 }, findVariant('NT'))), 'bad_stakes');
    assert.equal(refusalCode(() => verifyTableGame({ ...STUD_SETTINGS, stakes: { ...STUD_STAKES, bringIn: 4 } })), 'bad_stakes');
    assert.equal(refusalCode(() => verifyTableGame(STUD_SETTINGS, 9)), 'bad_table');
    assert.equal(refusalCode(() => verifyTableGame(STUD_SETTINGS, 8)), 'none');
  });

  it('when a stud hand is dealt then everyone antes and the lowest door card is on the clock to bring in or complete', () => {
    const d = dealer(STUD_SETTINGS, [100, 100, 100]);
    d.startHand(0);
    const hand = d.hand!;
    assert.deepEqual(hand.state.config.antes, [1, 1, 1]);
    assert.equal(hand.state.config.bringIn, 2);
    const seat = d.actorSeat();
    const legal = hand.legalActions()!;
    assert.equal(d.state.handSeats[legal.player], seat);
    assert.deepEqual([legal.bringIn, legal.bringInAmount, legal.fold, legal.minRaiseTo], [true, 2, false, 4]);
    assert.equal(refusalCode(() => d.act(seat, { action: 'fold' }, 1)), 'bring_in_due');
    d.act(seat, { action: 'bringIn' }, 1);
    assert.equal(d.state.info[seat]?.lastAction, 'bringIn');
    assert.equal(d.hand!.legalActions()?.callAmount, 2);
  });

  it('when the player to bring in raises then it completes to the small bet, and allin completes too', () => {
    const d = dealer(STUD_SETTINGS, [100, 100, 100]);
    d.startHand(0);
    d.act(d.actorSeat(), { action: 'raise', amount: 4 }, 1);
    assert.equal(d.hand!.legalActions()?.callAmount, 4);
    const other = dealer(STUD_SETTINGS, [100, 100, 100]);
    other.startHand(0);
    other.act(other.actorSeat(), { action: 'allin' }, 1);
    assert.equal(other.hand!.legalActions()?.callAmount, 4, 'all the fixed limit allows: the completion');
  });

  it('when the player to bring in times out then the bring-in is posted for them', () => {
    const d = dealer(STUD_SETTINGS, [100, 100, 100]);
    d.startHand(0);
    const seat = d.actorSeat();
    d.tick(d.nextDeadline());
    assert.equal(d.state.info[seat]?.lastAction, 'timeout');
    assert.equal(d.hand!.state.log.filter((op) => op.type === 'bringIn').length, 1);
    assert.notEqual(d.actorSeat(), seat);
  });

  it('when a stud table is created with more seats than eight then it is refused', () => {
    const settings: CashTableSettings = {
      ...STUD_SETTINGS, minBuyIn: 20, maxBuyIn: 200, maxSeats: 9, pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, offerMs: 15_000,
    };
    assert.equal(refusalCode(() => CashTable.create('t', 'Stud', settings)), 'bad_table');
    assert.ok(CashTable.create('t', 'Stud', { ...settings, maxSeats: 8 }));
  });
});

describe('draw at a table', () => {
  function toDraw(): Dealer {
    const d = dealer(DRAW_SETTINGS, [100, 100, 100]);
    d.startHand(0);
    while (d.hand && d.hand.drawer < 0) {
      const legal = d.hand.legalActions();
      d.act(d.actorSeat(), { action: legal?.check ? 'check' : 'call' }, 1);
    }
    return d;
  }

  it('when the first betting round ends then the first player left of the button is on the clock to draw', () => {
    const d = toDraw();
    const legal = d.hand!.legalActions()!;
    assert.deepEqual([legal.draw, legal.maxDiscards, legal.player], [true, 5, 0]);
    assert.equal(d.actorSeat(), d.state.handSeats[0]);
    assert.ok(d.nextDeadline() > 0, 'the clock runs on a draw');
  });

  it('when a player draws through the table then others see only how many cards, and a bad discard is refused', () => {
    const d = toDraw();
    const seat = d.actorSeat();
    const hole = d.hand!.state.hole[0];
    assert.equal(refusalCode(() => d.act(seat, { action: 'draw', discard: [hole[0], hole[0]] }, 2)), 'bad_cards');
    assert.equal(refusalCode(() => d.act(seat, { action: 'draw', discard: 'Ac' as never }, 2)), 'bad_cards');
    d.act(seat, { action: 'draw', discard: hole.slice(0, 2) }, 2);
    assert.equal(d.state.info[seat]?.lastAction, 'draw 2');
    assert.equal(d.hand!.state.hole[0].length, 5);
    assert.equal(d.hand!.drawer, 1);
  });

  it('when a player on the clock to draw times out then they stand pat', () => {
    const d = toDraw();
    const seat = d.actorSeat();
    const before = [...d.hand!.state.hole[0]];
    d.tick(d.nextDeadline());
    assert.deepEqual(d.hand!.state.hole[0], before);
    assert.deepEqual(d.hand!.state.log.at(-1), { type: 'draw', player: 0, discarded: [], drawn: [] });
    assert.equal(d.state.info[seat]?.lastAction, 'timeout');
  });

  it('when a cash table plays draw hands through act then they end and every chip is accounted for', () => {
    const settings: CashTableSettings = {
      ...DRAW_SETTINGS, minBuyIn: 20, maxBuyIn: 200, maxSeats: 6, pauseMs: 1_000, reconnectMs: 20_000, standUpMs: 60_000, offerMs: 15_000,
    };
    const t = CashTable.create('t', 'Triple draw', settings, seededRandom(3));
    for (const [seat, id] of ['a', 'b', 'c'].entries()) t.sit(id, id, seat, 100, 0);
    let now = 0;
    let hands = 0;
    for (let guard = 0; guard < 2_000 && hands < 5; guard++) {
      const hand = t.hand;
      const seat = t.actorSeat();
      if (!hand || seat < 0) {
        now = Math.max(now, t.nextDeadline());
        hands += t.tick(now).filter((e) => e.type === 'handComplete').length;
        continue;
      }
      const id = t.state.info[seat]!.playerId;
      const legal = hand.legalActions()!;
      const events = legal.draw
        ? t.act(id, { action: 'draw', discard: hand.state.hole[legal.player].slice(0, 1) }, now)
        : t.act(id, { action: legal.check ? 'check' : 'call' }, now);
      hands += events.filter((e) => e.type === 'handComplete').length;
    }
    assert.equal(hands, 5);
    assert.equal(t.chipsOnTable(), 300);
  });
});
