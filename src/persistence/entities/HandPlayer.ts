import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Hand } from './Hand.ts';

/** One player's part in a hand, so a player's hand history is an indexed query. */
export const HandPlayer = defineEntity({
  name: 'HandPlayer',
  tableName: 'hand_player',
  properties: {
    hand: () => p.manyToOne(Hand).primary().deleteRule('cascade'),
    playerId: p.string().primary(),
    // Copied from the hand so a player's hands, newest first, come straight off the index below.
    endedAt: p.datetime(),
  },
  indexes: [{ properties: ['playerId', 'endedAt'] }],
});

export type HandPlayer = InferEntity<typeof HandPlayer>;
