import assert from 'node:assert/strict';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { Dealer } from '../../../src/engine/table/Dealer.ts';
import { dealerSeat, emptyDealerState, type DealerEvent, type DealerSettings } from '../../../src/engine/table/dealer-state.ts';

/** A tournament-like table: no rake, no wallets; the host only seats players with the stacks it gives them. */
const SETTINGS: DealerSettings = {
  variant: 'NT', stakes: { smallBlind: 10, bigBlind: 20, ante: 0 }, smallBet: 0, bigBet: 0,
  maxRunouts: 1, actionMs: 10_000, timeBankMs: 0, maxTimeouts: 2,
};

function dealer(stacks: (number | null)[], seed = 1): Dealer {
  const d = new Dealer(emptyDealerState(structuredClone(SETTINGS), stacks.length), seededRandom(seed));
  stacks.forEach((stack, seat) => {
    if (stack !== null) d.seat(seat, `p${seat}`, stack, dealerSeat(d.state.settings));
  });
  return d;
}

type HandComplete = Extract<DealerEvent, { type: 'handComplete' }>;

/** Checks or calls for whoever is on the clock until the hand ends; returns its report. */
function playOut(d: Dealer, now = 1_000): HandComplete {
  for (let guard = 0; guard < 100; guard++) {
    const seat = d.actorSeat();
    const legal = d.hand?.legalActions();
    const events = d.act(seat, { action: legal?.check ? 'check' : 'call' }, now);
    const done = events.find((event): event is HandComplete => event.type === 'handComplete');
    if (done) return done;
  }
  throw new Error('The hand did not end.');
}

const chips = (d: Dealer): number => d.state.seating.seats.reduce((sum, seat) => sum + (seat?.stack ?? 0), 0);

