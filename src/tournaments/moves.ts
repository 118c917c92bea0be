/**
 * Moving players, exactly once, as a two-sided handover.
 *
 * 1. decided: the state's picture has the player in their new seat at
 *    once (so no later plan moves them again) → `releasePlayer` to the
 *    source table, which takes them off between hands;
 * 2. released (`moveReleased`, with the stack the source answered): the
 *    chips are in transit → `seatPlayers` to the target, as soon as the
 *    seat is free there too (a seat the picture emptied by a move out is
 *    only free once that player is released);
 * 3. seated (`moveSeated`): → `moved`, and the tables waiting on it deal.
 *
 * An entry's seat (the start, a late entrant) is a move without a source:
 * its chips come from the tournament, so it begins released. A seated move
 * is forgotten; its id, below `nextMove`, answers repeats with nothing.
 * Bought chips go the same careful way: held while the player's hand is in
 * play or they are moving, sent (`addChips`) when their table is between
 * hands (which then deals no more until it answers `chipsAdded`).
 */
import { planBalance } from './rules/balancing.ts';
import { seatingModeOf } from './rules/positions.ts';
import { seatLateEntrant } from './rules/seating.ts';
import { moveIdOf, moveNumberOf } from './keys.ts';
import type { SeatInstruction } from './events.ts';
import { AddStatus, MovePhase, TableStatus, type MoveRecord, type PlayerRecord, type TableRecord } from './state.ts';
import { addMove, dropMove, emit, heldChips, openTables, refuse, type Context } from './context.ts';
import { busyTables, handInPlay, openTable, pictureOf, seatAt, tableByNumber, vacate } from './tables.ts';

/** Puts an entry in `seat` of `table`: a move from the tournament itself, released at once. */
export function seatEntry(ctx: Context, player: PlayerRecord, table: TableRecord, seat: number): void {
  const moveId = moveIdOf(ctx.state.nextMove++);
  addMove(ctx, {
    moveId, playerId: player.playerId, name: player.name, fromTable: null, fromSeat: -1,
    toTable: table.tableId, toSeat: seat, phase: MovePhase.released, stack: player.stack, seatSent: false,
  });
  seatAt(table, seat, player.playerId);
  Object.assign(player, { tableId: table.tableId, seat, moveId });
}

/** Seats a late entrant where `seatLateEntrant` says, or at a new table when every table is full. */
export function seatLateEntry(ctx: Context, player: PlayerRecord): void {
  const { state } = ctx;
  const busy = busyTables(ctx);
  const tables = openTables(ctx);
  const mode = seatingModeOf(state.definition.variant);
  const choice = tables.length > 0 ? seatLateEntrant(tables.map((t) => pictureOf(ctx, t, busy)), ctx.random, mode) : null;
  const table = choice ? tableByNumber(ctx, choice.table) : openTable(ctx, state.nextTable);
  seatEntry(ctx, player, table, choice ? choice.seat : ctx.random(state.definition.tableSize));
  ctx.needsBalance = true;
}

/**
 * Plans balance (`planBalance`) over the open tables and starts the moves
 * it decides: each is applied to the picture at once and `releasePlayer`
 * sent; broken tables start closing.
 */
export function balance(ctx: Context): void {
  if (!ctx.needsBalance) return;
  ctx.needsBalance = false;
  const tables = openTables(ctx);
  if (tables.length === 0) return;
  const busy = busyTables(ctx);
  const plan = planBalance(tables.map((t) => pictureOf(ctx, t, busy)), { mode: seatingModeOf(ctx.state.definition.variant) });
  for (const step of plan.moves) {
    const from = tableByNumber(ctx, step.fromTable);
    const to = tableByNumber(ctx, step.toTable);
    const player = ctx.players.get(step.playerId)!;
    const moveId = moveIdOf(ctx.state.nextMove++);
    addMove(ctx, {
      moveId, playerId: player.playerId, name: player.name, fromTable: from.tableId, fromSeat: player.seat,
      toTable: to.tableId, toSeat: step.toSeat, phase: MovePhase.decided, stack: player.stack - heldChips(ctx, player.playerId), seatSent: false,
    });
    vacate(from, player.seat);
    seatAt(to, step.toSeat, player.playerId);
    Object.assign(player, { tableId: to.tableId, seat: step.toSeat, moveId });
    emit(ctx, { type: 'releasePlayer', moveId, tableId: from.tableId, playerId: player.playerId });
  }
  for (const number of plan.breakTables) tableByNumber(ctx, number).status = TableStatus.closing;
}

