import type { HandState } from '../hand/state.ts';
import type { DealerEvent, DealerSeat } from '../table/dealer-state.ts';
import type { RotationPlace } from '../table/rotation.ts';
import type { TableState } from '../table/state.ts';
import type { OptionState } from './options/table-options.ts';
import type { CashTableSettings } from './settings.ts';

/**
 * What the table knows about a seated player beyond their chips: the
 * dealer's record (time bank, timeouts, chips bought in during a hand, which
 * join the stack before the next deal, showdown wish, last action) and the
 * cash table's own.
 */
export type SeatInfo = DealerSeat & {
  playerId: string;
  name: string;
  connected: boolean;
  /** Epoch ms of the drop, or 0 while connected. */
  disconnectedAt: number;
  leaveAfterHand: boolean;
  /** The player wants to straddle when their position allows it (`options/straddle.ts`). */
  straddle?: boolean;
};

/**
 * Money on its way between a wallet and this table. It is written into the
 * table's snapshot before the ledger moves (by its idempotent `key`) and
 * cleared after, so a crash in between is settled on restore by moving it
 * again under the same key.
 */
export type PendingMoney = {
  key: string;
  kind: 'buyIn' | 'topUp' | 'cashOut';
  playerId: string;
  name: string;
  seat: number;
  /** Chips that go to the table (buy-in, top-up) or back to the wallet (cash-out). */
  amount: number;
};

export type WaitingPlayer = { playerId: string; name: string };

export type SeatOffer = { playerId: string; seat: number; expiresAt: number };

/**
 * A whole cash table as plain data: seats, the live hand with its deck,
 * clocks and the waiting list. It holds every field of a `DealerState`
 * (settings, seating, info, the hand and the action clock), which its dealer
 * works on; the rest is the cash table's own.
 */
export type CashTableState = {
  tableId: string;
  name: string;
  settings: CashTableSettings;
  seating: TableState;
  info: (SeatInfo | null)[];
  hand: HandState | null;
  /** Table seats of the live hand's players, in hand order. */
  handSeats: number[];
  handNumber: number;
  handStartedAt: number;
  /** Epoch ms when the player to act times out; 0 when nobody is on the clock. */
  actionDeadline: number;
  /** When the player to act started thinking (time bank accounting). */
  actionStartedAt: number;
  usingTimeBank: boolean;
  /** Mixed games: the game dealt last and its hands still to come (see `table/rotation.ts`). */
  rotationPlace?: RotationPlace;
  /** Epoch ms of the next deal; 0 when no hand is scheduled. */
  nextHandAt: number;
  waiting: WaitingPlayer[];
  offer: SeatOffer | null;
  pendingMoney: PendingMoney[];
  /** Closing: no new hands; players stand up after the current one. */
  closing: boolean;
  /** What the table's options keep between commands (bomb pot votes …); absent until first used. */
  options?: OptionState;
  /** Increases with every change; snapshots carry it so an older one never overwrites a newer. */
  version: number;
};

/** Things the table did that the outside world must act on (money, records): the dealer's (a hand started or ended) and its own. */
export type CashTableEvent =
  | DealerEvent
  | { type: 'cashOut'; playerId: string; seat: number; amount: number; key: string }
  /** The chips of a pending money movement must move now (see PendingMoney). */
  | { type: 'moveMoney'; money: PendingMoney }
  | { type: 'seatOffered'; playerId: string; seat: number; expiresAt: number };
