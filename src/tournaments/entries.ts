/**
 * Entries and what they buy: registration, re-entry, unregistration,
 * rebuys and add-ons, and the refunds a cancellation owes.
 *
 * Money moves outside: a verify-only command (`register`, `unregister`,
 * `rebuy`, `addOn`) answers a ticket naming the amount and its ledger key;
 * the actor moves the money under that key, then confirms. A confirmation
 * checks again (the tournament may have moved on meanwhile: the actor
 * refunds when it is refused) and is idempotent by the ticket's key.
 */
import * as rules from './rules/registration.ts';
import { addOnKey, buyInKey, rebuyKey, refundKey } from './keys.ts';
import type { ChipsTicket, EntryTicket, RefundTicket } from './events.ts';
import { AddStatus, SaleKind, type PlayerRecord, type SaleRecord } from './state.ts';
import { nearTheMoney } from './field.ts';
import { addPlayer, clockNow, emit, refuse, removePlayer, type Context } from './context.ts';

function registration(ctx: Context): rules.RegistrationState {
  const { state } = ctx;
  const reading = clockNow(ctx);
  return { status: state.status, entries: state.entrants, players: state.players, ...(reading ? { clock: reading } : {}) };
}

function saleOf(ctx: Context, key: string): SaleRecord | undefined {
  return ctx.state.sales.find((s) => s.key === key);
}

/** The number the player's next entry will have: one more than every entry they ever bought here, refunded ones included. */
function nextEntryNumber(ctx: Context, playerId: string): number {
  let n = 0;
  for (const sale of ctx.state.sales) if (sale.kind === SaleKind.entry && sale.playerId === playerId) n = Math.max(n, sale.number);
  return n + 1;
}

function verifyTicket(ctx: Context, ticket: { tournamentId: string; playerId: string; key: string }, key: string): void {
  if (typeof ticket !== 'object' || ticket === null || ticket.tournamentId !== ctx.state.tournamentId || ticket.key !== key) {
    refuse('bad_ticket', 'This ticket was not issued by this tournament for this request.');
  }
}

/** `registration_closed` once late registration is over or the money is reached, then the rules' checks. */
export function verifyRegister(ctx: Context, playerId: string): void {
  if (typeof playerId !== 'string' || playerId.length === 0) refuse('bad_player', 'A player id is a non-empty string.');
  const { state } = ctx;
  if (state.status === 'running' && (state.registrationClosed || nearTheMoney(ctx))) {
    refuse('registration_closed', 'Registration is closed: late registration is over.');
  }
  rules.verifyRegister(state.definition, registration(ctx), playerId);
}

/** Whether entries are sold now: before the start, or in late registration before the money is near (full or not). */
export function registrationIsOpen(ctx: Context): boolean {
  const { state } = ctx;
  if (state.status === 'registering') return true;
  if (state.status !== 'running' || state.registrationClosed || nearTheMoney(ctx)) return false;
  return rules.registrationOpen(state.definition, registration(ctx));
}

export function mayRegister(ctx: Context, playerId: string): boolean {
  try {
    verifyRegister(ctx, playerId);
    return true;
  } catch {
    return false;
  }
}

export function registerTicket(ctx: Context, playerId: string, name: string): EntryTicket {
  verifyRegister(ctx, playerId);
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 100) refuse('bad_name', 'A player needs a name of 1 to 100 characters.');
  const { state } = ctx;
  const entry = nextEntryNumber(ctx, playerId);
  return {
    tournamentId: state.tournamentId,
    playerId,
    name,
    entry,
    reEntry: rules.isReEntry(registration(ctx), playerId),
    buyIn: state.definition.buyIn,
    fee: state.definition.fee,
    key: buyInKey(state.tournamentId, playerId, entry),
  };
}

/**
 * Records a paid entry and answers its player. Answers null when this
 * ticket was confirmed already (nothing changes); refuses a ticket the
 * state has moved past (`stale_ticket`) or a registration no longer allowed.
 */
export function confirmEntry(ctx: Context, ticket: EntryTicket): PlayerRecord | null {
  const { state } = ctx;
  verifyTicket(ctx, ticket, buyInKey(state.tournamentId, ticket?.playerId, ticket?.entry));
  if (saleOf(ctx, ticket.key)) return null;
  verifyRegister(ctx, ticket.playerId);
  if (ticket.entry !== nextEntryNumber(ctx, ticket.playerId)) refuse('stale_ticket', 'This registration was overtaken by another; register again.');
  const def = state.definition;
  state.sales.push({ key: ticket.key, kind: SaleKind.entry, playerId: ticket.playerId, number: ticket.entry, price: def.buyIn, fee: def.fee, refunded: false });
  state.entrants++;
  const stack = state.status === 'running' ? def.startingStack : 0;
  const known = ctx.players.get(ticket.playerId);
  if (known) {
    Object.assign(known, { name: ticket.name, entries: known.entries + 1, entry: ticket.entry, out: false, stack, tableId: null, seat: -1, moveId: null });
    return known;
  }
  const player: PlayerRecord = {
    playerId: ticket.playerId, name: ticket.name, entries: 1, rebuys: 0, addOn: false, stack, out: false,
    entry: ticket.entry, tableId: null, seat: -1, moveId: null,
  };
  addPlayer(ctx, player);
  return player;
}

