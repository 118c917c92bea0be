/**
 * The operator's requests on a tournament as a whole: start, pause, resume,
 * cancel. Each refuses with a coded error and changes nothing when the
 * tournament's status does not allow it.
 */
import { IllegalActionError } from '../../engine/errors.ts';
import { TournamentStatus, type TournamentDefinition } from './structure.ts';

export type LifecycleState = {
  status: TournamentStatus;
  entries: number;
  paused: boolean;
};

function refuse(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

function refuseOver(state: LifecycleState): void {
  if (state.status === TournamentStatus.finished) refuse('tournament_finished', 'The tournament has finished.');
  if (state.status === TournamentStatus.cancelled) refuse('tournament_cancelled', 'The tournament was cancelled.');
}

/**
 * Refuses an early start by the operator: `tournament_finished`,
 * `tournament_cancelled`, `already_running`, `not_enough_entrants` (fewer
 * than `minEntrants`).
 */
export function verifyStart(def: Pick<TournamentDefinition, 'minEntrants'>, state: LifecycleState): void {
  refuseOver(state);
  if (state.status === TournamentStatus.running) refuse('already_running', 'The tournament is already running.');
  if (state.entries < def.minEntrants) {
    refuse('not_enough_entrants', `The tournament needs ${def.minEntrants} entries to start; it has ${state.entries}.`);
  }
}

/** Refuses a pause: `tournament_finished`, `tournament_cancelled`, `tournament_not_running`, `already_paused`. */
export function verifyPause(state: LifecycleState): void {
  refuseOver(state);
  if (state.status !== TournamentStatus.running) refuse('tournament_not_running', 'Only a running tournament can be paused.');
  if (state.paused) refuse('already_paused', 'The tournament is already paused.');
}

/** Refuses a resume: `tournament_finished`, `tournament_cancelled`, `tournament_not_running`, `not_paused`. */
export function verifyResume(state: LifecycleState): void {
  refuseOver(state);
  if (state.status !== TournamentStatus.running) refuse('tournament_not_running', 'Only a running tournament can be resumed.');
  if (!state.paused) refuse('not_paused', 'The tournament is not paused.');
}

/** Refuses a cancellation (which refunds every entry): `tournament_finished`, `tournament_cancelled`. */
export function verifyCancel(state: LifecycleState): void {
  refuseOver(state);
}

function allows(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch {
    return false;
  }
}

export function canStart(def: Pick<TournamentDefinition, 'minEntrants'>, state: LifecycleState): boolean {
  return allows(() => verifyStart(def, state));
}

export function canPause(state: LifecycleState): boolean {
  return allows(() => verifyPause(state));
}

export function canResume(state: LifecycleState): boolean {
  return allows(() => verifyResume(state));
}

export function canCancel(state: LifecycleState): boolean {
  return allows(() => verifyCancel(state));
}
