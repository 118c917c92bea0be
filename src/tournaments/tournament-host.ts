/**
 * What the rest of the server asks of a tournament's actor (the `tournament`
 * room, `roomId` = tournamentId), wherever in the cluster it runs: the API
 * and the tournament's tables call these methods by name through
 * `matchMaker.remoteRoomCall(tournamentId, method, args)`. An interface
 * only: the room implements it (TOURNAMENT-DESIGN.md, "TournamentHost").
 *
 * Every method runs in the actor's command queue, takes and answers plain
 * JSON, and either does all it says or nothing.
 *
 * **Refusals are answers.** A broken rule comes back as a value,
 * `{refused: {code, message}}` (`refusal`, `answerRefusals`), never as a
 * thrown error: across processes Colyseus keeps only the message of a
 * rejected promise, so a thrown code would arrive as a bare sentence. (The
 * API also maps a thrown error that still has its string `code`, which is
 * what arrives when the actor runs in the same process.) Codes are the rules'
 * and the repositories': `registration_closed`, `already_registered`,
 * `tournament_full`, `insufficient_funds`, `not_registered`,
 * `re_entry_not_allowed`, `rebuy_not_allowed`, `rebuy_period_over`,
 * `rebuy_limit_reached`, `stack_too_large`, `addon_not_allowed`,
 * `addon_not_available`, `addon_already_taken`, `player_eliminated`,
 * `tournament_not_running`, `already_running`, `not_enough_entrants`,
 * `already_paused`, `not_paused`, `tournament_finished`, `tournament_cancelled` …
 */
import type { TournamentKind, TournamentStatus } from './rules/structure.ts';
import type { Payout } from './rules/payouts.ts';

/** The room type the actors are defined under. */
export const TOURNAMENT_ROOM = 'tournament';

/** A rule the actor would not break: nothing was done. */
export type HostRefusal = { refused: { code: string; message: string } };

/** What a command answers: its result, or the refusal. */
export type HostAnswer<T> = T | HostRefusal;

export function refusal(code: string, message: string): HostRefusal {
  return { refused: { code, message } };
}

export function isRefusal(answer: unknown): answer is HostRefusal {
  const refused = (answer as HostRefusal | null)?.refused;
  return typeof refused === 'object' && refused !== null && typeof refused.code === 'string';
}

/**
 * The code of an error that refuses on a rule: Felt's codes are snake_case
 * words (`tournament_full`); a driver's SQLSTATE (`23505`) or a transport's
 * number is a failure, not a refusal.
 */
export function refusalCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code) ? code : null;
}

/**
 * Runs `work` and answers a coded error it throws (an `IllegalActionError`
 * of the rules, a `PersistenceError` such as `insufficient_funds`: see
 * `refusalCode`) as a refusal; other errors are thrown on.
 */
export async function answerRefusals<T>(work: () => Promise<T> | T): Promise<HostAnswer<T>> {
  try {
    return await work();
  } catch (error) {
    const code = refusalCode(error);
    if (code !== null && error instanceof Error) return refusal(code, error.message);
    throw error;
  }
}

/** PROTOCOL.md's `Summary`. `startsAt` is epoch ms (null for a sit-and-go). */
export type TournamentSummary = {
  tournamentId: string;
  name: string;
  kind: TournamentKind;
  variant: string;
  status: TournamentStatus;
  buyIn: number;
  fee: number;
  startingStack: number;
  tableSize: number;
  entrants: number;
  minEntrants: number;
  maxEntrants: number;
  startsAt: number | null;
};

/** The level in play: `endsAt` epoch ms, null for the last level, on a break, or before the start. */
export type LevelView = { number: number; smallBlind: number; bigBlind: number; ante: number; endsAt: number | null };

/**
 * One standing: players still in have `stack` and `tableId` and no `place`;
 * players out have `place` (and `prize` when paid) and `stack` 0. `stack` and
 * `tableId` are null where only a running actor knows them.
 */
export type Standing = {
  playerId: string;
  name: string;
  stack: number | null;
  tableId: string | null;
  place: number | null;
  prize: number | null;
};

/** PROTOCOL.md's detail of `GET /api/tournaments/:id`. */
export type TournamentDetail = TournamentSummary & {
  level: LevelView | null;
  onBreak: boolean;
  /** Epoch ms, or null when not on a break. */
  breakEndsAt: number | null;
  /** Buy-ins, rebuys and add-ons (fees go to the house). */
  prizePool: number;
  payouts: Payout[];
  remaining: number;
  standings: Standing[];
  tables: { tableId: string; seated: number | null }[];
};

/** A tournament table's report after each hand (idempotent by `(tableId, handNumber)`). */
export type HandEndedReport = {
  tableId: string;
  handNumber: number;
  seats: { seat: number; playerId: string; stack: number }[];
  startStacks: Record<string, number>;
  button: number;
  smallBlindSeat: number;
  bigBlindSeat: number;
};

/** A player's command answered: who, in which tournament. */
export type PlayerAnswer = { tournamentId: string; playerId: string };

export interface TournamentHost {
  /** Verifies, registers (entry row and buy-in in one transaction: `entries.register`), confirms in the state. */
  register(playerId: string, name: string): Promise<HostAnswer<PlayerAnswer & { entryNo: number }>>;
  /** Before the start only; buy-in and fee refunded. */
  unregister(playerId: string): Promise<HostAnswer<PlayerAnswer>>;
  rebuy(playerId: string): Promise<HostAnswer<PlayerAnswer & { rebuys: number }>>;
  addOn(playerId: string): Promise<HostAnswer<PlayerAnswer>>;
  /** Admin: start now, pause, resume, cancel (every entry refunded). Answer the tournament as it is then. */
  start(): Promise<HostAnswer<TournamentSummary>>;
  pause(): Promise<HostAnswer<TournamentSummary>>;
  resume(): Promise<HostAnswer<TournamentSummary>>;
  cancel(): Promise<HostAnswer<TournamentSummary>>;
  detail(): Promise<TournamentDetail>;
  /** From the tournament's tables, retried until answered. */
  handEnded(report: HandEndedReport): Promise<HostAnswer<{ accepted: boolean }>>;
}

/** The methods the API may call by name. */
export type TournamentHostMethod = keyof TournamentHost;
