import { ServerError } from '@colyseus/core';
import type { Logger } from 'pino';
import { isSnapshotRefusal, KNOWN_SNAPSHOT_FORMATS, SnapshotRefusedError } from '../src/persistence/snapshot-format.ts';

/**
 * A room that cannot be created because its snapshot was refused. A
 * `ServerError`, so Colyseus does not print it again with its stack; its
 * `code` is the refusal's (`snapshot_version` …), which Colyseus passes on to
 * whoever created the room (`TableOwnership` then leaves the table closed).
 */
class RefusedSnapshot extends ServerError {
  constructor(code: string, message: string) {
    super(undefined, message);
    (this as unknown as { code: string }).code = code;
  }
}

/**
 * What a room does with an error from loading its snapshot: a refused
 * snapshot is logged once, in one line that says which table, which format
 * it has and which formats this Felt knows, and the room is not created; any
 * other error goes on as it is.
 */
export function refuseSnapshot(error: unknown, tableId: string, log: Logger): never {
  if (!isSnapshotRefusal(error)) throw error;
  const { code, message } = error as { code: string; message: string };
  const format = error instanceof SnapshotRefusedError ? error.format : null;
  log.error({ tableId, code, format, knownFormats: KNOWN_SNAPSHOT_FORMATS }, `snapshot refused, the table stays closed: ${message}`);
  throw new RefusedSnapshot(code, message);
}

/** `refuseSnapshot` for a tournament's actor: logged once with the tournament's id, and the room is not created (its ownership leaves it closed here). */
export function refuseTournamentSnapshot(error: unknown, tournamentId: string, log: Logger): never {
  if (!isSnapshotRefusal(error)) throw error;
  const { code, message } = error as { code: string; message: string };
  const format = (error as { format?: unknown }).format ?? null;
  log.error({ tournamentId, code, format }, `tournament snapshot refused, the tournament is not run here: ${message}`);
  throw new RefusedSnapshot(code, message);
}
