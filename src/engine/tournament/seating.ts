import type { SeatInstruction } from '../../tournaments/events.ts';
import { illegal, requireSeat, seatOf, touch, type TournamentContext } from './context.ts';
import type { TournamentSeatInfo } from './state.ts';

/**
 * Seats by the tournament's instructions, players released to another
 * table, and chips bought (rebuys, add-ons). Each is idempotent by its id
 * (`moveId`, `key`): a repeat answers what the first call did.
 */

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function verifyInstruction(value: unknown): asserts value is SeatInstruction {
  const i = value as SeatInstruction | null;
  if (typeof i !== 'object' || i === null || !isText(i.moveId) || !isText(i.playerId) || typeof i.name !== 'string') {
    illegal('bad_seating', 'Each seat instruction is {moveId, playerId, name, seat, stack}.');
  }
}

/** Checks a list of seat instructions and returns those not seated yet; any bad one refuses them all. */
export function verifySeatPlayers(t: TournamentContext, seats: readonly SeatInstruction[]): SeatInstruction[] {
  const s = t.state;
  if (!Array.isArray(seats)) illegal('bad_seating', 'Seat instructions come as a list.');
  if (s.tournament.closed) illegal('table_closed', 'The tournament has closed this table.');
  const fresh: SeatInstruction[] = [];
  for (const instruction of seats) {
    verifyInstruction(instruction);
    const { moveId, playerId, seat, stack } = instruction;
    if (s.tournament.seated[moveId] || s.tournament.released[moveId]) continue;
    t.dealer.verifySeat(seat, playerId, stack);
    if (fresh.some((other) => other.seat === seat)) illegal('seat_taken', `Two instructions take seat ${seat}.`);
    if (fresh.some((other) => other.playerId === playerId)) illegal('already_seated', `Two instructions seat player ${playerId}.`);
    fresh.push(instruction);
  }
  return fresh;
}

/**
 * Seats each instruction not seated yet. A seated player owes nothing and is
 * dealt the next hand (unless they sit between its button and small blind:
 * see `dealing.ts`). Answers the instructions' moves seated here.
 */
export function seatPlayers(t: TournamentContext, seats: readonly SeatInstruction[]): string[] {
  const fresh = verifySeatPlayers(t, seats);
  const s = t.state;
  for (const { moveId, playerId, name, seat, stack } of fresh) {
    const info: TournamentSeatInfo = {
      playerId, name, connected: false, disconnectedAt: 0, timeBankMs: s.settings.timeBankMs, timeouts: 0,
      leaveAfterHand: false, pendingTopUp: 0, showdownChoice: null, lastAction: '', away: false,
    };
    t.dealer.seat(seat, playerId, stack, info, { dealInAtOnce: true });
    s.tournament.seated[moveId] = { playerId, seat };
    delete s.tournament.movedTo[playerId];
  }
  if (fresh.length > 0) touch(t);
  return seats.filter((i) => s.tournament.seated[i.moveId]).map((i) => i.moveId);
}

/** Checks a release; answers the stack of a move released already, null for one to do now. */
export function verifyRelease(t: TournamentContext, moveId: string, playerId: string): number | null {
  if (!isText(moveId) || !isText(playerId)) illegal('bad_release', 'A release names its moveId and playerId.');
  const done = t.state.tournament.released[moveId];
  if (done) {
    if (done.playerId !== playerId) illegal('move_mismatch', `Move ${moveId} released player ${done.playerId}, not ${playerId}.`);
    return done.stack;
  }
  t.dealer.verifyRemove(requireSeat(t, playerId));
  return null;
}

/** Takes the player off the table (not during a hand they play) and answers every chip they carry away. */
export function releasePlayer(t: TournamentContext, moveId: string, playerId: string): number {
  const repeated = verifyRelease(t, moveId, playerId);
  if (repeated !== null) return repeated;
  const { chips } = t.dealer.remove(seatOf(t, playerId));
  t.state.tournament.released[moveId] = { playerId, stack: chips };
  touch(t);
  return chips;
}

/** Checks chips to add; answers the stack a key made already, null for chips to add now. */
export function verifyAddChips(t: TournamentContext, key: string, playerId: string, amount: number): number | null {
  if (!isText(key) || !isText(playerId)) illegal('bad_chips', 'Added chips name their key and playerId.');
  const done = t.state.tournament.added[key];
  if (done) {
    if (done.playerId !== playerId) illegal('key_mismatch', `Key ${key} added chips for player ${done.playerId}, not ${playerId}.`);
    return done.stack;
  }
  const seat = requireSeat(t, playerId);
  if (t.dealer.handIndexOf(seat) >= 0) illegal('in_hand', `Player ${playerId} is in the hand in play; add the chips once it is over.`);
  t.dealer.verifyAddChips(seat, amount);
  return null;
}

/** Adds bought chips to the player's stack (between their hands), once per key; answers the stack. */
export function addChips(t: TournamentContext, key: string, playerId: string, amount: number): number {
  const repeated = verifyAddChips(t, key, playerId, amount);
  if (repeated !== null) return repeated;
  const seat = seatOf(t, playerId);
  t.dealer.addChips(seat, amount);
  // During a hand the player is not in (seated since it began), the chips join the stack when it ends.
  const stack = (t.state.seating.seats[seat]?.stack ?? 0) + (t.state.info[seat]?.pendingTopUp ?? 0);
  t.state.tournament.added[key] = { playerId, stack };
  touch(t);
  return stack;
}
