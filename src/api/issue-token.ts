import { signToken } from '../auth/tokens.ts';
import type { PlayerRecord } from '../persistence/types.ts';
import type { ApiDeps } from './types.ts';
import { userView, type UserView } from './user-view.ts';

/** The answer to every successful sign-in: `{token, user}`. */
export type SessionView = { token: string; user: UserView };

export async function issueSession(deps: Pick<ApiDeps, 'secret' | 'config'>, player: PlayerRecord): Promise<SessionView> {
  const token = await signToken(
    { playerId: player.id, name: player.name, isAdmin: player.isAdmin },
    deps.secret,
    { ttlSeconds: deps.config.tokenTtlSeconds },
  );
  return { token, user: userView(player) };
}
