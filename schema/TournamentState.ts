import { schema, t, type SchemaType } from '@colyseus/schema';

/** One paid place: `amount` is wallet money. */
export const PayoutLine = schema({
  place: t.number().default(0),
  amount: t.number().default(0),
}, 'PayoutLine');
export type PayoutLine = SchemaType<typeof PayoutLine>;

/** A line of the standings: players still in have `stack` and `tableId` and `place` 0; players out a `place` (and `prize` when paid). */
export const StandingLine = schema({
  playerId: t.string().default(''),
  name: t.string().default(''),
  stack: t.number().default(0),
  tableId: t.string().default(''),
  place: t.number().default(0),
  prize: t.number().default(0),
}, 'StandingLine');
export type StandingLine = SchemaType<typeof StandingLine>;

export const TournamentTableLine = schema({
  tableId: t.string().default(''),
  seated: t.number().default(0),
}, 'TournamentTableLine');
export type TournamentTableLine = SchemaType<typeof TournamentTableLine>;

/** The public state of one tournament, as PROTOCOL.md names it. Wire data only: no rules here. */
export const TournamentState = schema({
  tournamentId: t.string().default(''),
  name: t.string().default(''),
  status: t.string().default('registering'),
  level: t.number().default(1),
  smallBlind: t.number().default(0),
  bigBlind: t.number().default(0),
  ante: t.number().default(0),
  /** Epoch ms; 0 before the start, on the last level, or while paused. */
  levelEndsAt: t.number().default(0),
  onBreak: t.boolean().default(false),
  breakEndsAt: t.number().default(0),
  entrants: t.number().default(0),
  remaining: t.number().default(0),
  prizePool: t.number().default(0),
  // Felt's additions.
  kind: t.string().default(''),
  variant: t.string().default(''),
  maxEntrants: t.number().default(0),
  paused: t.boolean().default(false),
  registrationOpen: t.boolean().default(false),
  /** On the bubble: every table deals one hand at a time and waits for the others (the round's number, 0 when not). */
  handForHandRound: t.number().default(0),
  payouts: t.array(PayoutLine),
  /** The leaders: the first `STANDINGS_SHOWN` lines of the standings. */
  standings: t.array(StandingLine),
  tables: t.array(TournamentTableLine),
}, 'TournamentState');
export type TournamentState = SchemaType<typeof TournamentState>;

/** How many standings lines the state carries (the whole list is `GET /api/tournaments/:id`'s, and `finished`'s). */
export const STANDINGS_SHOWN = 10;
