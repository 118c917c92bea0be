import { signToken } from '../../../src/auth/tokens.ts';
import type { Database } from '../../../src/persistence/database.ts';
import type { PlayerRecord } from '../../../src/persistence/types.ts';
import { startApi, uniqueUsername, type TestApi } from '../helpers.ts';

export type Session = { token: string; player: PlayerRecord };

/** A registered admin (made as `ensureAdmin` makes the first one) and a token for them. */
export async function adminSession(api: TestApi): Promise<Session> {
  const username = uniqueUsername('admin');
  const player = await api.db.players.register({ username, name: username, passwordHash: 'not-used', isAdmin: true }, 0);
  const token = await signToken({ playerId: player.id, name: player.name, isAdmin: true }, api.secret);
  return { token, player };
}

/** A guest signed in through the API: an ordinary player, refused by admin routes. */
export async function playerSession(api: TestApi, name = 'Pat'): Promise<Session> {
  const answer = await api.call('POST', '/api/auth/guest', { body: { name } });
  if (answer.status !== 201) throw new Error(`guest sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const player = await api.db.players.findById(answer.body.user.id);
  if (!player) throw new Error('the guest was not stored');
  return { token: answer.body.token, player };
}

/** The API an admin suite runs against, with an admin and an ordinary player signed in; set before the suite's first test. */
export type AdminApi = { api: TestApi; admin: Session; player: Session };

/** Inside a `describe`: starts the API over the suite's database before its tests and closes it after them. */
export function useAdminApi(db: () => Database): AdminApi {
  const context = {} as AdminApi;
  before(async () => {
    context.api = await startApi({ db: db() });
    context.admin = await adminSession(context.api);
    context.player = await playerSession(context.api);
  });
  after(async () => {
    await context.api?.close();
  });
  return context;
}
