// The play client's shared state: the session, the wallet, and one SDK client.
import { Client } from '@colyseus/sdk';
import { signal } from '@preact/signals';
import { api, ApiError, sdkEndpoint } from '../shared/api.ts';
import { createSessionStore, type Session, type User } from '../shared/session.ts';

export const sessions = createSessionStore('felt.play.session');
export const wallet = signal<number | null>(null);

let client: Client | null = null;
export function sdk(): Client {
  client ??= new Client(sdkEndpoint());
  return client;
}

export function token(): string | null {
  return sessions.session.value?.token ?? null;
}

type Me = { user: User; wallet: { balance: number } };

/** Reads the player and wallet again; a refused token signs out (banned, or signed by an old secret). */
export async function refreshMe(): Promise<void> {
  const current = sessions.session.value;
  if (!current) return;
  try {
    const me = await api<Me>('/api/me', { token: current.token });
    wallet.value = me.wallet.balance;
    if (me.user.name !== current.user.name) sessions.signIn({ token: current.token, user: me.user });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) signOut();
  }
}

export function signIn(session: Session): void {
  sessions.signIn(session);
  void refreshMe();
}

export function signOut(): void {
  sessions.signOut();
  wallet.value = null;
}