export function unregisterTicket(ctx: Context, playerId: string): RefundTicket {
  rules.verifyUnregister(registration(ctx), playerId);
  const { state } = ctx;
  const player = ctx.players.get(playerId)!;
  const saleKey = buyInKey(state.tournamentId, playerId, player.entry);
  return {
    tournamentId: state.tournamentId,
    playerId,
    entry: player.entry,
    amount: state.definition.buyIn + state.definition.fee,
    key: refundKey(state.tournamentId, playerId, SaleKind.entry, player.entry),
    saleKey,
  };
}

/** Takes the entry back once its refund is done; a ticket confirmed already changes nothing (false). */
export function confirmUnregister(ctx: Context, ticket: RefundTicket): boolean {
  const { state } = ctx;
  verifyTicket(ctx, ticket, refundKey(state.tournamentId, ticket?.playerId, SaleKind.entry, ticket?.entry));
  const sale = saleOf(ctx, ticket.saleKey);
  if (!sale || sale.refunded) return false;
  rules.verifyUnregister(registration(ctx), ticket.playerId);
  sale.refunded = true;
  state.entrants--;
  removePlayer(ctx, ticket.playerId);
  return true;
}

function verifyMoneyOpen(ctx: Context, what: 'rebuy' | 'addOn'): void {
  if (!nearTheMoney(ctx)) return;
  if (what === 'rebuy') refuse('rebuy_period_over', 'Rebuys ended when the tournament reached the money.');
  refuse('addon_not_available', 'The add-on ended when the tournament reached the money.');
}

export function verifyRebuy(ctx: Context, playerId: string): void {
  rules.verifyRebuy(ctx.state.definition, registration(ctx), playerId);
  verifyMoneyOpen(ctx, 'rebuy');
}

export function verifyAddOn(ctx: Context, playerId: string): void {
  rules.verifyAddOn(ctx.state.definition, registration(ctx), playerId);
  verifyMoneyOpen(ctx, 'addOn');
}

export function rebuyTicket(ctx: Context, playerId: string): ChipsTicket {
  verifyRebuy(ctx, playerId);
  const { state } = ctx;
  const rule = state.definition.rebuy!;
  const number = ctx.players.get(playerId)!.rebuys + 1;
  return { tournamentId: state.tournamentId, playerId, kind: 'rebuy', number, price: rule.price, chips: rule.chips, key: rebuyKey(state.tournamentId, playerId, number) };
}

export function addOnTicket(ctx: Context, playerId: string): ChipsTicket {
  verifyAddOn(ctx, playerId);
  const { state } = ctx;
  const rule = state.definition.addOn!;
  return { tournamentId: state.tournamentId, playerId, kind: 'addOn', number: 1, price: rule.price, chips: rule.chips, key: addOnKey(state.tournamentId, playerId) };
}

/**
 * Records a paid rebuy or add-on: the chips join the player's stack at
 * once, and reach their table between hands (`addChips`, sent by `advance`).
 * False when the ticket was confirmed already.
 */
export function confirmChips(ctx: Context, ticket: ChipsTicket): boolean {
  const { state } = ctx;
  const rebuy = ticket?.kind === 'rebuy';
  const key = rebuy ? rebuyKey(state.tournamentId, ticket?.playerId, ticket?.number) : addOnKey(state.tournamentId, ticket?.playerId);
  verifyTicket(ctx, ticket, key);
  if (saleOf(ctx, key)) return false;
  if (rebuy) verifyRebuy(ctx, ticket.playerId);
  else verifyAddOn(ctx, ticket.playerId);
  const player = ctx.players.get(ticket.playerId)!;
  if (rebuy && ticket.number !== player.rebuys + 1) refuse('stale_ticket', 'This rebuy was overtaken by another; ask again.');
  const rule = rebuy ? state.definition.rebuy! : state.definition.addOn!;
  state.sales.push({ key, kind: rebuy ? SaleKind.rebuy : SaleKind.addOn, playerId: player.playerId, number: ticket.number, price: rule.price, fee: 0, refunded: false });
  if (rebuy) {
    player.rebuys++;
    state.rebuys++;
  } else {
    player.addOn = true;
    state.addOns++;
  }
  player.stack += rule.chips;
  state.adds.push({ key, kind: rebuy ? SaleKind.rebuy : SaleKind.addOn, playerId: player.playerId, amount: rule.chips, tableId: null, status: AddStatus.held });
  return true;
}

function owe(ctx: Context, sale: SaleRecord): void {
  const { state } = ctx;
  sale.refunded = true;
  const key = refundKey(state.tournamentId, sale.playerId, sale.kind, sale.number);
  const amount = sale.price + sale.fee;
  state.refunds.push({ key, saleKey: sale.key, playerId: sale.playerId, amount, paid: false });
  emit(ctx, { type: 'refund', key, saleKey: sale.key, playerId: sale.playerId, amount });
}

/** Refunds every sale not refunded yet (a cancellation). */
export function refundEverything(ctx: Context): void {
  for (const sale of ctx.state.sales) if (!sale.refunded) owe(ctx, sale);
}

/**
 * Chips bought while the player's last hand was in play, for a player that
 * hand knocked out: they never reached the table, so the sale is refunded
 * and the chips leave the count.
 */
export function refundHeldChips(ctx: Context, playerId: string): void {
  const { state } = ctx;
  const refunded = new Set<string>();
  for (const add of state.adds) {
    if (add.playerId !== playerId || add.status !== AddStatus.held) continue;
    owe(ctx, saleOf(ctx, add.key)!);
    refunded.add(add.key);
    if (add.kind === SaleKind.rebuy) state.rebuys--;
    else state.addOns--;
  }
  if (refunded.size > 0) state.adds = state.adds.filter((a) => !refunded.has(a.key));
}
