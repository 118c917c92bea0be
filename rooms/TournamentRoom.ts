import { CloseCode, Room, ServerError, type Client } from '@colyseus/core';
import { verifyToken } from '../src/auth/tokens.ts';
import { TournamentActor } from '../src/tournaments/actor/TournamentActor.ts';
import type { TournamentTables } from '../src/tournaments/actor/tournament-tables.ts';
import type {
  HandEndedReport, HostAnswer, PlayerAnswer, TournamentDetail, TournamentHost, TournamentSummary,
} from '../src/tournaments/tournament-host.ts';
import { TournamentState } from '../schema/TournamentState.ts';
import { guardFrames } from './frame-guard.ts';
import { refuseTournamentSnapshot } from './snapshot-refusal.ts';
import type { RoomCreateOptions, RoomServices } from './services.ts';
import { listingChanged, projectTournament, type TournamentListing } from './tournament-wire.ts';

/** What the process gives its tournament rooms besides the common services (`server.define('tournament', TournamentRoom, …)`). */
export type TournamentRoomServices = {
  /** How the actor reaches its tables (`roomTables` in production). */
  tables: TournamentTables;
  /** A fenced write was refused: the ownership stops the room (`TournamentOwnership.lost`). */
  leaseLost(tournamentId: string): void;
  /** The tournament is over and owes nothing: its lease is given back (`TournamentOwnership.done`). */
  done(tournamentId: string): void;
};

type Viewer = { playerId: string | null; name: string | null };

/** How long a finished tournament's room stays for the players who watch it end, once nobody is left it goes at once. */
const LINGER_MS = 60_000;

/**
 * The `tournament` room: the live actor of one tournament (`roomId` = its
 * id), wherever in the cluster its lease is held. Thin: the actor
 * (`src/tournaments/actor/`) runs the commands, the money and the tables;
 * the room exposes its `TournamentHost` methods to
 * `matchMaker.remoteRoomCall`, shows its state (`TournamentState`), and tells
 * each player where they sit (`seated`), that they are out (`eliminated`)
 * and that it is over (`finished`). Only the server creates it (under the
 * tournament's lease, `TournamentOwnership`); anyone may watch, and a player
 * who joins with their token is told their seat.
 */
export class TournamentRoom extends Room<{ state: TournamentState; metadata: TournamentListing; client: Client<{ userData: Viewer }> }> implements TournamentHost {
  private services!: RoomServices;
  private hosting!: TournamentRoomServices;
  private actor!: TournamentActor;
  private listing: TournamentListing | undefined;
  private fenced = false;
  private lingerTimer: NodeJS.Timeout | null = null;

  override async onCreate(options: RoomCreateOptions & { tournaments: TournamentRoomServices; tournamentId?: unknown }): Promise<void> {
    const { services, tournaments } = options;
    this.services = services;
    this.hosting = tournaments;
    guardFrames(this, { messages: services.messages, frameLog: services.frameLog, now: services.now });
    // Only the server opens tournament rooms (clients cannot create rooms), always with the tournament's id.
    if (typeof options.tournamentId !== 'string') throw new Error('A tournament room opens with the id of its tournament.');
    const tournamentId = options.tournamentId;
    this.roomId = tournamentId;
    this.autoDispose = false;
    this.setState(new TournamentState());
    this.onMessage('*', (client: Client<{ userData: Viewer }>, type: string | number) => {
      client.send('error', { code: 'unknown_message', message: `"${String(type)}" is not a message this room understands: it only sends.`, request: String(type) });
    });
    this.actor = await TournamentActor.open(tournamentId, {
      db: services.db,
      tables: tournaments.tables,
      processId: services.processId,
      log: services.log,
      now: services.now,
      tell: (playerId, type, payload) => this.tell(playerId, type, payload),
      broadcast: (type, payload) => this.broadcast(type, payload),
      changed: () => void this.show(),
      leaseLost: () => tournaments.leaseLost(tournamentId),
      done: () => this.over(),
    }).catch((error: unknown) => refuseTournamentSnapshot(error, tournamentId, services.log));
    await this.show();
  }

  override async onAuth(_client: Client, options: { token?: unknown } | undefined): Promise<Viewer> {
    if (options?.token === undefined) return { playerId: null, name: null };
    if (typeof options.token !== 'string') throw new ServerError(401, 'Join with your token, or with none to watch: joinById(tournamentId, { token }).');
    try {
      const claims = await verifyToken(options.token, this.services.secret);
      return { playerId: claims.playerId, name: null };
    } catch {
      throw new ServerError(401, 'Your token is not valid; sign in again.');
    }
  }

  override onJoin(client: Client<{ userData: Viewer }>, _options: unknown, viewer: Viewer): void {
    client.userData = viewer;
    if (!viewer.playerId) return;
    const seat = this.actor.seatOf(viewer.playerId);
    if (seat) client.send('seated', seat);
  }

  override onLeave(): void {
    if (this.lingerTimer && this.clients.length === 0) void this.disconnect();
  }

  override async onDispose(): Promise<void> {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    await this.actor?.stop();
  }

  private tell(playerId: string, type: string, payload: unknown): void {
    for (const client of this.clients) if (client.userData?.playerId === playerId) client.send(type, payload);
  }

  private async show(): Promise<void> {
    if (this.fenced) return;
    const listing = projectTournament(this.actor, this.state);
    if (listingChanged(this.listing, listing)) {
      this.listing = listing;
      await this.setMetadata(listing);
    }
  }

  /** Over and settled: the lease goes, and the room stays a while for those watching the end. */
  private over(): void {
    this.hosting.done(this.roomId);
    this.lingerTimer = setTimeout(() => void this.disconnect(), this.clients.length === 0 ? 0 : LINGER_MS);
  }

  // ── the cluster: see LeaseOwnership ──────────────────────────────────

  async relist(): Promise<void> {
    await this.setMatchmaking({ metadata: this.metadata });
  }

  /** Another process runs the tournament now: nothing more is done or written here, the watchers rejoin by id. */
  async abandon(): Promise<void> {
    this.fenced = true;
    this.actor?.abandon();
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  /** Resolves once the actor has nothing queued or waiting (tests). */
  quiet(): Promise<void> {
    return this.actor.quiet();
  }

  // ── TournamentHost: called through matchMaker.remoteRoomCall ────────

  register(playerId: string, name: string): Promise<HostAnswer<PlayerAnswer & { entryNo: number }>> {
    return this.actor.register(playerId, name);
  }

  unregister(playerId: string): Promise<HostAnswer<PlayerAnswer>> {
    return this.actor.unregister(playerId);
  }

  rebuy(playerId: string): Promise<HostAnswer<PlayerAnswer & { rebuys: number }>> {
    return this.actor.rebuy(playerId);
  }

  addOn(playerId: string): Promise<HostAnswer<PlayerAnswer>> {
    return this.actor.addOn(playerId);
  }

  start(): Promise<HostAnswer<TournamentSummary>> {
    return this.actor.start();
  }

  pause(): Promise<HostAnswer<TournamentSummary>> {
    return this.actor.pause();
  }

  resume(): Promise<HostAnswer<TournamentSummary>> {
    return this.actor.resume();
  }

  cancel(): Promise<HostAnswer<TournamentSummary>> {
    return this.actor.cancel();
  }

  detail(): Promise<TournamentDetail> {
    return this.actor.detail();
  }

  handEnded(report: HandEndedReport): Promise<HostAnswer<{ accepted: boolean }>> {
    return this.actor.handEnded(report);
  }
}
