import { TokenBucket, type Rate } from '../src/transport/token-bucket.ts';

/** What to do with one message (see `MessageBudget.admit`). */
export const BUDGET_VERDICT = {
  /** Within the budget: handle it. */
  pass: 'pass',
  /** The first message over the budget since the client was last within it: drop it and say why (`rate_limited`). */
  warn: 'warn',
  /** Over the budget, and already told: drop it silently. */
  drop: 'drop',
  /** So far over that the client is disconnected; everything it sends after this is dropped. */
  cut: 'cut',
} as const;
export type BudgetVerdict = (typeof BUDGET_VERDICT)[keyof typeof BUDGET_VERDICT];

/** How far past its budget a client may run, in bursts, before it is disconnected. */
export const CUT_AFTER_BURSTS = 2;

type Account = { bucket: TokenBucket; warned: boolean; cut: boolean };

/**
 * How many messages each client of a room may send: a bucket of `burst`
 * messages per client that refills at `rate` a second. A message that finds
 * the bucket empty is dropped, and it still counts: a client that keeps
 * sending faster than the rate runs up a debt instead of being let through at
 * the rate, and when its debt reaches `CUT_AFTER_BURSTS` bursts (twice the
 * burst over the limit) it is disconnected. A client that slows down is
 * admitted again once its bucket holds a whole message.
 *
 * Clients are told apart by identity (a reconnection starts a new budget:
 * getting back in costs a matchmaking round trip and a WebSocket handshake,
 * and a player who was cut is refused at the tables for a while first:
 * `CoolOff`).
 */
export class MessageBudget {
  private readonly limit: Rate;
  private readonly accounts = new WeakMap<object, Account>();

  constructor(limit: Rate) {
    this.limit = limit;
  }

  /** Counts one message of `client` at `now` (ms) and says what to do with it. */
  admit(client: object, now: number): BudgetVerdict {
    let account = this.accounts.get(client);
    if (!account) {
      account = { bucket: new TokenBucket(this.limit, now), warned: false, cut: false };
      this.accounts.set(client, account);
    }
    if (account.cut) return BUDGET_VERDICT.drop;
    const left = account.bucket.charge(now);
    if (left >= 0) {
      account.warned = false;
      return BUDGET_VERDICT.pass;
    }
    if (left <= -CUT_AFTER_BURSTS * this.limit.burst) {
      account.cut = true;
      return BUDGET_VERDICT.cut;
    }
    if (account.warned) return BUDGET_VERDICT.drop;
    account.warned = true;
    return BUDGET_VERDICT.warn;
  }
}
