import type { Room } from '@colyseus/sdk';
import type { Felt } from '../../support/felt.ts';
import type { Answer } from '../helpers.ts';

/** The first admin's settings: startFelt(backend, ADMIN_ENV) makes them the admin. */
export const ADMIN_ENV = { FELT_ADMIN_USERNAME: 'boss', FELT_ADMIN_PASSWORD: 'a-long-admin-password' };

/** Calls the running server's API as `token` (none when absent); bodies go as JSON. */
export async function callFelt(felt: Felt, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const response = await fetch(felt.url + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Signs in as the admin from ADMIN_ENV. */
export async function adminLogin(felt: Felt): Promise<{ token: string; id: string }> {
  const answer = await callFelt(felt, 'POST', '/api/auth/login', { body: { username: ADMIN_ENV.FELT_ADMIN_USERNAME, password: ADMIN_ENV.FELT_ADMIN_PASSWORD } });
  if (answer.status !== 200) throw new Error(`admin login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { token: answer.body.token, id: answer.body.user.id };
}

/** Resolves with the close code when the server sends this client away. */
export function whenLeft(room: Room): Promise<number> {
  return new Promise((resolve) => room.onLeave((code: number) => resolve(code)));
}

/** Wallet balances of players, in order. */
export async function wallets(felt: Felt, playerIds: string[]): Promise<number[]> {
  return Promise.all(playerIds.map((id) => felt.server.db.ledger.balance('player', id)));
}

export const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