/** The move, or null for a move seated already; refuses an id never issued. */
function findMove(ctx: Context, moveId: string): MoveRecord | null {
  const move = ctx.moves.get(moveId);
  if (move) return move;
  const number = moveNumberOf(moveId);
  if (number !== null && number < ctx.state.nextMove) return null;
  return refuse('unknown_move', `There is no move ${JSON.stringify(moveId)} in this tournament.`);
}

/** Refuses a release the state cannot take; false when it was taken already (a repeat). */
export function verifyRelease(ctx: Context, moveId: string, stack: number): boolean {
  const move = findMove(ctx, moveId);
  if (!move || move.phase !== MovePhase.decided) return false;
  if (stack !== move.stack) {
    refuse('chips_mismatch', `Move ${moveId}: the table released ${stack} chips, but the player had ${move.stack} at its last report.`);
  }
  return true;
}

export function release(ctx: Context, moveId: string): void {
  const move = ctx.moves.get(moveId)!;
  move.phase = MovePhase.released;
  ctx.tables.get(move.fromTable!)!.confirmed = true;
}

export function seatInstruction(move: MoveRecord): SeatInstruction {
  return { moveId: move.moveId, playerId: move.playerId, name: move.name, seat: move.toSeat, stack: move.stack };
}

/** Sends `seatPlayers` (one per table) for the released moves whose seats are free at their tables. */
export function sendSeats(ctx: Context): void {
  const taken = new Set<string>();
  for (const move of ctx.state.moves) if (move.phase === MovePhase.decided) taken.add(`${move.fromTable}\u0000${move.fromSeat}`);
  const byTable = new Map<string, SeatInstruction[]>();
  for (const move of ctx.state.moves) {
    if (move.phase !== MovePhase.released || move.seatSent || taken.has(`${move.toTable}\u0000${move.toSeat}`)) continue;
    move.seatSent = true;
    const list = byTable.get(move.toTable) ?? [];
    list.push(seatInstruction(move));
    byTable.set(move.toTable, list);
  }
  for (const [tableId, seats] of byTable) emit(ctx, { type: 'seatPlayers', tableId, seats });
}

/** Refuses a seating the state cannot take (`move_not_released`); false when it was taken already. */
export function verifySeated(ctx: Context, moveId: string): boolean {
  const move = findMove(ctx, moveId);
  if (!move) return false;
  if (move.phase === MovePhase.decided) {
    refuse('move_not_released', `Move ${moveId}: the player has not been released by their table yet.`);
  }
  return true;
}

export function seated(ctx: Context, moveId: string): void {
  const move = ctx.moves.get(moveId)!;
  const player = ctx.players.get(move.playerId)!;
  player.moveId = null;
  ctx.tables.get(move.toTable)!.confirmed = true;
  dropMove(ctx, moveId);
  if (move.fromTable === null) emit(ctx, { type: 'seated', moveId, playerId: move.playerId, tableId: move.toTable, seat: move.toSeat });
  else emit(ctx, { type: 'moved', moveId, playerId: move.playerId, fromTableId: move.fromTable, tableId: move.toTable, seat: move.toSeat });
  // The table was busy while players were on their way to it; once the last is seated it may give players up or be broken.
  if (!ctx.state.moves.some((m) => m.toTable === move.toTable)) ctx.needsBalance = true;
}

/** Sends bought chips whose player sits, not moving, at a table between hands. */
export function sendHeldChips(ctx: Context): void {
  for (const add of ctx.state.adds) {
    if (add.status !== AddStatus.held) continue;
    const player = ctx.players.get(add.playerId)!;
    const table = player.tableId ? ctx.tables.get(player.tableId) : undefined;
    if (player.out || player.moveId !== null || !table || table.status !== TableStatus.open || handInPlay(table)) continue;
    add.status = AddStatus.sent;
    add.tableId = table.tableId;
    emit(ctx, { type: 'addChips', tableId: table.tableId, playerId: add.playerId, key: add.key, amount: add.amount });
  }
}

/** Refuses an answer for chips never sent (`unknown_chips`); false for a repeat (chips added are forgotten, their sale stays). */
export function verifyChipsAdded(ctx: Context, key: string): boolean {
  const add = ctx.state.adds.find((a) => a.key === key);
  if (!add && ctx.state.sales.some((s) => s.key === key && !s.refunded)) return false;
  if (!add || add.status !== AddStatus.sent) refuse('unknown_chips', `No chips were sent to a table under ${JSON.stringify(key)}.`);
  return true;
}

export function chipsAdded(ctx: Context, key: string): void {
  ctx.state.adds = ctx.state.adds.filter((a) => a.key !== key);
}
