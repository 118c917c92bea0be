/**
 * A table's report after each hand: checked against what the tournament
 * knows, then applied (stacks, players out, the table's positions).
 *
 * A report is idempotent by (tableId, handNumber): one for a hand reported
 * already changes nothing. Chips are checked exactly: the players dealt in
 * must have started with the stacks the tournament knows and end with the
 * same total, and a player who sat the hand out keeps their stack. A player
 * seated during the hand may be listed or not (the table may have written
 * its report before the seat). A player dealt in who has no chips left is
 * out; chips they bought during that hand never reached the table, so they
 * are refunded (`refundHeldChips`).
 */
import { recordHandForHandEnd } from './rules/hand-for-hand.ts';
import { stepsClockwise } from '../engine/table/ring.ts';
import type { BustRecord, HandReport, TableRecord } from './state.ts';
import { dropMove, emit, heldChips, refuse, type Context } from './context.ts';
import { mayRegister, refundHeldChips } from './entries.ts';
import { vacate } from './tables.ts';

function isWhole(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function bad(table: string, message: string): never {
  return refuse('bad_report', `Report of table ${table}: ${message}`);
}

/**
 * Refuses a report the tournament cannot take: `unknown_table`,
 * `unknown_hand` (a hand that was not dealt), `bad_report` (malformed, or
 * players the tournament has elsewhere), `chips_mismatch`. Answers false for
 * a hand reported already, and for any report once the tournament is over.
 */
export function verifyReport(ctx: Context, report: HandReport): boolean {
  if (typeof report !== 'object' || report === null) refuse('bad_report', 'A report is an object.');
  const table = ctx.tables.get(report.tableId) ?? refuse('unknown_table', `There is no table ${JSON.stringify(report.tableId)} in this tournament.`);
  const id = table.tableId;
  if (!isWhole(report.handNumber, 1)) bad(id, 'the hand number is a whole number from 1.');
  if (report.handNumber <= table.reported || ctx.state.status !== 'running') return false;
  if (report.handNumber !== table.handNumber) {
    refuse('unknown_hand', `Table ${id} was dealt hand ${table.handNumber}, not ${report.handNumber}.`);
  }
  const size = table.seats.length;
  for (const position of [report.button, report.smallBlindSeat, report.bigBlindSeat]) {
    if (!Number.isSafeInteger(position) || position < -1 || position >= size) bad(id, 'a position lies outside the seats.');
  }
  if (!Array.isArray(report.seats)) bad(id, 'seats is a list.');
  const start = report.startStacks;
  if (typeof start !== 'object' || start === null || Array.isArray(start)) bad(id, 'startStacks maps player ids to stacks.');
  const ended = new Map<string, number>();
  for (const line of report.seats) {
    if (typeof line !== 'object' || line === null || typeof line.playerId !== 'string') bad(id, 'each seat is {seat, playerId, stack}.');
    const player = ctx.players.get(line.playerId);
    if (!player || player.out || player.tableId !== id || player.seat !== line.seat) bad(id, `player ${line.playerId} does not sit in seat ${line.seat} there.`);
    if (ended.has(line.playerId)) bad(id, `player ${line.playerId} is listed twice.`);
    if (!isWhole(line.stack, 0)) bad(id, `player ${line.playerId}'s stack is not a whole, non-negative chip count.`);
    ended.set(line.playerId, line.stack);
    const known = player.stack - heldChips(ctx, player.playerId);
    if (!Object.hasOwn(start, line.playerId) && line.stack !== known) {
      refuse('chips_mismatch', `Table ${id}: player ${line.playerId} sat out the hand with ${line.stack} chips, but had ${known}.`);
    }
  }
  let before = 0;
  let after = 0;
  for (const [playerId, stack] of Object.entries(start)) {
    const player = ctx.players.get(playerId);
    // A player whose seat the table took before its deal arrived was dealt in, though the seating's answer may still be on its way.
    const arriving = player?.moveId ? ctx.moves.get(player.moveId) : undefined;
    if (!player || player.out || player.tableId !== id || (arriving && arriving.phase === 'decided')) bad(id, `player ${playerId} was not dealt in there.`);
    const known = player.stack - heldChips(ctx, playerId);
    if (stack !== known) refuse('chips_mismatch', `Table ${id}: player ${playerId} began the hand with ${String(stack)} chips, but had ${known}.`);
    before += stack;
    after += ended.get(playerId) ?? 0;
  }
  if (before !== after) refuse('chips_mismatch', `Table ${id}: the hand began with ${before} chips and ended with ${after}.`);
  return true;
}

/** Applies a report `verifyReport` accepted: new stacks and positions, and the players it knocked out. */
export function applyReport(ctx: Context, report: HandReport): void {
  const table = ctx.tables.get(report.tableId)!;
  table.reported = report.handNumber;
  table.button = report.button;
  table.smallBlindSeat = report.smallBlindSeat;
  table.bigBlindSeat = report.bigBlindSeat;
  table.confirmed = true;
  const ended = new Map(report.seats.map((line) => [line.playerId, line.stack]));
  const busts: (BustRecord & { seat: number })[] = [];
  for (const [playerId, startingStack] of Object.entries(report.startStacks)) {
    const player = ctx.players.get(playerId)!;
    const stack = ended.get(playerId) ?? 0;
    if (stack > 0) {
      player.stack = stack + heldChips(ctx, playerId);
      continue;
    }
    refundHeldChips(ctx, playerId);
    busts.push({ playerId, name: player.name, entry: player.entry, startingStack, tableId: table.tableId, seat: player.seat });
    vacate(table, player.seat);
    if (player.moveId) dropMove(ctx, player.moveId);
    Object.assign(player, { out: true, stack: 0, tableId: null, seat: -1, moveId: null });
  }
  ctx.needsBalance = true;
  // Clockwise from the button, as the odd chip goes: who gets a tie's left-over unit.
  busts.sort((a, b) => stepsClockwise(report.button, a.seat, table.seats.length) - stepsClockwise(report.button, b.seat, table.seats.length));
  for (const bust of busts) {
    emit(ctx, { type: 'busted', playerId: bust.playerId, entry: bust.entry, tableId: bust.tableId, canReEnter: mayRegister(ctx, bust.playerId) });
  }
  const group = busts.map(({ seat: _, ...bust }) => bust);
  recordBusts(ctx, table, group);
}

/**
 * Busts wait for their places: a table playing its hand of a hand-for-hand
 * round finishes its part of the round with them; else they queue in the
 * order of their hands.
 */
function recordBusts(ctx: Context, table: TableRecord, group: BustRecord[]): void {
  const { state } = ctx;
  const round = state.handForHand;
  if (round && round.dealt.includes(table.number) && !round.finished.includes(table.number)) {
    state.handForHand = recordHandForHandEnd(round, table.number, group.map((b) => ({ playerId: b.playerId, startingStack: b.startingStack })));
    return;
  }
  if (group.length > 0) state.unplaced.push(group);
}
