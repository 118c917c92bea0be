import { z } from 'zod';
import type { PlayerRecord } from '../persistence/types.ts';

/** How the API shows a player to themselves: `{id, name}` plus the account's facts. */
export type UserView = { id: string; name: string; username: string | null; isAdmin: boolean; createdAt: string };

export function userView(player: PlayerRecord): UserView {
  return {
    id: player.id,
    name: player.name,
    username: player.username,
    isAdmin: player.isAdmin,
    createdAt: player.createdAt.toISOString(),
  };
}

/** `UserView` as the OpenAPI document shows it. */
export const userViewSchema = z.object({
  id: z.string(), name: z.string(), username: z.string().nullable(), isAdmin: z.boolean(), createdAt: z.iso.datetime(),
});

/** Every sign-in's answer, `{token, user}`, as the OpenAPI document shows it. */
export const sessionView = z.object({ token: z.string().describe('Send as "Authorization: Bearer <token>".'), user: userViewSchema });