describe('dealer on its own', () => {
  it('when players are seated with given stacks then hands are dealt and each is reported with its stacks at the start and end', () => {
    const d = dealer([1500, 1500, 1500]);
    const started = d.startHand(0);
    assert.deepEqual(started, [{ type: 'handStarted', handNumber: 1 }]);
    assert.deepEqual(d.state.handSeats, [1, 2, 0], 'the first hand: button on seat 0, blinds on seats 1 and 2');

    const report = playOut(d);

    assert.equal(report.handNumber, 1);
    assert.deepEqual(report.results.map((r) => [r.seat, r.playerId, r.startStack]), [[1, 'p1', 1500], [2, 'p2', 1500], [0, 'p0', 1500]]);
    assert.equal(report.results.reduce((sum, r) => sum + r.endStack, 0), 4500, 'no rake: every chip is still in a stack');
    for (const r of report.results) assert.equal(d.state.seating.seats[r.seat]?.stack, r.endStack);
    assert.equal(d.state.hand, null);
    assert.equal(d.actorSeat(), -1);
    assert.equal(d.nextDeadline(), 0, 'nobody is on the clock between hands');

    d.startHand(2_000);
    assert.equal(d.state.handNumber, 2);
    assert.equal(d.state.seating.button, 1, 'the button moves on');
  });

  it('when a player loses every chip then the hand reports them busted and they sit out', () => {
    for (let seed = 1; seed < 50; seed++) {
      const d = dealer([300, 1000], seed);
      d.startHand(0);
      d.act(d.actorSeat(), { action: 'allin' }, 0);
      const report = d.act(d.actorSeat(), { action: 'call' }, 0).find((e): e is HandComplete => e.type === 'handComplete');
      assert.ok(report, 'all-in and called: the board runs out and the hand ends');
      const loser = report.results.find((r) => r.endStack === 0);
      if (!loser) continue;
      assert.equal(loser.busted, true);
      assert.ok(report.results.every((r) => r.busted === (r === loser)));
      assert.equal(d.state.seating.seats[loser.seat]?.sittingOut, true);
      assert.equal(d.canStartHand(), false, 'one player with chips deals no hand');
      return;
    }
    assert.fail('No seed gave a hand with a loser.');
  });

  it('when a player is removed between hands then they leave with their chips and the next hand is dealt without them', () => {
    const d = dealer([1000, 1000, 1000]);
    d.startHand(0);
    const inHand = d.state.handSeats[0];
    assert.throws(() => d.remove(inHand), (e: IllegalActionError) => e.code === 'in_hand');
    playOut(d);
    const stack = d.state.seating.seats[2]?.stack;

    assert.deepEqual(d.remove(2), { seat: 2, playerId: 'p2', chips: stack });

    assert.equal(d.state.seating.seats[2], null);
    assert.equal(d.state.info[2], null);
    d.startHand(1_000);
    assert.deepEqual([...d.state.handSeats].sort(), [0, 1]);
    assert.equal(chips(d) + (stack ?? 0), 3000, 'the chips that left and those still seated are all the chips');
  });

  it('when the stakes change during a hand then that hand keeps its blinds and the next one posts the new ones', () => {
    const d = dealer([5000, 5000, 5000]);
    d.startHand(0);
    assert.throws(() => d.changeStakes({ stakes: { smallBlind: 50, bigBlind: 25, ante: 0 } }), (e: IllegalActionError) => e.code === 'bad_stakes');

    d.changeStakes({ stakes: { smallBlind: 25, bigBlind: 50, ante: 5 } });

    assert.deepEqual(d.state.hand?.config.blindsOrStraddles, [10, 20, 0]);
    playOut(d);
    d.startHand(1_000);
    const config = d.state.hand?.config;
    assert.deepEqual(config?.blindsOrStraddles, [25, 50, 0]);
    assert.deepEqual(config?.antes, [5, 5, 5]);
    assert.equal(config?.minBet, 50);
  });

  it('when the host does not deal then no hand starts, and a deal is refused while one is in play or too few can play', () => {
    const d = dealer([1000, null, 1000]);
    assert.equal(d.canStartHand(), true);
    d.startHand(0);
    assert.throws(() => d.startHand(0), (e: IllegalActionError) => e.code === 'hand_in_play');
    playOut(d);
    assert.equal(d.state.hand, null, 'the finished hand is not followed by another until the host deals it');
    d.sitOut(0);
    assert.throws(() => d.startHand(1_000), (e: IllegalActionError) => e.code === 'too_few_players');
  });

  it('when a player joins between hands then by default they wait for the big blind, and dealt in at once they play the next hand', () => {
    const waiting = dealer([1000, null, 1000, 1000]);
    const atOnce = dealer([1000, null, 1000, 1000]);
    for (const d of [waiting, atOnce]) {
      d.startHand(0);
      playOut(d);
    }
    waiting.seat(1, 'p1', 800, dealerSeat(SETTINGS));
    atOnce.seat(1, 'p1', 800, dealerSeat(SETTINGS), { dealInAtOnce: true });

    waiting.startHand(1_000);
    atOnce.startHand(1_000);

    assert.equal(waiting.handIndexOf(1), -1, 'the big blind is on seat 0 this hand');
    const player = atOnce.handIndexOf(1);
    assert.ok(player >= 0);
    assert.equal(atOnce.state.hand?.config.posts?.[player], 0, 'they post nothing extra');
    assert.equal(atOnce.state.hand?.config.blindsOrStraddles[player], 0);
    assert.equal(atOnce.state.hand?.config.startingStacks[player], 800);
  });

  it('when chips are added during a hand then they join the stack after it, and between hands at once', () => {
    const d = dealer([1000, 1000]);
    d.startHand(0);
    const inHand = d.state.hand?.stacks[d.handIndexOf(0)];
    d.addChips(0, 500);
    assert.equal(d.state.hand?.stacks[d.handIndexOf(0)], inHand, 'the hand in play is not changed');
    const report = playOut(d);
    const end = report.results.find((r) => r.seat === 0)?.endStack ?? 0;
    assert.equal(d.state.seating.seats[0]?.stack, end + 500);
    d.addChips(1, 200);
    assert.equal(d.state.seating.seats[1]?.stack, (report.results.find((r) => r.seat === 1)?.endStack ?? 0) + 200);
    assert.throws(() => d.addChips(1, 0), (e: IllegalActionError) => e.code === 'bad_amount');
  });

  it('when the player to act lets the clock run out then they are checked or folded for, and sat out after timing out maxTimeouts times', () => {
    const d = dealer([1000, 1000, 1000]);
    d.startHand(0);
    assert.equal(d.actorSeat(), 0, 'the button acts first three-handed');
    assert.equal(d.nextDeadline(), 10_000);
    assert.deepEqual(d.tick(9_999), []);
    assert.equal(d.actorSeat(), 0);

    d.tick(10_000);

    assert.equal(d.state.hand?.active[d.handIndexOf(0)], false, 'facing the big blind, they are folded');
    assert.equal(d.state.info[0]?.lastAction, 'timeout');
    assert.equal(d.nextDeadline(), 20_000, 'the next player is on the clock from the timeout');
    playOut(d, 11_000);
    assert.equal(d.state.info[0]?.timeouts, 1);
    assert.equal(d.state.seating.seats[0]?.sittingOut, false, 'one timeout is not enough');

    let now = 20_000;
    d.startHand(now);
    while (d.state.hand) {
      now += 1_000;
      if (d.actorSeat() === 0) d.tick(d.nextDeadline());
      else d.act(d.actorSeat(), { action: d.hand?.legalActions()?.check ? 'check' : 'call' }, now);
    }
    assert.ok((d.state.info[0]?.timeouts ?? 0) >= 2);
    assert.equal(d.state.seating.seats[0]?.sittingOut, true);
  });
});
