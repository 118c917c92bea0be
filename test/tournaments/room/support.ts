import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import type { TournamentRoom } from '../../../rooms/TournamentRoom.ts';
import { callFelt, adminLogin } from '../../api/admin/felt-admin.ts';
import { FakeTournamentTables } from '../../support/fake-tournament-tables.ts';
import type { Felt } from '../../support/felt.ts';

/** A sit-and-go as the admin API takes it: `players` seats, long levels. */
export function sngBody(players: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `SNG ${Math.random().toString(36).slice(2, 8)}`, kind: 'sng', variant: 'NT', buyIn: 100, fee: 10, startingStack: 1500,
    tableSize: 6, minEntrants: players, maxEntrants: players,
    levels: [{ smallBlind: 10, bigBlind: 20, seconds: 600 }, { smallBlind: 20, bigBlind: 40, seconds: 600 }, { smallBlind: 40, bigBlind: 80, seconds: 600 }],
    ...overrides,
  };
}

/** Creates a tournament through the admin API; answers its id. */
export async function createTournament(felt: Felt, body: Record<string, unknown>): Promise<string> {
  const admin = await adminLogin(felt);
  const answer = await callFelt(felt, 'POST', '/api/admin/tournaments', { token: admin.token, body });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.tournamentId;
}

/** The tournament's room in this process, once its actor is open. */
export async function actorRoom(tournamentId: string, ms = 10_000): Promise<TournamentRoom> {
  const until = Date.now() + ms;
  for (;;) {
    const room = matchMaker.getLocalRoomById(tournamentId) as unknown as TournamentRoom | undefined;
    if (room && (room as unknown as { actor?: unknown }).actor) return room;
    if (Date.now() > until) throw new Error(`no actor opened for tournament ${tournamentId}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves once the tournament's actor has nothing queued or waiting. */
export async function settled(tournamentId: string): Promise<void> {
  await (await actorRoom(tournamentId)).quiet();
}

export type Entrant = { id: string; token: string; room: Room; seated: Promise<{ tableId: string; seat: number }> };

/** A guest who joins the tournament room (and is listening for `seated`) and registers through the HTTP API. */
export async function entrant(felt: Felt, tournamentId: string, name: string, register = true): Promise<Entrant> {
  const guest = await felt.guest(name);
  const room = await felt.client().joinById(tournamentId, { token: guest.token });
  const seated = new Promise<{ tableId: string; seat: number }>((resolve) => room.onMessage('seated', resolve));
  room.onMessage('*', () => {});
  if (register) {
    const answer = await callFelt(felt, 'POST', `/api/tournaments/${tournamentId}/register`, { token: guest.token });
    if (answer.status !== 201) throw new Error(`register failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { id: guest.id, token: guest.token, room, seated };
}

export function fakeTables(): { fake: FakeTournamentTables; options: { tournamentTables: () => FakeTournamentTables } } {
  const fake = new FakeTournamentTables();
  return { fake, options: { tournamentTables: () => fake } };
}
