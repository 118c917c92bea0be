/**
 * The one place where a running tournament moves on after a command: the
 * clock, the money, places, the end, balance, hand-for-hand, closing,
 * bought chips and deals, always in this order.
 */
import { closeRegistration, announceClock, lateRegistrationOver } from './timeline.ts';
import { completeRound, finishIfWon, fixPayoutsNearTheMoney, handForHandNext, placeQueued } from './results.ts';
import { balance, sendHeldChips, sendSeats } from './moves.ts';
import { closeEmptied, dealWhereReady } from './tables.ts';
import type { Context } from './context.ts';

export function advance(ctx: Context): void {
  const { state } = ctx;
  if (state.status !== 'running') return;
  announceClock(ctx);
  if (lateRegistrationOver(ctx)) closeRegistration(ctx);
  fixPayoutsNearTheMoney(ctx);
  placeQueued(ctx);
  const completed = completeRound(ctx);
  if (finishIfWon(ctx)) return;
  // Nobody plays two hands of one hand-for-hand round: balance between rounds only.
  if (!state.handForHand) balance(ctx);
  handForHandNext(ctx, completed);
  sendSeats(ctx);
  closeEmptied(ctx);
  sendHeldChips(ctx);
  dealWhereReady(ctx);
}
