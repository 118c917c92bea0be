import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Tournament } from './Tournament.ts';

export const ENTRY_STATUS = {
  registered: 'registered',
  /** The player left before the start; buy-in and fee refunded. */
  unregistered: 'unregistered',
  eliminated: 'eliminated',
  /** Still in when the tournament ended: the winner. */
  finished: 'finished',
  /** The tournament was cancelled; buy-in, fee, rebuys and add-ons refunded. */
  refunded: 'refunded',
} as const;
export type EntryStatus = (typeof ENTRY_STATUS)[keyof typeof ENTRY_STATUS];

/**
 * One entry of a player into a tournament (`entryNo` 1, then 2 … for
 * re-entries), written in the transaction of its buy-in, with what it paid
 * (so a refund gives back exactly that), its rebuys and add-ons, and its
 * place and prize once decided.
 */
export const TournamentEntry = defineEntity({
  name: 'TournamentEntry',
  tableName: 'tournament_entry',
  properties: {
    tournament: () => p.manyToOne(Tournament).primary(),
    playerId: p.string().primary(),
    entryNo: p.integer().primary(),
    name: p.string(),
    status: p.enum(Object.values(ENTRY_STATUS)).default(ENTRY_STATUS.registered),
    buyIn: p.bigint('number'),
    fee: p.bigint('number'),
    rebuys: p.integer().default(0),
    rebuyTotal: p.bigint('number').default(0),
    addOns: p.integer().default(0),
    addOnTotal: p.bigint('number').default(0),
    place: p.integer().nullable(),
    prize: p.bigint('number').nullable(),
    registeredAt: p.datetime(),
    // When it was unregistered or refunded.
    leftAt: p.datetime().nullable(),
    placedAt: p.datetime().nullable(),
  },
  // A place is one entry's: a second entry placed there is a bug the database refuses.
  uniques: [{ properties: ['tournament', 'place'] }],
  // A player's tournaments, newest first (`GET /api/me/tournaments`).
  indexes: [{ properties: ['playerId', 'registeredAt'] }],
});

export type TournamentEntry = InferEntity<typeof TournamentEntry>;
