import type { z } from 'zod';
import type { CashTableState } from '../engine/cash/state.ts';
import type { DeckState } from '../engine/deck.ts';
import type { DeckCipher, SealedDeck } from './deck-cipher.ts';
import { storedTableState, type StoredHand } from './snapshot-schema.ts';
import { PersistenceError } from './types.ts';

/** The layouts a snapshot's state has had, by the number in its row's `format` column. */
export const SNAPSHOT_FORMAT = {
  /** The live deck in the clear. Rows written before formats existed are this one (the column's default). */
  clearDeck: 1,
  /** The live deck sealed (`DeckCipher`): `hand.deck` is a `SealedDeck`. */
  sealedDeck: 2,
} as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMAT)[keyof typeof SNAPSHOT_FORMAT];

/** What every snapshot is written as now. */
export const CURRENT_SNAPSHOT_FORMAT: SnapshotFormat = SNAPSHOT_FORMAT.sealedDeck;
export const KNOWN_SNAPSHOT_FORMATS: readonly number[] = Object.values(SNAPSHOT_FORMAT);

/**
 * Why a stored snapshot was not loaded: a format this Felt does not know, a
 * state that is not a table's, or a live deck that cannot be opened (sealed
 * with another key, or altered). A table whose snapshot is refused stays closed.
 */
export const SNAPSHOT_REFUSAL = {
  version: 'snapshot_version',
  invalid: 'snapshot_invalid',
  keyMismatch: 'deck_key_mismatch',
  tampered: 'deck_tampered',
} as const;
export type SnapshotRefusal = (typeof SNAPSHOT_REFUSAL)[keyof typeof SNAPSHOT_REFUSAL];
const REFUSALS = new Set<string>(Object.values(SNAPSHOT_REFUSAL));

export class SnapshotRefusedError extends PersistenceError {
  readonly tableId: string;
  /** The format the row says it has. */
  readonly format: number;
  readonly knownFormats: readonly number[] = KNOWN_SNAPSHOT_FORMATS;

  constructor(code: SnapshotRefusal, message: string, tableId: string, format: number) {
    super(code, message);
    this.name = 'SnapshotRefusedError';
    this.tableId = tableId;
    this.format = format;
  }
}

/**
 * True for a refused snapshot, however the error was wrapped on the way:
 * Colyseus turns an error thrown while a room is created into its own,
 * keeping only the code and the message.
 */
export function isSnapshotRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && REFUSALS.has(code);
}

/** A snapshot row as stored: its state as the JSON column gives it back. */
export type StoredSnapshot = { tableId: string; version: number; format: number; state: unknown };

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${path || 'the state'}: ${issue.message}`;
}

/**
 * The table state of a stored snapshot, checked field by field and with its
 * live deck opened, or a `SnapshotRefusedError`: `snapshot_version` for a
 * format this Felt does not know, `snapshot_invalid` for a state that is not a
 * table's (or another table's), `deck_key_mismatch` and `deck_tampered` for a
 * deck that cannot be opened (see `DeckCipher.open`).
 */
export function parseSnapshotState(row: StoredSnapshot, cipher: DeckCipher): CashTableState {
  const { tableId, version, format } = row;
  const refuse = (code: SnapshotRefusal, message: string): never => {
    throw new SnapshotRefusedError(code, message, tableId, format);
  };
  if (!KNOWN_SNAPSHOT_FORMATS.includes(format)) {
    refuse(SNAPSHOT_REFUSAL.version, `The snapshot of table ${tableId} has format ${format}, and this Felt knows formats ${KNOWN_SNAPSHOT_FORMATS.join(', ')}: `
      + 'a newer Felt wrote it. Run that version or a newer one to open the table.');
  }
  const parsed = storedTableState.safeParse(row.state);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describe).join('; ');
    return refuse(SNAPSHOT_REFUSAL.invalid, `The snapshot of table ${tableId} (format ${format}, version ${version}) is not a table's state: ${issues}.`);
  }
  const state = parsed.data;
  if (state.tableId !== tableId) {
    refuse(SNAPSHOT_REFUSAL.invalid, `The snapshot stored for table ${tableId} is the state of table ${state.tableId}.`);
  }
  if (!state.hand) return { ...state, hand: null };
  return { ...state, hand: { ...state.hand, deck: openDeck(state.hand, row, cipher, refuse) } };
}

function openDeck(hand: StoredHand, row: StoredSnapshot, cipher: DeckCipher, refuse: (code: SnapshotRefusal, message: string) => never): DeckState | null {
  const { deck } = hand;
  if (deck === null) return null;
  const sealed = 'sealed' in deck;
  if (row.format === SNAPSHOT_FORMAT.clearDeck) {
    return sealed ? refuse(SNAPSHOT_REFUSAL.invalid, `The snapshot of table ${row.tableId} has format 1 (a deck in the clear) but holds a sealed deck.`) : deck;
  }
  if (!sealed) return refuse(SNAPSHOT_REFUSAL.invalid, `The snapshot of table ${row.tableId} has format ${row.format} but holds its deck in the clear, which that format never writes.`);
  try {
    return cipher.open(deck as SealedDeck, row.tableId, row.version);
  } catch (error) {
    if (error instanceof PersistenceError && isSnapshotRefusal(error)) return refuse(error.code as SnapshotRefusal, error.message);
    throw error;
  }
}
