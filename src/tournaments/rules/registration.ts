/**
 * Who may enter, leave, rebuy and add on, and when a tournament starts.
 *
 * - **Register**: while registering, and for an `mtt` with late registration
 *   while the running level is at most `lateRegistrationLevels` (on the break
 *   after that level too). Refused when the player is in already, and when
 *   the field has `maxEntrants` entries.
 * - **Re-enter**: a player who is out registers again while registration is
 *   open, up to `reEntries` times; each re-entry is a new entry (it counts
 *   toward `maxEntrants` and the payout field).
 * - **Unregister**: only before the start (the buy-in and fee are refunded).
 * - **Rebuy**: while running, for a player still in whose stack is at or
 *   below `rebuy.stackAtOrBelow`, up to `rebuy.maxCount` times, until the end
 *   of `rebuy.untilLevel` (default: the end of late registration, else no
 *   end). The chips are added between hands.
 * - **Add-on**: once per player still in, during break number `addOn.atBreak`.
 * - **Start**: a sit-and-go the moment it has `maxEntrants` entries; a
 *   scheduled tournament at `startsAt` with at least `minEntrants`, else it is
 *   cancelled and every entry refunded.
 *
 * Wallet checks (`insufficient_funds`) belong to the ledger, which debits
 * atomically; these rules decide everything else.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import type { ClockReading } from './clock.ts';
import { TournamentKind, TournamentStatus, type TournamentDefinition } from './structure.ts';

export type PlayerEntry = {
  playerId: string;
  /** Entries bought: 1, plus one per re-entry. */
  entries: number;
  rebuys: number;
  addOn: boolean;
  /** Chips now (0 before the start). */
  stack: number;
  /** Knocked out of their latest entry. */
  out: boolean;
};

export type RegistrationState = {
  status: TournamentStatus;
  /** Entries sold so far, re-entries included: the field size. */
  entries: number;
  players: readonly PlayerEntry[];
  /** The clock while running. */
  clock?: Pick<ClockReading, 'level' | 'onBreak' | 'breakNumber'>;
};

export const StartDecision = {
  wait: 'wait',
  start: 'start',
  cancel: 'cancel',
} as const;
export type StartDecision = (typeof StartDecision)[keyof typeof StartDecision];

type Rules = Pick<
  TournamentDefinition,
  'kind' | 'minEntrants' | 'maxEntrants' | 'startsAt' | 'lateRegistrationLevels' | 'reEntries' | 'rebuy' | 'addOn'
>;

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

function findPlayer(state: RegistrationState, playerId: string): PlayerEntry | undefined {
  return state.players.find((p) => p.playerId === playerId);
}

function clockOf(state: RegistrationState): NonNullable<RegistrationState['clock']> {
  return state.clock ?? refuse('bad_state', 'A running tournament needs its clock to decide this.');
}

function verifyInPlay(state: RegistrationState, playerId: string): PlayerEntry {
  if (state.status !== TournamentStatus.running) refuse('tournament_not_running', 'This is only possible while the tournament runs.');
  const player = findPlayer(state, playerId) ?? refuse('not_registered', 'You are not registered in this tournament.');
  if (player.out) refuse('player_eliminated', 'You are out of this tournament.');
  return player;
}

function allows(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch {
    return false;
  }
}

/** Whether registration is open now: before the start, or during late registration. */
export function registrationOpen(def: Rules, state: RegistrationState): boolean {
  if (state.status === TournamentStatus.registering) return true;
  if (state.status !== TournamentStatus.running || def.kind !== TournamentKind.mtt) return false;
  return clockOf(state).level <= (def.lateRegistrationLevels ?? 0);
}

/**
 * Refuses a registration: `registration_closed` (not registering and not in
 * late registration), `already_registered` (the player is in),
 * `re_entry_not_allowed` (out, and no re-entry left), `tournament_full`.
 */
export function verifyRegister(def: Rules, state: RegistrationState, playerId: string): void {
  if (!registrationOpen(def, state)) {
    const why =
      state.status === TournamentStatus.running
        ? 'the tournament has started and late registration is over'
        : `the tournament is ${state.status}`;
    refuse('registration_closed', `Registration is closed: ${why}.`);
  }
  const player = findPlayer(state, playerId);
  if (player && !player.out) refuse('already_registered', 'You are already registered in this tournament.');
  if (player) {
    const allowed = def.reEntries ?? 0;
    if (player.entries - 1 >= allowed) {
      refuse(
        're_entry_not_allowed',
        allowed === 0 ? 'This tournament has no re-entry.' : `You have used all ${allowed} re-entries this tournament allows.`,
      );
    }
  }
  if (state.entries >= def.maxEntrants) refuse('tournament_full', `The tournament is full (${def.maxEntrants} entries).`);
}

