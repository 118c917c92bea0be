import type { Hand } from '../hand/Hand.ts';
import { HandPhase, OddChipRule, type HandConfig } from '../hand/state.ts';
import { BettingStructure, findVariant, usesBringIn } from '../variants.ts';
import { stopClock } from './action-clock.ts';
import type { DealerEvent, DealerSettings, DealerState, SeatResult } from './dealer-state.ts';
import type { HandPlan } from './lineup.ts';
import { asksRunouts } from './runout-vote.ts';
import { setSittingOut } from './seating.ts';

/** The dealer's steps around a hand: its configuration, the dealer's part while it runs, and its end. */

/** The configuration of the planned hand under the table's current settings. */
export function handConfig(settings: DealerSettings, plan: HandPlan): HandConfig {
  const variant = findVariant(settings.variant);
  const fixed = variant?.betting === BettingStructure.fixedLimit;
  const stud = variant !== undefined && usesBringIn(variant);
  return {
    variant: settings.variant,
    startingStacks: plan.startingStacks,
    antes: plan.antes,
    blindsOrStraddles: plan.blindsOrStraddles,
    deadBlinds: plan.deadBlinds,
    posts: plan.posts,
    anteTrimming: !settings.stakes.bigBlindAnte,
    ...(fixed ? { smallBet: settings.smallBet, bigBet: settings.bigBet } : { minBet: settings.stakes.bigBlind }),
    ...(stud ? { bringIn: settings.stakes.bringIn ?? 0, ...(settings.openPairBigBet ? { openPairBigBet: true } : {}) } : {}),
    ...(settings.rake ? { rake: settings.rake } : {}),
    oddChips: OddChipRule.leftOfButton,
    maxRunouts: settings.maxRunouts,
    seats: plan.seats,
  };
}

/**
 * What the dealer does by itself after any change: an all-in hand is
 * tabled, the showdown is played in turn (each player's wish, else a hand
 * that can win is shown and one that cannot is mucked), and the board runs once.
 * (In a draw game the hand is all-in only on its last street: players
 * still draw, and show at the end.)
 */
export function playDealerPart(s: DealerState, hand: Hand): void {
  if (hand.state.allIn && !hand.isComplete) {
    hand.state.active.forEach((active, i) => {
      if (active && !hand.state.shown[i] && hand.canShow(i)) hand.show(i);
    });
  }
  while (hand.phase === HandPhase.showdown) {
    const next = hand.state.showdownQueue[0];
    if (s.info[s.handSeats[next]]?.showdownChoice === 'show') hand.show(next);
    else hand.showOrMuck();
  }
  // A table that allows more than one runout asks its players (`runout-vote.ts`); any other runs the board once.
  if (hand.phase === HandPhase.runoutVote && !asksRunouts(s)) {
    hand.state.active.forEach((active, i) => {
      if (active && hand.state.runoutVotes[i] === null) hand.chooseRunouts(i, 1);
    });
  }
}

/**
 * Ends a complete hand and reports it: stacks go back to the seats, chips
 * added during it join them, and players left with nothing, or who timed out
 * `maxTimeouts` hands running, sit out.
 */
export function finishHand(s: DealerState, hand: Hand, now: number): DealerEvent {
  const seats = s.handSeats;
  const results: SeatResult[] = seats.map((seat, i) => ({
    seat, playerId: s.seating.seats[seat]?.playerId ?? '',
    startStack: hand.state.config.startingStacks[i], endStack: hand.state.stacks[i],
    busted: hand.state.stacks[i] + (s.info[seat]?.pendingTopUp ?? 0) === 0,
  }));
  const event: DealerEvent = {
    type: 'handComplete', handNumber: s.handNumber, hand: hand.state, seats: [...seats],
    playerIds: results.map((result) => result.playerId),
    startedAt: s.handStartedAt, endedAt: now, rake: hand.rake(), results,
  };
  seats.forEach((seat, i) => {
    const current = s.seating.seats[seat];
    if (current) s.seating.seats[seat] = { ...current, stack: hand.state.stacks[i] };
  });
  s.hand = null;
  s.handSeats = [];
  stopClock(s);
  applyPendingChips(s);
  s.info.forEach((info, seat) => {
    const current = s.seating.seats[seat];
    if (!info || !current || current.sittingOut) return;
    if (current.stack === 0 || info.timeouts >= s.settings.maxTimeouts) s.seating = setSittingOut(s.seating, seat, true);
  });
  return event;
}

/** Chips added during a hand join their stacks. */
export function applyPendingChips(s: DealerState): void {
  s.info.forEach((info, seat) => {
    const current = s.seating.seats[seat];
    if (!info || !current || info.pendingTopUp === 0) return;
    s.seating.seats[seat] = { ...current, stack: current.stack + info.pendingTopUp };
    info.pendingTopUp = 0;
  });
}
