import type { TomlDate } from 'smol-toml';

/**
 * The PHH (Poker Hand History) document model, mirroring PokerKit's
 * `HandHistory` and the PHH specification (https://phh.readthedocs.io).
 * Field names stay in PHH's own snake_case so that a document reads exactly
 * like the file it came from.
 */

/** The variant codes PHH knows, each with its human name. */
export const PHH_VARIANT_NAMES = {
  FT: "fixed-limit Texas hold 'em",
  NT: "no-limit Texas hold 'em",
  NS: "no-limit short-deck hold 'em",
  PO: "pot-limit Omaha hold 'em",
  'FO/8': "fixed-limit Omaha hold 'em high/low-split eight or better",
  F7S: 'fixed-limit seven card stud',
  'F7S/8': 'fixed-limit seven card stud high/low-split eight or better',
  FR: 'fixed-limit razz',
  N2L1D: 'no-limit deuce-to-seven lowball single draw',
  F2L3D: 'fixed-limit deuce-to-seven lowball triple draw',
  FB: 'fixed-limit badugi',
} as const;

export type PhhVariant = keyof typeof PHH_VARIANT_NAMES;

/**
 * How each field is typed in TOML. `number` fields take integers or decimals
 * and are never negative; `signed_numbers` is the one array that may hold
 * negative values; the `_or_inf` kinds also take `inf`, which PHH uses for an
 * unknown stack or an unlimited clock.
 */
export const PHH_FIELD_KINDS = {
  variant: 'string',
  ante_trimming_status: 'boolean',
  antes: 'numbers',
  blinds_or_straddles: 'signed_numbers',
  bring_in: 'number',
  small_bet: 'number',
  big_bet: 'number',
  min_bet: 'number',
  starting_stacks: 'numbers_or_inf',
  actions: 'strings',
  author: 'string',
  event: 'string',
  url: 'string',
  venue: 'string',
  address: 'string',
  city: 'string',
  region: 'string',
  postal_code: 'string',
  country: 'string',
  time: 'time',
  time_zone: 'string',
  time_zone_abbreviation: 'string',
  day: 'integer',
  month: 'integer',
  year: 'integer',
  hand: 'string_or_integer',
  level: 'integer',
  seats: 'integers',
  seat_count: 'integer',
  table: 'string_or_integer',
  players: 'strings',
  finishing_stacks: 'numbers',
  winnings: 'numbers',
  currency: 'string',
  currency_symbol: 'string',
  time_limit: 'number_or_inf',
  time_banks: 'numbers',
} as const;

export type PhhFieldName = keyof typeof PHH_FIELD_KINDS;
export type PhhFieldKind = (typeof PHH_FIELD_KINDS)[PhhFieldName];

/** Every PHH field in PHH's canonical order, the order the writer uses. */
export const PHH_FIELD_ORDER = Object.keys(PHH_FIELD_KINDS) as PhhFieldName[];

/** Fields holding one entry per player, in seat-to-act order (p1 first). */
export const PHH_PER_PLAYER_FIELDS = [
  'antes',
  'blinds_or_straddles',
  'starting_stacks',
  'finishing_stacks',
  'winnings',
  'players',
  'seats',
  'time_banks',
] as const satisfies readonly PhhFieldName[];

const HOLDEM_NO_LIMIT = ['variant', 'antes', 'blinds_or_straddles', 'min_bet', 'starting_stacks', 'actions'] as const;
const BLIND_FIXED_LIMIT = ['variant', 'antes', 'blinds_or_straddles', 'small_bet', 'big_bet', 'starting_stacks', 'actions'] as const;
const STUD = ['variant', 'antes', 'bring_in', 'small_bet', 'big_bet', 'starting_stacks', 'actions'] as const;

/** The fields each variant requires (PokerKit's `required_field_names`). */
export const PHH_REQUIRED_FIELDS = {
  FT: BLIND_FIXED_LIMIT,
  NT: HOLDEM_NO_LIMIT,
  NS: HOLDEM_NO_LIMIT,
  PO: HOLDEM_NO_LIMIT,
  'FO/8': BLIND_FIXED_LIMIT,
  F7S: STUD,
  'F7S/8': STUD,
  FR: STUD,
  N2L1D: HOLDEM_NO_LIMIT,
  F2L3D: BLIND_FIXED_LIMIT,
  FB: BLIND_FIXED_LIMIT,
} as const satisfies Record<PhhVariant, readonly PhhFieldName[]>;

/**
 * The forced-bet and bet-size fields. A variant uses the ones it requires;
 * the spec forbids the others (no `min_bet` in fixed limit, no blinds in stud).
 */
export const PHH_STRUCTURE_FIELDS = [
  'blinds_or_straddles',
  'bring_in',
  'small_bet',
  'big_bet',
  'min_bet',
] as const satisfies readonly PhhFieldName[];

/** A value a user-defined field may hold: anything TOML can express. */
export type PhhUserValue = string | number | boolean | TomlDate | PhhUserValue[] | { [key: string]: PhhUserValue };

/**
 * One hand history. Optional fields are absent rather than undefined when
 * the file does not have them, so a parsed document deep-equals the
 * document it was written from.
 */
export interface PhhDocument {
  variant: PhhVariant;
  /** Whether a short-stacked player's ante caps what they can win. */
  ante_trimming_status?: boolean;
  antes: number[];
  /** Negative values are allowed, as in PHH files converted by PokerKit. */
  blinds_or_straddles?: number[];
  bring_in?: number;
  small_bet?: number;
  big_bet?: number;
  min_bet?: number;
  /** `Infinity` (written `inf`) marks an unknown stack. */
  starting_stacks: number[];
  /** Action strings exactly as written; read them with `parsePhhAction`. */
  actions: string[];
  author?: string;
  event?: string;
  url?: string;
  venue?: string;
  address?: string;
  city?: string;
  region?: string;
  postal_code?: string;
  country?: string;
  /** TOML local time, as `HH:MM:SS` or `HH:MM:SS.mmm`. */
  time?: string;
  time_zone?: string;
  time_zone_abbreviation?: string;
  day?: number;
  month?: number;
  year?: number;
  hand?: string | number;
  level?: number;
  seats?: number[];
  seat_count?: number;
  table?: string | number;
  players?: string[];
  finishing_stacks?: number[];
  winnings?: number[];
  currency?: string;
  currency_symbol?: string;
  /** Seconds per action; `Infinity` (written `inf`) for no limit. */
  time_limit?: number;
  time_banks?: number[];
  /** The `_`-prefixed fields, kept verbatim in file order. */
  user_defined: Record<string, PhhUserValue>;
}
