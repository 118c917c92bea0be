import { matchMaker } from '@colyseus/core';
import type { Logger } from '../log.ts';
import type { Database } from '../persistence/database.ts';
import type { TournamentRecord } from '../persistence/tournament-types.ts';
import { TournamentStatus } from '../tournaments/rules/structure.ts';
import {
  isRefusal, refusalCode, TOURNAMENT_ROOM, type TournamentDetail, type TournamentHost, type TournamentHostMethod,
} from '../tournaments/tournament-host.ts';
import { ApiProblem } from './problem.ts';
import { detailFromDatabase, structureOf, type TournamentStructure } from './tournament-views.ts';

/** How long a call to an actor on another process may take: it answers after the commands queued before it. */
const CALL_TIMEOUT_MS = 10_000;

/** Whether a `tournament` room runs the tournament somewhere in the cluster (false in an API without game rooms). */
export async function actorRuns(tournamentId: string): Promise<boolean> {
  if (!matchMaker.driver) return false;
  return (await matchMaker.query({ name: TOURNAMENT_ROOM, roomId: tournamentId })).length > 0;
}

/**
 * The answer to a refused command: 422 for input the rules call malformed
 * (`bad_…`, `invalid_…`), else 409 under the rule's own code
 * (`registration_closed`, `tournament_full`, `insufficient_funds` …).
 */
export function refusalProblem(code: string, message: string): ApiProblem {
  const status = /^(bad|invalid)_/.test(code) ? 422 : 409;
  return new ApiProblem(status, code, message);
}

export function unavailable(tournamentId: string): ApiProblem {
  return new ApiProblem(503, 'tournament_unavailable', `Tournament ${tournamentId} is not running on any process right now (it may be moving to another); try again in a few seconds.`, {
    headers: { 'Retry-After': '5' },
  });
}

/** What to answer for a command when no actor runs the tournament: a closed one says why, anything else is a moment's outage. */
export type WhenAbsent = (record: TournamentRecord) => ApiProblem;

/** Player commands: `registration_closed` once over. */
export const registrationAbsent: WhenAbsent = (record) => (
  record.status === TournamentStatus.finished || record.status === TournamentStatus.cancelled
    ? new ApiProblem(409, 'registration_closed', `Registration is closed: the tournament is ${record.status}.`)
    : unavailable(record.id)
);

/** Rebuys and add-ons: only while running. */
export const playAbsent: WhenAbsent = (record) => (
  record.status === TournamentStatus.finished || record.status === TournamentStatus.cancelled
    ? new ApiProblem(409, 'tournament_not_running', `This is only possible while the tournament runs; it is ${record.status}.`)
    : unavailable(record.id)
);

/** Admin commands: `tournament_finished` / `tournament_cancelled` once over. */
export const adminAbsent: WhenAbsent = (record) => {
  if (record.status === TournamentStatus.finished) return new ApiProblem(409, 'tournament_finished', `Tournament ${record.id} has finished.`);
  if (record.status === TournamentStatus.cancelled) return new ApiProblem(409, 'tournament_cancelled', `Tournament ${record.id} was cancelled.`);
  return unavailable(record.id);
};

type Answer<M extends TournamentHostMethod> = Exclude<Awaited<ReturnType<TournamentHost[M]>>, { refused: unknown }>;

/**
 * Calls the tournament's actor (`TournamentHost`) wherever it runs and
 * answers its result, or throws the problem: its refusal (409/422, see
 * `refusalProblem`), what `whenAbsent` says when no actor runs it, or 503
 * `tournament_unavailable` when it does not answer.
 */
export async function callActor<M extends TournamentHostMethod>(
  record: TournamentRecord, method: M, args: Parameters<TournamentHost[M]>, whenAbsent: WhenAbsent, log?: Logger,
): Promise<Answer<M>> {
  if (!(await actorRuns(record.id))) throw whenAbsent(record);
  let answer: unknown;
  try {
    answer = await matchMaker.remoteRoomCall(record.id, method, args, CALL_TIMEOUT_MS);
  } catch (error) {
    // A coded error thrown by an actor in this process (or synchronously in another) still has its code.
    const code = refusalCode(error);
    if (code !== null) throw refusalProblem(code, String((error as { message?: unknown }).message ?? code));
    log?.error({ err: error, tournamentId: record.id, method }, 'a tournament room did not answer');
    throw unavailable(record.id);
  }
  if (isRefusal(answer)) throw refusalProblem(answer.refused.code, answer.refused.message);
  return answer as Answer<M>;
}

/**
 * The detail of `GET /api/tournaments/:id`: from the actor while the
 * tournament runs (the clock, the stacks, the tables), else — or when the
 * actor cannot be reached — from the database.
 */
export async function tournamentDetail(db: Database, record: TournamentRecord, log?: Logger): Promise<TournamentDetail & { source: 'actor' | 'database'; structure: TournamentStructure }> {
  const structure = structureOf(record);
  if (record.status === TournamentStatus.running && await actorRuns(record.id)) {
    try {
      const live = await matchMaker.remoteRoomCall(record.id, 'detail', [], CALL_TIMEOUT_MS) as TournamentDetail;
      return { ...live, source: 'actor', structure };
    } catch (error) {
      log?.warn({ err: error, tournamentId: record.id }, 'a tournament room did not answer its detail; answering from the database');
    }
  }
  return { ...(await detailFromDatabase(db, record)), structure };
}