export function canRegister(def: Rules, state: RegistrationState, playerId: string): boolean {
  return allows(() => verifyRegister(def, state, playerId));
}

/** Whether a registration that `verifyRegister` accepts is a re-entry (the player is out of an earlier entry). */
export function isReEntry(state: RegistrationState, playerId: string): boolean {
  return findPlayer(state, playerId)?.out === true;
}

/** Refuses an unregistration: `registration_closed` once the tournament has started (or ended), `not_registered`. */
export function verifyUnregister(state: RegistrationState, playerId: string): void {
  if (state.status !== TournamentStatus.registering) {
    refuse('registration_closed', `You can no longer unregister: the tournament is ${state.status}.`);
  }
  if (!findPlayer(state, playerId)) refuse('not_registered', 'You are not registered in this tournament.');
}

export function canUnregister(state: RegistrationState, playerId: string): boolean {
  return allows(() => verifyUnregister(state, playerId));
}

/**
 * Refuses a rebuy: `rebuy_not_allowed` (the tournament has none),
 * `tournament_not_running`, `not_registered`, `player_eliminated`,
 * `rebuy_period_over`, `rebuy_limit_reached`, `stack_too_large` (above the
 * rebuy limit).
 */
export function verifyRebuy(def: Rules, state: RegistrationState, playerId: string): void {
  const { rebuy } = def;
  if (!rebuy) refuse('rebuy_not_allowed', 'This tournament has no rebuys.');
  const player = verifyInPlay(state, playerId);
  const until = rebuy.untilLevel ?? def.lateRegistrationLevels;
  if (until !== undefined && clockOf(state).level > until) refuse('rebuy_period_over', `Rebuys ended with level ${until}.`);
  if (player.rebuys >= rebuy.maxCount) refuse('rebuy_limit_reached', `You have used all ${rebuy.maxCount} rebuys.`);
  if (player.stack > rebuy.stackAtOrBelow) {
    refuse('stack_too_large', `A rebuy is for stacks of ${rebuy.stackAtOrBelow} chips or fewer; you have ${player.stack}.`);
  }
}

export function canRebuy(def: Rules, state: RegistrationState, playerId: string): boolean {
  return allows(() => verifyRebuy(def, state, playerId));
}

/**
 * Refuses an add-on: `addon_not_allowed` (the tournament has none),
 * `tournament_not_running`, `not_registered`, `player_eliminated`,
 * `addon_not_available` (not during the add-on break), `addon_already_taken`.
 */
export function verifyAddOn(def: Rules, state: RegistrationState, playerId: string): void {
  const { addOn } = def;
  if (!addOn) refuse('addon_not_allowed', 'This tournament has no add-on.');
  const player = verifyInPlay(state, playerId);
  const clock = clockOf(state);
  if (!clock.onBreak || clock.breakNumber !== addOn.atBreak) {
    refuse('addon_not_available', `The add-on is sold during break ${addOn.atBreak} only.`);
  }
  if (player.addOn) refuse('addon_already_taken', 'You have taken the add-on already.');
}

export function canAddOn(def: Rules, state: RegistrationState, playerId: string): boolean {
  return allows(() => verifyAddOn(def, state, playerId));
}

/** Whether a sit-and-go should start now: it is registering and has its `maxEntrants` entries. */
export function sitAndGoReady(def: Rules, state: RegistrationState): boolean {
  return def.kind === TournamentKind.sng && state.status === TournamentStatus.registering && state.entries >= def.maxEntrants;
}

/**
 * What a scheduled tournament does at `now`: `wait` before `startsAt` (or
 * when it is not a registering `mtt`), then `start` with at least
 * `minEntrants` entries, else `cancel` (every entry refunded).
 */
export function scheduledStart(def: Rules, state: RegistrationState, now: number): StartDecision {
  if (def.kind !== TournamentKind.mtt || state.status !== TournamentStatus.registering) return StartDecision.wait;
  if (def.startsAt === undefined || now < def.startsAt) return StartDecision.wait;
  return state.entries >= def.minEntrants ? StartDecision.start : StartDecision.cancel;
}
