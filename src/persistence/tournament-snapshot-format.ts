import { SNAPSHOT_REFUSAL } from './snapshot-format.ts';
import { PersistenceError } from './types.ts';

/**
 * The layouts a tournament's snapshot has had, by the number in its row's
 * `format` column. The state is the actor's (`src/tournaments/`), stored as
 * it writes it; a new layout it cannot read back as it is gets a new number.
 */
export const TOURNAMENT_SNAPSHOT_FORMAT = {
  /** The Tournament state as plain JSON. */
  plain: 1,
} as const;
export type TournamentSnapshotFormat = (typeof TOURNAMENT_SNAPSHOT_FORMAT)[keyof typeof TOURNAMENT_SNAPSHOT_FORMAT];

export const CURRENT_TOURNAMENT_SNAPSHOT_FORMAT: TournamentSnapshotFormat = TOURNAMENT_SNAPSHOT_FORMAT.plain;
export const KNOWN_TOURNAMENT_SNAPSHOT_FORMATS: readonly number[] = Object.values(TOURNAMENT_SNAPSHOT_FORMAT);

/** Why a tournament's stored snapshot was not loaded; the codes are those of table snapshots (`SNAPSHOT_REFUSAL`), so `isSnapshotRefusal` knows them too. */
export const TOURNAMENT_SNAPSHOT_REFUSAL = {
  version: SNAPSHOT_REFUSAL.version,
  invalid: SNAPSHOT_REFUSAL.invalid,
} as const;
export type TournamentSnapshotRefusal = (typeof TOURNAMENT_SNAPSHOT_REFUSAL)[keyof typeof TOURNAMENT_SNAPSHOT_REFUSAL];

export class TournamentSnapshotRefusedError extends PersistenceError {
  readonly tournamentId: string;
  /** The format the row says it has. */
  readonly format: number;
  readonly knownFormats: readonly number[] = KNOWN_TOURNAMENT_SNAPSHOT_FORMATS;

  constructor(code: TournamentSnapshotRefusal, message: string, tournamentId: string, format: number) {
    super(code, message);
    this.name = 'TournamentSnapshotRefusedError';
    this.tournamentId = tournamentId;
    this.format = format;
  }
}

/** The state of a stored tournament snapshot, or a `TournamentSnapshotRefusedError` when its format is unknown or it is not an object. */
export function parseTournamentSnapshot(row: { tournamentId: string; version: number; format: number; state: unknown }): Record<string, unknown> {
  const { tournamentId, version, format, state } = row;
  if (!KNOWN_TOURNAMENT_SNAPSHOT_FORMATS.includes(format)) {
    throw new TournamentSnapshotRefusedError(
      TOURNAMENT_SNAPSHOT_REFUSAL.version,
      `The snapshot of tournament ${tournamentId} has format ${format}, and this Felt knows formats ${KNOWN_TOURNAMENT_SNAPSHOT_FORMATS.join(', ')}: `
        + 'a newer Felt wrote it. Run that version or a newer one to run the tournament.',
      tournamentId, format,
    );
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new TournamentSnapshotRefusedError(
      TOURNAMENT_SNAPSHOT_REFUSAL.invalid,
      `The snapshot of tournament ${tournamentId} (format ${format}, version ${version}) is not a tournament's state: it is not an object.`,
      tournamentId, format,
    );
  }
  return state as Record<string, unknown>;
}
