/**
 * Places and prizes of players who are out, and the standings.
 *
 * Players knocked out together — in the same hand, or in the same round of
 * hand-for-hand play — take the lowest places still open, ordered by their
 * stacks at the start of the hand they went out in: the larger stack places
 * higher (TDA). Players with equal stacks tie: each gets the best place of
 * the places they span, and they share the prizes of those places equally,
 * in whole units, with the units left over going one each to the tied
 * players in the order given (pass them in a fixed order, e.g. clockwise
 * from the button, as the odd chip of a split pot goes). No unit is created
 * or lost: the prizes handed out are exactly the prizes of the places taken.
 */
import { IllegalActionError } from '../../engine/errors.ts';

/** A player who went out, with the chips they had when the hand they lost began. */
export type Bust = { playerId: string; startingStack: number };

export type Placement = { playerId: string; place: number; prize: number };

/** A line of the standings: players still in have a stack and no place, players out a place (and a prize when paid). */
export type Standing = { playerId: string; stack: number; place?: number; prize?: number };

function refuse(message: string): never {
  throw new IllegalActionError('bad_eliminations', message);
}

function verifyPrizes(prizes: readonly number[]): void {
  if (!prizes.every((p) => Number.isSafeInteger(p) && p >= 0)) refuse('Prizes are whole, non-negative amounts.');
}

/** The prize of `place` (1-based): 0 past the paid places. */
function prizeOf(prizes: readonly number[], place: number): number {
  return prizes[place - 1] ?? 0;
}

/**
 * Places the players knocked out together, when `remainingBefore` players
 * (these included) were still in: they take places remainingBefore − k + 1
 * to remainingBefore. `prizes[i]` is the prize of place i + 1. The result is
 * best place first, tied players in the order given. Refuses duplicate
 * players, stacks that are not positive whole numbers, and eliminations that
 * would leave nobody in.
 */
export function placeEliminations(busts: readonly Bust[], remainingBefore: number, prizes: readonly number[]): Placement[] {
  verifyPrizes(prizes);
  if (busts.length === 0) return [];
  if (!Number.isSafeInteger(remainingBefore) || busts.length >= remainingBefore) {
    refuse(`${busts.length} players cannot go out when ${remainingBefore} are in: somebody must be left.`);
  }
  if (new Set(busts.map((b) => b.playerId)).size !== busts.length) refuse('A player can go out only once.');
  if (!busts.every((b) => Number.isSafeInteger(b.startingStack) && b.startingStack > 0)) {
    refuse('A player went out from a positive whole stack.');
  }
  // Stable sort: equal stacks keep the caller's order, which decides who gets a left-over unit.
  const ordered = busts.map((bust, index) => ({ bust, index })).sort((a, b) => b.bust.startingStack - a.bust.startingStack || a.index - b.index);
  const placements: Placement[] = [];
  let place = remainingBefore - busts.length + 1;
  for (let i = 0; i < ordered.length; ) {
    let j = i;
    while (j < ordered.length && ordered[j].bust.startingStack === ordered[i].bust.startingStack) j++;
    const tied = ordered.slice(i, j);
    let pot = 0;
    for (let p = place; p < place + tied.length; p++) pot += prizeOf(prizes, p);
    const share = Math.floor(pot / tied.length);
    let left = pot - share * tied.length;
    for (const { bust } of tied) {
      placements.push({ playerId: bust.playerId, place, prize: share + (left > 0 ? 1 : 0) });
      if (left > 0) left--;
    }
    place += tied.length;
    i = j;
  }
  return placements;
}

/** The last player in: first place and its prize. */
export function placeWinner(playerId: string, prizes: readonly number[]): Placement {
  verifyPrizes(prizes);
  return { playerId, place: 1, prize: prizeOf(prizes, 1) };
}

/**
 * The standings: players still in, largest stack first (equal stacks in the
 * order given), then players out, best place first (ties in the order given).
 * A prize appears only when it is above zero.
 */
export function standings(alive: readonly { playerId: string; stack: number }[], placed: readonly Placement[]): Standing[] {
  const inPlay = alive
    .map((player, index) => ({ player, index }))
    .sort((a, b) => b.player.stack - a.player.stack || a.index - b.index)
    .map(({ player }): Standing => ({ playerId: player.playerId, stack: player.stack }));
  const out = placed
    .map((placement, index) => ({ placement, index }))
    .sort((a, b) => a.placement.place - b.placement.place || a.index - b.index)
    .map(({ placement }): Standing => ({
      playerId: placement.playerId,
      stack: 0,
      place: placement.place,
      ...(placement.prize > 0 ? { prize: placement.prize } : {}),
    }));
  return [...inPlay, ...out];
}
