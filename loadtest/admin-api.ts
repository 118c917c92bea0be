/** An admin's username and password (the server's `FELT_ADMIN_USERNAME`, `FELT_ADMIN_PASSWORD`). */
export type AdminCredentials = { username: string; password: string };

async function json(response: Response, what: string): Promise<any> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response.json();
}

/** Signs in as the admin; the token authorises `/api/admin/...`. */
export async function adminToken(url: string, admin: AdminCredentials): Promise<string> {
  const body = await json(await fetch(new URL('/api/auth/login', url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin),
  }), 'admin sign-in');
  if (body.user?.isAdmin !== true) throw new Error(`${admin.username} is not an admin`);
  return body.token as string;
}

/** A guest: `POST /api/auth/guest`. */
export async function signInGuest(url: string, name: string): Promise<{ token: string; id: string }> {
  const body = await json(await fetch(new URL('/api/auth/guest', url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }),
  }), 'guest sign-in');
  return { token: body.token, id: body.user.id };
}

/** A player's wallet balance, with their own token (`GET /api/me`). */
export async function walletBalance(url: string, token: string): Promise<number> {
  const body = await json(await fetch(new URL('/api/me', url), { headers: { authorization: `Bearer ${token}` } }), 'GET /api/me');
  return body.wallet.balance as number;
}

/**
 * Debits everything a player's wallet holds through the admin API, so every
 * buy-in they ask for is more than they hold; returns the balance after (0).
 */
export async function emptyWallet(url: string, adminToken: string, player: { id: string; token: string }): Promise<number> {
  const balance = await walletBalance(url, player.token);
  if (balance > 0) {
    await json(await fetch(new URL(`/api/admin/players/${player.id}/wallet`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ amount: balance, direction: 'debit', reason: 'load test: an abuser with an empty wallet', key: `loadtest-abuser-${player.id}` }),
    }), 'the admin wallet debit');
  }
  return walletBalance(url, player.token);
}

/** `POST /api/tournaments/:id/register` with the player's token. */
export async function registerFor(url: string, token: string, tournamentId: string): Promise<void> {
  await json(await fetch(new URL(`/api/tournaments/${tournamentId}/register`, url), {
    method: 'POST', headers: { authorization: `Bearer ${token}` },
  }), `register for ${tournamentId}`);
}

/** `POST /api/admin/tournaments`: the created tournament's summary. */
export async function createTournament(url: string, adminToken: string, body: unknown): Promise<{ tournamentId: string }> {
  return json(await fetch(new URL('/api/admin/tournaments', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  }), 'creating the tournament');
}

/** `POST /api/admin/tournaments/:id/start`. */
export async function startTournament(url: string, adminToken: string, tournamentId: string): Promise<void> {
  await json(await fetch(new URL(`/api/admin/tournaments/${tournamentId}/start`, url), {
    method: 'POST', headers: { authorization: `Bearer ${adminToken}` },
  }), `starting ${tournamentId}`);
}

/** `GET /api/tournaments/:id`. */
export async function tournamentDetail(url: string, tournamentId: string): Promise<any> {
  return json(await fetch(new URL(`/api/tournaments/${tournamentId}`, url)), `GET /api/tournaments/${tournamentId}`);
}
