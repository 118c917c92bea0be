import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { generatedSecret } from '../generated-secret.ts';

export const DECK_KEY_FILE = 'deck-key';
export const DECK_KEY_BYTES = 32;
const HEX_KEY = /^[0-9a-f]{64}$/i;

/** The key that seals live decks in snapshots, and where it came from. */
export type DeckKey = {
  key: Uint8Array;
  /** `setting`: `FELT_DECK_KEY`; `file`: generated into (or read back from) `path`. */
  source: 'setting' | 'file';
  path?: string;
};

/**
 * `FELT_DECK_KEY` when set; otherwise a random key generated once into
 * `<dataDir>/deck-key` and read back on every later start, so a restarted
 * process can open the decks it sealed. Processes sharing a data dir agree on
 * one key (`generatedSecret` publishes the file atomically); processes on
 * different machines must be given `FELT_DECK_KEY`. A lost key leaves the
 * tables that were mid-hand closed: back it up with the database.
 */
export async function resolveDeckKey(config: Pick<Config, 'deckKey' | 'dataDir'>): Promise<DeckKey> {
  if (config.deckKey) return { key: hexKey(config.deckKey, 'FELT_DECK_KEY'), source: 'setting' };
  const { path, text } = await generatedSecret(config.dataDir, DECK_KEY_FILE, () => randomBytes(DECK_KEY_BYTES).toString('hex'));
  if (!text) throw new Error(`The deck key in ${path} is empty; restore it from a backup or set FELT_DECK_KEY.`);
  return { key: hexKey(text, path), source: 'file', path };
}

/**
 * What to warn about the key at start-up, or null: on PostgreSQL, other
 * processes (on other machines) may share the database but not this data
 * dir, and a table one of them restores could not open the deck sealed here.
 */
export function deckKeyWarning(deckKey: DeckKey, databaseUrl: string | undefined): string | null {
  if (deckKey.source === 'setting' || !databaseUrl) return null;
  return `FELT_DECK_KEY is not set, so live decks are sealed with the key generated into ${deckKey.path}. `
    + 'Every process that shares this PostgreSQL database must use the same key, or the tables it restores mid-hand stay closed: '
    + 'set FELT_DECK_KEY (openssl rand -hex 32) to the same value on every process.';
}

function hexKey(text: string, where: string): Uint8Array {
  if (!HEX_KEY.test(text)) throw new Error(`The deck key in ${where} is not 64 hex characters; restore it from a backup or set FELT_DECK_KEY.`);
  return Buffer.from(text, 'hex');
}
