/**
 * What every part of the Tournament works on: the state, indexes over it
 * (rebuilt on restore, never snapshotted), the random source, the time of
 * the command in progress and the events it has produced so far.
 */
import { IllegalActionError } from '../engine/errors.ts';
import type { RandomSource } from '../engine/random.ts';
import { readClock, type ClockReading } from './rules/clock.ts';
import type { TournamentEvent } from './events.ts';
import type { MoveRecord, PlayerRecord, TableRecord, TournamentState } from './state.ts';

export type Context = {
  state: TournamentState;
  random: RandomSource;
  players: Map<string, PlayerRecord>;
  tables: Map<string, TableRecord>;
  moves: Map<string, MoveRecord>;
  /** Something changed what balancing sees (a hand ended, a seat filled): plan again. */
  needsBalance: boolean;
  now: number;
  events: TournamentEvent[];
};

export function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

export function createContext(state: TournamentState, random: RandomSource): Context {
  return {
    state,
    random,
    players: new Map(state.players.map((p) => [p.playerId, p])),
    tables: new Map(state.tables.map((t) => [t.tableId, t])),
    moves: new Map(state.moves.map((m) => [m.moveId, m])),
    needsBalance: true,
    now: state.aliveAt,
    events: [],
  };
}

export function emit(ctx: Context, event: TournamentEvent): void {
  ctx.events.push(event);
}

/** The clock at the command's time, or null before the start. */
export function clockNow(ctx: Context): ClockReading | null {
  const { state } = ctx;
  return state.clock ? readClock(state.definition, state.clock, ctx.now) : null;
}

export function addPlayer(ctx: Context, player: PlayerRecord): void {
  ctx.state.players.push(player);
  ctx.players.set(player.playerId, player);
}

export function removePlayer(ctx: Context, playerId: string): void {
  ctx.state.players = ctx.state.players.filter((p) => p.playerId !== playerId);
  ctx.players.delete(playerId);
}

export function addTable(ctx: Context, table: TableRecord): void {
  ctx.state.tables.push(table);
  ctx.tables.set(table.tableId, table);
}

export function addMove(ctx: Context, move: MoveRecord): void {
  ctx.state.moves.push(move);
  ctx.moves.set(move.moveId, move);
}

/** Forgets a seated move: nothing is left to re-issue, and its id stays known as a past one. */
export function dropMove(ctx: Context, moveId: string): void {
  ctx.state.moves = ctx.state.moves.filter((m) => m.moveId !== moveId);
  ctx.moves.delete(moveId);
}

export function openTables(ctx: Context): TableRecord[] {
  return ctx.state.tables.filter((t) => t.status === 'open');
}

/** Chips of bought rebuys and add-ons the player's table does not have yet (held for a hand in play or a move). */
export function heldChips(ctx: Context, playerId: string): number {
  let held = 0;
  for (const add of ctx.state.adds) if (add.playerId === playerId && add.status === 'held') held += add.amount;
  return held;
}
