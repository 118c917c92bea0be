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
