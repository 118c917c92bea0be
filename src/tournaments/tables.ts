/**
 * The tournament's tables: opening and closing them, the picture the rules
 * plan on, and the one decision of when a table deals its next hand.
 *
 * A table deals only on `deal`, and gets it when all of this holds: the
 * tournament runs and is not paused, no break is on, its hand is over, no
 * move to or from it is under way and no bought chips sent to it are
 * unanswered, two or more players sit there, and in hand-for-hand play it
 * has not dealt its hand of the round. Each `deal` carries the stakes of the
 * level running at that moment, so a new level starts at each table's next hand.
 */
import { mayDealHandForHand, recordHandForHandDeal } from './rules/hand-for-hand.ts';
import type { TournamentTable } from './rules/positions.ts';
import { levelStakes } from './rules/structure.ts';
import { tableIdOf } from './keys.ts';
import { AddStatus, MovePhase, TableStatus, type TableRecord } from './state.ts';
import { addTable, clockNow, emit, openTables, type Context } from './context.ts';
import { remainingCount } from './field.ts';

export function handInPlay(table: TableRecord): boolean {
  return table.handNumber > table.reported;
}

export function seatedCount(table: TableRecord): number {
  let n = 0;
  for (const seat of table.seats) if (seat !== null) n++;
  return n;
}

export function seatAt(table: TableRecord, seat: number, playerId: string): void {
  table.seats[seat] = playerId;
  table.vacated = table.vacated.filter((s) => s !== seat);
}

export function vacate(table: TableRecord, seat: number): void {
  table.seats[seat] = null;
  table.vacated = [...table.vacated.filter((s) => s !== seat), seat];
}

/** The level whose stakes a table starts with, and whose stakes a deal carries now. */
export function levelNow(ctx: Context): number {
  return clockNow(ctx)?.level ?? 1;
}

/** Opens table `number` (it is created by the actor on `openTable`). */
export function openTable(ctx: Context, number: number): TableRecord {
  const { state } = ctx;
  const def = state.definition;
  const table: TableRecord = {
    tableId: tableIdOf(state.tournamentId, number),
    number,
    seats: new Array<string | null>(def.tableSize).fill(null),
    button: -1,
    smallBlindSeat: -1,
    bigBlindSeat: -1,
    vacated: [],
    handNumber: 0,
    reported: 0,
    lastDeal: null,
    status: TableStatus.open,
    closeSent: false,
    confirmed: false,
  };
  addTable(ctx, table);
  state.nextTable = Math.max(state.nextTable, number + 1);
  emit(ctx, openTableEvent(ctx, table));
  return table;
}

export function openTableEvent(ctx: Context, table: TableRecord) {
  const def = ctx.state.definition;
  const level = levelNow(ctx);
  return { type: 'openTable' as const, tableId: table.tableId, number: table.number, variant: def.variant, tableSize: def.tableSize, level, ...levelStakes(def, level) };
}

/**
 * Tables that must neither deal nor give up a player now: a move to them
 * is not seated, a move from them is not released, or chips sent to them
 * are not answered.
 */
export function busyTables(ctx: Context): Set<string> {
  const busy = new Set<string>();
  for (const move of ctx.state.moves) {
    if (move.phase !== MovePhase.seated) busy.add(move.toTable);
    if (move.fromTable !== null && move.phase === MovePhase.decided) busy.add(move.fromTable);
  }
  for (const add of ctx.state.adds) if (add.status === AddStatus.sent && add.tableId) busy.add(add.tableId);
  return busy;
}

/** The table as the rules see it; a busy table counts as having a hand in play (it gives nobody up and is not broken yet). */
export function pictureOf(ctx: Context, table: TableRecord, busy: ReadonlySet<string>): TournamentTable {
  return {
    table: table.number,
    seats: table.seats.map((id) => (id === null ? null : { playerId: id, stack: ctx.players.get(id)!.stack })),
    button: table.button,
    smallBlindSeat: table.smallBlindSeat,
    bigBlindSeat: table.bigBlindSeat,
    handInPlay: handInPlay(table) || busy.has(table.tableId),
    vacated: [...table.vacated],
  };
}

export function tableByNumber(ctx: Context, number: number): TableRecord {
  return ctx.state.tables.find((t) => t.number === number)!;
}

function deal(ctx: Context, table: TableRecord, level: number): void {
  const stakes = levelStakes(ctx.state.definition, level);
  table.handNumber++;
  table.lastDeal = { handNumber: table.handNumber, level, ...stakes };
  emit(ctx, { type: 'deal', tableId: table.tableId, handNumber: table.handNumber, level, ...stakes });
}

/** Sends `deal` to every table that may deal now (see the file's comment). */
export function dealWhereReady(ctx: Context): void {
  const { state } = ctx;
  const reading = clockNow(ctx);
  if (state.status !== 'running' || state.paused || !reading?.mayDeal) return;
  if (remainingCount(ctx) < 2) return;
  const busy = busyTables(ctx);
  for (const table of openTables(ctx)) {
    if (handInPlay(table) || busy.has(table.tableId) || seatedCount(table) < 2) continue;
    const round = state.handForHand;
    if (round && !mayDealHandForHand(round, table.number)) continue;
    deal(ctx, table, reading.level);
    if (round) state.handForHand = recordHandForHandDeal(round, table.number);
  }
}

/** Sends `closeTable` to each broken table nobody is left to be released from. */
export function closeEmptied(ctx: Context): void {
  const busy = busyTables(ctx);
  for (const table of ctx.state.tables) {
    if (table.status !== TableStatus.closing || table.closeSent || busy.has(table.tableId)) continue;
    table.closeSent = true;
    emit(ctx, { type: 'closeTable', tableId: table.tableId });
  }
}

/** Closes every table now (the tournament is over). */
export function closeAll(ctx: Context): void {
  for (const table of ctx.state.tables) {
    if (table.status === TableStatus.closed || table.closeSent) continue;
    table.status = TableStatus.closing;
    table.closeSent = true;
    emit(ctx, { type: 'closeTable', tableId: table.tableId });
  }
}
