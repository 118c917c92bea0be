import { totalPot } from '../hand/betting-rules.ts';
import { IllegalActionError } from '../errors.ts';
import { sit, verifySit } from './seats.ts';
import { illegal, requireSeat, seatOf, touch, type CashContext } from './table-context.ts';
import type { CashTableEvent, PendingMoney, SeatInfo } from './state.ts';

/**
 * Money between wallets and the table: buy-ins and top-ups reserved before
 * the ledger moves them and settled after, cash-outs waiting to be paid, and
 * the chips the table's ledger account holds.
 */

export function verifyTopUp(t: CashContext, playerId: string, amount: number): void {
  const seat = requireSeat(t, playerId);
  const s = t.state;
  const info = s.info[seat] as SeatInfo;
  const stack = (s.seating.seats[seat]?.stack ?? 0) + info.pendingTopUp;
  if (!Number.isSafeInteger(amount) || amount <= 0) illegal('bad_amount', 'Top up by a whole, positive number of chips.');
  if (stack + amount > s.settings.maxBuyIn) illegal('over_max_buy_in', `A stack may hold at most ${s.settings.maxBuyIn} chips; you can add ${Math.max(0, s.settings.maxBuyIn - stack)}.`);
}

/** Adds chips (already moved from the wallet) now, or after the hand in play. */
export function topUp(t: CashContext, playerId: string, amount: number): void {
  verifyTopUp(t, playerId, amount);
  t.dealer.addChips(seatOf(t, playerId), amount);
  touch(t);
}

/**
 * Records a buy-in that is about to move from the wallet; `settleMoney`
 * seats the player once it has. Refused exactly when `sit` would be.
 */
export function reserveBuyIn(t: CashContext, playerId: string, name: string, seat: number | undefined, buyIn: number): PendingMoney {
  const chosen = verifySit(t, playerId, seat, buyIn);
  if (t.state.pendingMoney.some((m) => m.kind === 'buyIn' && (m.playerId === playerId || m.seat === chosen))) {
    illegal('seat_taken', `Seat ${chosen} is being taken.`);
  }
  return reserve(t, { kind: 'buyIn', playerId, name, seat: chosen, amount: buyIn });
}

export function reserveTopUp(t: CashContext, playerId: string, amount: number): PendingMoney {
  verifyTopUp(t, playerId, amount);
  const seat = seatOf(t, playerId);
  return reserve(t, { kind: 'topUp', playerId, name: t.state.info[seat]?.name ?? '', seat, amount });
}

function reserve(t: CashContext, money: Omit<PendingMoney, 'key'>): PendingMoney {
  const s = t.state;
  touch(t);
  const pending = { ...money, key: `${money.kind}:${s.tableId}:${s.version}:${money.playerId}` };
  s.pendingMoney.push(pending);
  return pending;
}

/**
 * Finishes a pending money movement: `moved` says whether the ledger moved
 * it. A moved buy-in seats the player (or, if the seat went meanwhile,
 * turns into a cash-out of the same chips); a moved top-up joins the stack.
 */
export function settleMoney(t: CashContext, key: string, moved: boolean): CashTableEvent[] {
  const s = t.state;
  const money = s.pendingMoney.find((m) => m.key === key);
  if (!money) return [];
  s.pendingMoney = s.pendingMoney.filter((m) => m.key !== key);
  touch(t);
  if (!moved || money.kind === 'cashOut') return [];
  try {
    if (money.kind === 'buyIn') sit(t, money.playerId, money.name, money.seat, money.amount);
    else topUp(t, money.playerId, money.amount);
  } catch (error) {
    if (!(error instanceof IllegalActionError)) throw error;
    const refund = { key: `refund:${key}`, kind: 'cashOut' as const, playerId: money.playerId, name: money.name, seat: money.seat, amount: money.amount };
    s.pendingMoney.push(refund);
    return [{ type: 'moveMoney', money: refund }];
  }
  return [];
}

/**
 * Chips the table's ledger account holds: stacks, pending top-ups, everything
 * in the live hand, and cash-outs not yet moved back to their wallets.
 */
export function chipsOnTable(t: CashContext): number {
  const s = t.state;
  let total = 0;
  for (const money of s.pendingMoney) if (money.kind === 'cashOut') total += money.amount;
  s.seating.seats.forEach((seat, i) => {
    if (!seat) return;
    total += s.info[i]?.pendingTopUp ?? 0;
    if (t.dealer.handIndexOf(i) < 0) total += seat.stack;
  });
  if (s.hand) {
    for (const stack of s.hand.stacks) total += stack;
    total += totalPot(s.hand);
  }
  return total;
}
