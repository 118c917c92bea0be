/**
 * Places, prizes and the end.
 *
 * - **The money**: once the players left are at most one more than the
 *   places paid (`nearTheMoney`), nothing more is sold and the payout table
 *   is fixed (field and pool), so every prize comes out of the same pool
 *   and the prizes sum to it exactly.
 * - **Places**: entries knocked out together are placed together
 *   (`placeEliminations`): in the same hand, or in the same round of
 *   hand-for-hand play (`placeRound`). While registration is open the field
 *   is not known, so busts wait and are placed, oldest first, when it closes.
 * - **Prizes**: a place with a prize is owed under its deterministic key
 *   (`payPrize`) until `prizePaid`; re-issuing it after a crash is safe.
 * - **Hand-for-hand**: on while the bubble is next and two or more tables
 *   play; round after round, balancing only between rounds.
 */
import {
  beginHandForHand,
  handForHandActive,
  nextRound,
  placeRound,
  roundComplete,
  type HandForHandRound,
} from './rules/hand-for-hand.ts';
import { payoutTable, prizePool, prizesByPlace } from './rules/payouts.ts';
import { placeEliminations, placeWinner, type Placement } from './rules/placing.ts';
import { prizeKey } from './keys.ts';
import { AddStatus, type ResultRecord } from './state.ts';
import { emit, openTables, type Context } from './context.ts';
import { nearTheMoney, placesPaid, remainingCount } from './field.ts';
import { closeRegistration } from './timeline.ts';
import { closeAll, handInPlay, seatedCount } from './tables.ts';
import { standingsOf } from './views.ts';

function prizes(ctx: Context): number[] {
  return ctx.state.payouts ? prizesByPlace(ctx.state.payouts) : [];
}

/** Entries not placed yet: those still in, and those out and waiting for their places. */
function unplacedEntries(ctx: Context): number {
  return ctx.state.entrants - ctx.state.results.length;
}

/**
 * Chips bought by a player whose hand is in play: if that hand knocks them
 * out, the chips never reach the table and their price is refunded, which
 * would shrink the pool.
 */
function poolMayShrink(ctx: Context): boolean {
  for (const add of ctx.state.adds) {
    if (add.status !== AddStatus.held) continue;
    const player = ctx.players.get(add.playerId)!;
    const table = player.tableId ? ctx.tables.get(player.tableId) : undefined;
    if (player.moveId === null && table && handInPlay(table)) return true;
  }
  return false;
}

/**
 * Once the money is near: registration closes, and the payout table is
 * fixed as soon as no bought chip can still be refunded.
 */
export function fixPayoutsNearTheMoney(ctx: Context): void {
  const { state } = ctx;
  if (state.payouts || !nearTheMoney(ctx)) return;
  closeRegistration(ctx);
  if (poolMayShrink(ctx)) return;
  const pool = prizePool(state.definition, { entries: state.entrants, rebuys: state.rebuys, addOns: state.addOns });
  state.payouts = payoutTable(state.definition, state.entrants, pool);
}

function record(ctx: Context, placement: Placement, name: string, entry: number, out = true): void {
  const { state } = ctx;
  const key = placement.prize > 0 ? prizeKey(state.tournamentId, placement.playerId, entry) : null;
  const result: ResultRecord = { playerId: placement.playerId, name, entry, place: placement.place, prize: placement.prize, prizeKey: key, paid: false };
  state.results.push(result);
  if (out) emit(ctx, { type: 'eliminated', playerId: placement.playerId, entry, place: placement.place, prize: placement.prize });
  if (key) emit(ctx, { type: 'payPrize', key, playerId: placement.playerId, entry, place: placement.place, amount: placement.prize });
}

/** Places the queued busts, oldest first, once registration is closed. */
export function placeQueued(ctx: Context): void {
  const { state } = ctx;
  // Before the money is near, the places open are all unpaid; once it is, they wait for the payout table.
  if (!state.registrationClosed || (nearTheMoney(ctx) && !state.payouts)) return;
  while (state.unplaced.length > 0) {
    const group = state.unplaced.shift()!;
    const placements = placeEliminations(group.map((b) => ({ playerId: b.playerId, startingStack: b.startingStack })), unplacedEntries(ctx), prizes(ctx));
    for (const placement of placements) {
      const bust = group.find((b) => b.playerId === placement.playerId)!;
      record(ctx, placement, bust.name, bust.entry);
    }
  }
}

/** When the hand-for-hand round is complete: places its busts together and answers it (the state then has none). */
export function completeRound(ctx: Context): HandForHandRound | null {
  const { state } = ctx;
  const round = state.handForHand;
  if (!round || !roundComplete(round)) return null;
  for (const placement of placeRound(round, prizes(ctx))) {
    const player = ctx.players.get(placement.playerId)!;
    record(ctx, placement, player.name, player.entry);
  }
  state.handForHand = null;
  ctx.needsBalance = true;
  return round;
}

/**
 * Starts hand-for-hand when the bubble is next, starts the next round after
 * a complete one while it still is, or ends it.
 */
export function handForHandNext(ctx: Context, completed: HandForHandRound | null): void {
  const { state } = ctx;
  if (state.handForHand || !state.payouts) return;
  const remaining = unplacedEntries(ctx);
  const tables = openTables(ctx);
  const playing = tables.filter((t) => handInPlay(t) || seatedCount(t) >= 2);
  const active = handForHandActive(remaining, placesPaid(ctx), tables.length) && playing.length > 0;
  if (completed) {
    if (active) state.handForHand = nextRound(completed, playing.map((t) => t.number), remaining);
    else emit(ctx, { type: 'handForHandEnded', remaining });
    return;
  }
  if (!active) return;
  const round = beginHandForHand(playing.map((t) => ({ table: t.number, handInPlay: handInPlay(t) })), remaining);
  state.handForHand = round;
  emit(ctx, { type: 'handForHandStarted', remaining, round: round.round });
}

/** The last player in wins: first place, the tables close, `finished`. Answers whether it happened. */
export function finishIfWon(ctx: Context): boolean {
  const { state } = ctx;
  if (state.status !== 'running' || remainingCount(ctx) !== 1 || state.unplaced.length > 0 || state.handForHand || !state.payouts) return false;
  const winner = state.players.find((p) => !p.out)!;
  record(ctx, placeWinner(winner.playerId, prizes(ctx)), winner.name, winner.entry, false);
  state.status = 'finished';
  state.endedAt = ctx.now;
  closeAll(ctx);
  emit(ctx, { type: 'finished', standings: standingsOf(ctx) });
  return true;
}
