// The dashboard's session (an admin's token) and its API helper.
import { Client } from '@colyseus/sdk';
import { api, ApiError, FELT_URL, request, sdkEndpoint, type RequestOptions } from '../shared/api.ts';
import { createSessionStore, type Session } from '../shared/session.ts';

export const sessions = createSessionStore('felt.admin.session');

let client: Client | null = null;
export function sdk(): Client {
  client ??= new Client(sdkEndpoint());
  return client;
}

export function adminToken(): string {
  return sessions.session.value?.token ?? '';
}

/** An admin API call with the session's token; a refused token ends the session. */
export async function adminApi<T>(path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
  try {
    return await api<T>(path, { ...options, token: adminToken() });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || (error.status === 403 && error.code !== 'cannot_ban_admin'))) signOut();
    throw error;
  }
}

/** The monitor (`/monitor`) is a plain page: it is let in by a cookie the server sets for this token. */
async function openMonitorSession(token: string): Promise<void> {
  await fetch(`${FELT_URL}/monitor/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, credentials: 'include' }).catch(() => undefined);
}

export async function signIn(session: Session): Promise<void> {
  sessions.signIn(session);
  await openMonitorSession(session.token);
}

export function signOut(): void {
  sessions.signOut();
  void fetch(`${FELT_URL}/monitor/session`, { method: 'DELETE', credentials: 'include' }).catch(() => undefined);
}

/** On load: is the saved session still an admin's? Renews the monitor's cookie too. */
export async function checkSession(): Promise<void> {
  const session = sessions.session.value;
  if (!session) return;
  try {
    await adminApi('/api/admin/players?limit=1');
    await openMonitorSession(session.token);
  } catch {
    // adminApi signed out when the token was refused; a network failure keeps the session.
  }
}

/** A text download (a PHH file) that needs the admin's token, saved under `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await request(path, { token: adminToken() });
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
