import type { Variant } from '../variants.ts';
import type { HandPlan } from './lineup.ts';
import { verifyStakes } from './stakes.ts';
import type { Stakes, TableSeat, TableState } from './state.ts';

/**
 * Who plays the next hand of a stud table, and what each of them posts.
 * Stud has no button and no blinds, so nobody waits for a big blind or owes
 * a missed one: every ready player (seated, not sitting out, with chips) is
 * dealt in at once, a newcomer included, and antes. The lowest up card (razz:
 * the highest) then brings in, by the cards (see `hand/up-cards.ts`).
 *
 * The dealer sits between the last seat and seat 0, so hand order is seat
 * order from seat 0: equal up hands go to the player nearest the dealer's
 * left, as in a card room (and as PokerKit breaks ties, by player order).
 * The plan's button and blind positions are -1, and the table keeps the
 * positions it had for a game that has blinds.
 */
export function planStudHand(table: TableState, stakes: Stakes, variant: Variant): HandPlan | null {
  verifyStakes(stakes, variant);
  const isReady = (seat: TableSeat | null): seat is TableSeat => seat !== null && !seat.sittingOut && seat.stack > 0;
  const seats: number[] = [];
  table.seats.forEach((seat, s) => {
    if (isReady(seat)) seats.push(s);
  });
  if (seats.length < 2) return null;
  const players = seats.map((s) => table.seats[s] as TableSeat);
  const zeros = (): number[] => seats.map(() => 0);
  return {
    seats,
    playerIds: players.map((p) => p.playerId),
    button: -1,
    smallBlindSeat: -1,
    bigBlindSeat: -1,
    startingStacks: players.map((p) => p.stack),
    antes: seats.map(() => stakes.ante),
    blindsOrStraddles: zeros(),
    deadBlinds: zeros(),
    posts: zeros(),
  };
}
