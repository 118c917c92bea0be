import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Someone who plays: a guest (no username) or a registered account. */
export const Player = defineEntity({
  name: 'Player',
  tableName: 'player',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    username: p.string().nullable().unique(),
    passwordHash: p.text().nullable(),
    isAdmin: p.boolean().default(false),
    bannedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});

export type Player = InferEntity<typeof Player>;
