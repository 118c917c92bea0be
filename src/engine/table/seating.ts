import { IllegalActionError } from '../errors.ts';
import type { TableSeat, TableState } from './state.ts';

/** The most seats a table may have: a full ring game. */
export const MAX_TABLE_SEATS = 10;

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** True when the seat's player must post (or reach the big blind) before they are dealt in. */
export function owesBlind(seat: TableSeat): boolean {
  return seat.isNew || seat.missedBigBlind || seat.missedSmallBlind;
}

function verifySeatNumber(table: TableState, seat: number): void {
  if (!Number.isSafeInteger(seat) || seat < 0 || seat >= table.maxSeats) {
    refuse('bad_seat', `Seat ${seat} does not exist: this table has seats 0 to ${table.maxSeats - 1}.`);
  }
}

function occupied(table: TableState, seat: number): TableSeat {
  verifySeatNumber(table, seat);
  return table.seats[seat] ?? refuse('seat_empty', `Nobody sits in seat ${seat}.`);
}

function withSeat(table: TableState, seat: number, value: TableSeat | null): TableState {
  const seats = [...table.seats];
  seats[seat] = value;
  return { ...table, seats };
}

/** An empty table that has dealt no hand yet. */
export function createTable(maxSeats: number): TableState {
  if (!Number.isSafeInteger(maxSeats) || maxSeats < 2 || maxSeats > MAX_TABLE_SEATS) {
    refuse('bad_table', `A table has between 2 and ${MAX_TABLE_SEATS} seats, not ${maxSeats}.`);
  }
  return {
    maxSeats,
    seats: new Array<TableSeat | null>(maxSeats).fill(null),
    button: -1,
    smallBlindSeat: -1,
    bigBlindSeat: -1,
    handsPlayed: 0,
  };
}

/** Refuses a seat that does not exist or is taken, a player already seated here, or a stack that is not a positive whole number. */
export function verifySeatPlayer(table: TableState, seat: number, playerId: string, stack: number): void {
  verifySeatNumber(table, seat);
  if (table.seats[seat]) refuse('seat_taken', `Seat ${seat} is taken; choose an empty seat.`);
  if (typeof playerId !== 'string' || playerId.length === 0) refuse('bad_player', 'A player needs an id to sit down.');
  if (table.seats.some((s) => s?.playerId === playerId)) {
    refuse('already_seated', `Player ${playerId} already has a seat at this table.`);
  }
  if (!Number.isSafeInteger(stack) || stack <= 0) refuse('bad_stack', 'A player sits down with a positive whole number of chips.');
}

export function canSeatPlayer(table: TableState, seat: number, playerId: string, stack: number): boolean {
  try {
    verifySeatPlayer(table, seat, playerId, stack);
    return true;
  } catch {
    return false;
  }
}

/**
 * Seats a player who will wait for the big blind (or post, see `setWillPost`)
 * before being dealt in, except on a table that has not dealt its first hand,
 * where everyone seated is dealt in.
 */
export function seatPlayer(table: TableState, seat: number, playerId: string, stack: number): TableState {
  verifySeatPlayer(table, seat, playerId, stack);
  return withSeat(table, seat, {
    playerId,
    stack,
    sittingOut: false,
    missedSmallBlind: false,
    missedBigBlind: false,
    isNew: true,
    willPost: false,
  });
}

/** Refuses a seat that does not exist or is empty. */
export function verifyStandUp(table: TableState, seat: number): void {
  occupied(table, seat);
}

export function canStandUp(table: TableState, seat: number): boolean {
  try {
    verifyStandUp(table, seat);
    return true;
  } catch {
    return false;
  }
}

/**
 * Empties a seat between hands. The button and blind positions stay where they
 * are: under the dead button rule the next hand may have a dead small blind or
 * a dead button on this seat.
 */
export function standUp(table: TableState, seat: number): TableState {
  verifyStandUp(table, seat);
  return withSeat(table, seat, null);
}

/** Refuses a seat that does not exist or is empty. */
export function verifySetSittingOut(table: TableState, seat: number, sittingOut: boolean): void {
  occupied(table, seat);
  if (typeof sittingOut !== 'boolean') refuse('bad_request', 'Sitting out is either true or false.');
}

export function canSetSittingOut(table: TableState, seat: number, sittingOut: boolean): boolean {
  try {
    verifySetSittingOut(table, seat, sittingOut);
    return true;
  } catch {
    return false;
  }
}

/**
 * A player sitting out keeps their seat but is not dealt in; each blind that
 * passes them meanwhile is recorded as missed, to be paid when they return.
 */
export function setSittingOut(table: TableState, seat: number, sittingOut: boolean): TableState {
  verifySetSittingOut(table, seat, sittingOut);
  return withSeat(table, seat, { ...occupied(table, seat), sittingOut });
}

/** Refuses a seat that does not exist or is empty, and a promise to post from a player who owes nothing. */
export function verifySetWillPost(table: TableState, seat: number, willPost: boolean): void {
  const player = occupied(table, seat);
  if (typeof willPost !== 'boolean') refuse('bad_request', 'Posting is either true or false.');
  if (willPost && !owesBlind(player)) {
    refuse('nothing_owed', `Player ${player.playerId} owes no blind and is dealt in without posting.`);
  }
}

export function canSetWillPost(table: TableState, seat: number, willPost: boolean): boolean {
  try {
    verifySetWillPost(table, seat, willPost);
    return true;
  } catch {
    return false;
  }
}

/**
 * A new or returning player chooses to post a big blind (and any missed small
 * blind as dead money) to be dealt in at once, or (false) to wait for the big blind.
 */
export function setWillPost(table: TableState, seat: number, willPost: boolean): TableState {
  verifySetWillPost(table, seat, willPost);
  return withSeat(table, seat, { ...occupied(table, seat), willPost });
}
