import { randomUUID } from 'node:crypto';
import { CloseCode, Room, ServerError, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import type { z } from 'zod';
import { CashTable, type PlayerAction } from '../src/engine/cash/CashTable.ts';
import type { CashTableEvent, CashTableState } from '../src/engine/cash/state.ts';
import { IllegalActionError } from '../src/engine/errors.ts';
import { PersistenceError } from '../src/persistence/types.ts';
import { verifyToken } from '../src/auth/tokens.ts';
import { settingsFromTemplate } from '../src/tables/settings.ts';
import { publicTableView, type PublicTableView } from '../src/tables/public-view.ts';
import { listingChanged, listingOf, type TableListing } from '../src/tables/live-table.ts';
import type { ExpelResult, TableHost } from '../src/tables/table-host.ts';
import type { RoomTable } from '../src/tables/room-table.ts';
import type { SeatInstruction } from '../src/tournaments/events.ts';
import type { HostAnswer } from '../src/tournaments/tournament-host.ts';
import type { DealOrder, TournamentTableHost } from '../src/tournaments/tournament-table-host.ts';
import type { TableRecord } from '../src/persistence/types.ts';
import { TournamentTableLink, notATournamentTable } from './tournament-table.ts';
import { TableState, type Seat } from '../schema/TableState.ts';
import { guardFrames } from './frame-guard.ts';
import { ActMessage, EmptyMessage, SitMessage, TopUpMessage, WaitlistMessage, DrawMessage, describeIssue } from './messages.ts';
import { drawAction } from './draw-message.ts';
import { projectTable, type FinishedHand } from './project.ts';
import { Rejection } from './rejection.ts';
import { refuseSnapshot } from './snapshot-refusal.ts';
import type { RoomCreateOptions, RoomServices } from './services.ts';
import { TableMoney } from './table-money.ts';
import { FUNDS, WalletBook, insufficientFunds } from './wallet-book.ts';
import { TableObserver } from '../src/observability/table-observer.ts';
import { optionsOf } from '../src/engine/cash/options/table-options.ts';
import { BombPotMessage, notATournamentOption, RunItTwiceMessage, StraddleMessage } from './option-messages.ts';
import { SharedWaitlist } from './shared-waitlist.ts';

type Player = { playerId: string; name: string; isAdmin: boolean };
/** What `onAuth` hands `onJoin`: the player, and their wallet's balance as read then (see `WalletBook.ticket`). */
type Admission = Player & { wallet: { balance: number; ticket: number } };

/** Whether an error is a refusal to answer with `error` (the state is unchanged), not a failure. */
function isRefusal(error: unknown): error is IllegalActionError | Rejection {
  return error instanceof IllegalActionError || error instanceof Rejection;
}

/** The room's own patch interval: see `patchSoon`. */
const BACKSTOP_PATCH_MS = 1_000;

/**
 * One table. A thin adapter: it checks each message, finds the player's
 * seat, calls the cash table (the rules), maps the result onto the wire
 * state, keeps the clock, and hands money and records to persistence.
 * Commands run one at a time through a queue, so a buy-in that waits on the
 * database never interleaves with a bet.
 */
export class TableRoom extends Room<{ state: TableState; metadata: TableListing; client: Client<{ userData: Player }> }> implements TableHost, TournamentTableHost {
  private services!: RoomServices;
  private table!: RoomTable;
  /** The same table when it is a cash table: the table options are a cash table's (a tournament table has none). */
  private cash: CashTable | null = null;
  /** A tournament's table (its row has a `tournamentId`): the tournament's calls and the hand reports go through it. */
  private tournament: TournamentTableLink | null = null;
  private money!: TableMoney;
  /** The wallets of the players here, as far as this room knows them: a buy-in nobody can pay is refused without the database. */
  private readonly wallets = new WalletBook();
  /** Commands of each player's messages waiting in the queue (see `registerMessages`). */
  private readonly pending = new Map<string, number>();
  private finished: FinishedHand | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** The table's next deadline (action clock, next deal …): a plain timer, exact to the millisecond, not the room clock that only ticks with patches. */
  private timer: NodeJS.Timeout | null = null;
  /** A patch is already due at the end of this event-loop turn (`patchSoon`). */
  private patchPending = false;
  private views = new Map<string, Seat>();
  /** A client joined or a seat was taken since the views were last matched to seats (`refresh`). */
  private viewsStale = true;
  private observer!: TableObserver;
  private closed = false;
  /** Another process holds the lease now: this room runs nothing more and is going away (`abandon`). */
  private fenced = false;
  /** Players banned while here: a reconnection skips onAuth, so it is refused by this list. */
  private expelled = new Set<string>();
  /** Called once no hand is in play (see `drain`). */
  private handOverWaiters: (() => void)[] = [];
  /** The link to the template's shared waiting list, when the template has one. */
  private shared: SharedWaitlist | null = null;

  override async onCreate(options: RoomCreateOptions & { tableId?: unknown }): Promise<void> {
    const { services } = options;
    this.services = services;
    this.observer = new TableObserver(services.metrics);
    guardFrames(this, { messages: services.messages, frameLog: services.frameLog, now: services.now, coolOff: services.coolOff });
    const { db, snapshots, log } = services;
    // Only the server opens tables (clients cannot create rooms), always with the table's id.
    if (typeof options.tableId !== 'string') throw new Error('A table room opens with the id of its table.');
    this.roomId = options.tableId;
    this.autoDispose = false;
    // Every change is sent at once (`patchSoon`); the patch tick is only a backstop, and at 20 a second it cost more than the play itself.
    this.patchRate = BACKSTOP_PATCH_MS;
    const record = await db.tables.get(options.tableId);
    if (!record) throw new Error(`No table ${options.tableId} in the database.`);
    const snapshot = await db.snapshots.load(record.id).catch((error: unknown) => refuseSnapshot(error, record.id, log));
    if (record.tournamentId) {
      this.tournament = TournamentTableLink.open(record, snapshot?.state ?? null, {
        services, run: (request, command) => this.runInTurn(request, command), saveNow: () => this.money.saveSnapshotNow(), clients: () => this.clients,
      });
      this.table = this.tournament.table;
    } else {
      this.table = this.cash = await this.openCashTable(record, snapshot?.state ?? null);
    }
    const wire = new TableState();
    const settings = this.table.state.settings;
    Object.assign(wire, {
      tableId: record.id, tournamentId: record.tournamentId ?? '', name: record.name, variant: settings.variant,
      smallBlind: settings.stakes.smallBlind, bigBlind: settings.stakes.bigBlind, ante: settings.stakes.ante,
      minBuyIn: settings.minBuyIn, maxBuyIn: settings.maxBuyIn, maxSeats: settings.maxSeats,
    });
    this.setState(wire);
    // Players reach a tournament table from the tournament room (`seated`), not from the lobby's list of cash tables.
    if (this.tournament) await this.setPrivate(true);
    this.money = new TableMoney(record.id, this.table, services, (money, moved) => {
      if (!moved) this.wallets.doubt(money.playerId);
      else this.wallets.moved(money.playerId, money.kind === 'cashOut' ? money.amount : -money.amount);
    });
    this.registerMessages();
    const cash = this.cash;
    if (cash && optionsOf(settings).sharedWaitlist && record.templateId) {
      this.shared = new SharedWaitlist({
        presence: this.presence, table: () => cash, tableId: record.id, templateId: record.templateId, now: services.now,
        run: (request, command) => this.enqueue(null, request, command),
        clientsOf: (playerId) => this.clients.filter((client) => client.userData?.playerId === playerId),
      });
      await this.shared.open();
    }
    log.info({ tableId: record.id, restored: Boolean(snapshot), handNumber: this.table.state.handNumber }, 'table open');
    // A restored table resumes its clocks from now: time spent down is not charged to anyone.
    if (snapshot) this.resumeClocks();
    snapshots.mark(record.id, () => ({ version: this.table.state.version, state: this.table.state }));
    await this.money.settlePending((events) => this.refresh(events));
    await this.refresh([]);
  }

  private async openCashTable(record: TableRecord, snapshot: CashTableState | null): Promise<CashTable> {
    const template = await this.services.db.templates.get(record.templateId);
    if (!template) throw new Error(`Table ${record.id} has no template ${record.templateId}.`);
    return snapshot
      ? CashTable.restore(snapshot)
      : CashTable.create(record.id, record.name, { ...settingsFromTemplate(template), ...this.services.timings });
  }

  private resumeClocks(): void {
    const s = this.table.state;
    const now = this.services.now();
    if (s.actionDeadline > 0) {
      s.actionStartedAt = now;
      s.actionDeadline = now + s.settings.actionMs;
      s.usingTimeBank = false;
    }
    if (s.nextHandAt > 0) s.nextHandAt = now + s.settings.pauseMs;
    for (const info of s.info) if (info) {
      info.connected = false;
      info.disconnectedAt = now;
    }
    // A table handed over by a draining process was snapshotted with dealing paused: deal again here.
    this.table.resumeDealing(now);
  }

  override async onAuth(_client: Client, options: { token?: unknown }): Promise<Admission> {
    const { secret, db } = this.services;
    if (typeof options?.token !== 'string') throw new ServerError(401, 'Join with your token: joinById(tableId, { token }).');
    try {
      const claims = await verifyToken(options.token, secret);
      // Before the database: a flooder's rejoin in a loop costs a refusal, not a join.
      this.services.coolOff.refuseWhileCooling(claims.playerId, this.services.now());
      const ticket = this.wallets.ticket(claims.playerId);
      const [player, balance] = await Promise.all([db.players.findById(claims.playerId), db.ledger.balance('player', claims.playerId)]);
      if (!player) throw new ServerError(401, 'Unknown player.');
      if (player.bannedAt) throw new ServerError(403, 'This account is banned.');
      return { playerId: player.id, name: player.name, isAdmin: player.isAdmin, wallet: { balance, ticket } };
    } catch (error) {
      if (error instanceof ServerError) throw error;
      throw new ServerError(401, 'Your token is not valid; sign in again.');
    }
  }

  override onJoin(client: Client<{ userData: Player }>, _options: unknown, auth: Admission): void {
    const { wallet, ...player } = auth;
    client.userData = player;
    client.view = new StateView();
    this.viewsStale = true;
    this.wallets.learn(player.playerId, wallet.balance, wallet.ticket, this.services.now());
    this.tournament?.joined(client, player.playerId);
    // A watcher's arrival changes nothing at the table: no command, so no snapshot (a client that rejoins in a loop writes nothing).
    if (this.table.seatOf(player.playerId) < 0) return;
    this.enqueue(client, 'join', () => {
      this.table.setConnected(player.playerId, true, this.services.now());
      return [];
    });
  }

  override async onDrop(client: Client<{ userData: Player }>): Promise<void> {
    const player = client.userData;
    // A room that lost its table keeps no seat for anyone: held open for a reconnection, it would answer joins meant for the table's new host.
    if (!player || this.fenced || this.table.seatOf(player.playerId) < 0) return;
    this.enqueue(client, 'drop', () => {
      this.table.setConnected(player.playerId, false, this.services.now());
      return [];
    });
    await this.allowReconnection(client, Math.ceil(this.table.state.settings.reconnectMs / 1000));
  }

  override onReconnect(client: Client<{ userData: Player }>): void {
    const player = client.userData;
    if (!player) return;
    if (this.expelled.has(player.playerId)) {
      client.leave(CloseCode.CONSENTED);
      return;
    }
    this.viewsStale = true;
    this.enqueue(client, 'reconnect', () => {
      this.table.setConnected(player.playerId, true, this.services.now());
      return [];
    });
  }

  override onLeave(client: Client<{ userData: Player }>): void {
    // A seated player who leaves the room keeps the seat as disconnected; the table's clocks decide the rest.
    const player = client.userData;
    if (!player) return;
    if (this.clients.some((other) => other !== client && other.userData?.playerId === player.playerId)) return;
    if (this.shared) this.enqueue(null, 'sharedWaitlist', async () => (await this.shared?.left(player.playerId), []));
    if (this.table.seatOf(player.playerId) < 0) {
      this.wallets.forget(player.playerId);
      return;
    }
    this.enqueue(client, 'leaveRoom', () => {
      this.table.setConnected(player.playerId, false, this.services.now());
      return [];
    });
  }

  // Every patch, on the patch interval or sent early, tells the observer its actions have gone out.
  override broadcastPatch(): boolean {
    const sent = super.broadcastPatch();
    this.observer.patchSent();
    return sent;
  }

  override async onDispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.tournament?.stop();
    this.shared?.close();
    await this.queue;
    await this.services.snapshots.flush();
  }

  // ── messages ──────────────────────────────────────────────────────────

  /**
   * Each message is checked twice. When it arrives, against the table as it
   * stands (`check`): a request that is going to be refused (a seat taken,
   * not your turn, more chips than your wallet holds) is answered at once and
   * never queued, so a flood of them costs no database work and delays no one.
   * That is only safe while none of the sender's own messages waits in the
   * queue: what they asked before may make this one legal. Then in turn, in
   * the queue, since the state may have changed meanwhile.
   */
  private registerMessages(): void {
    type Handler<T> = (player: Player, message: T, receivedAt: number) => Promise<CashTableEvent[]> | CashTableEvent[];
    const on = <S extends z.ZodType>(type: string, schema: S, handler: Handler<z.infer<S>>, check?: (player: Player, message: z.infer<S>) => void): void => {
      this.onMessage(type, (client: Client<{ userData: Player }>, raw: unknown) => {
        const receivedAt = this.observer.messageReceived();
        const parsed = schema.safeParse(raw ?? undefined);
        if (!parsed.success) {
          client.send('error', { code: 'bad_message', message: describeIssue(parsed.error), request: type });
          return;
        }
        const player = client.userData as Player;
        if (check && !this.pending.has(player.playerId)) {
          try {
            check(player, parsed.data);
          } catch (error) {
            // Anything but a refusal is the queue's to report.
            if (isRefusal(error)) return void client.send('error', { code: error.code, message: error.message, request: type });
          }
        }
        this.enqueue(client, type, () => handler(player, parsed.data, receivedAt), player.playerId);
      });
    };
    const now = (): number => this.services.now();
    on('sit', SitMessage, async (player, message) => {
      this.table.verifySit(player.playerId, message.seat, message.buyIn);
      await this.requireFunds(player.playerId, message.buyIn);
      return this.money.buyIn(player, message.seat, message.buyIn);
    }, (player, message) => {
      this.table.verifySit(player.playerId, message.seat, message.buyIn);
      this.checkFunds(player.playerId, message.buyIn);
    });
    on('act', ActMessage, (player, message, receivedAt) => {
      const events = this.table.act(player.playerId, message as PlayerAction, now());
      this.observer.actApplied(message.action, receivedAt);
      return events;
    }, (player, message) => this.table.verifyAct(player.playerId, message as PlayerAction));
    on('draw', DrawMessage, (player, message, receivedAt) => {
      const events = this.table.act(player.playerId, drawAction(this.table, message), now());
      this.observer.actApplied('draw', receivedAt);
      return events;
    }, (player, message) => this.table.verifyAct(player.playerId, drawAction(this.table, message)));
    on('show', EmptyMessage, (player) => this.table.showdownChoice(player.playerId, 'show', now()));
    on('muck', EmptyMessage, (player) => this.table.showdownChoice(player.playerId, 'muck', now()));
    on('sitOut', EmptyMessage, (player) => {
      this.table.sitOut(player.playerId);
      return [];
    }, (player) => this.table.verifySitOut(player.playerId));
    on('sitIn', EmptyMessage, (player) => {
      this.table.sitIn(player.playerId, now());
      return [];
    }, (player) => this.table.verifySitIn(player.playerId));
    on('topUp', TopUpMessage, async (player, message) => {
      this.table.verifyTopUp(player.playerId, message.amount);
      await this.requireFunds(player.playerId, message.amount);
      return this.money.topUp(player, message.amount);
    }, (player, message) => {
      this.table.verifyTopUp(player.playerId, message.amount);
      this.checkFunds(player.playerId, message.amount);
    });
    on('leave', EmptyMessage, (player) => this.table.leave(player.playerId, now()));
    on('waitlist', WaitlistMessage, async (player, message) => {
      if (!message.anyTable) return this.table.waitlist(player.playerId, player.name, message.join, now());
      if (!this.shared) throw new Rejection('shared_waitlist_off', 'This table\'s template has no shared waiting list; join this table\'s own list.');
      await this.shared.request(player.playerId, player.name, message.join);
      return [];
    }, (player, message) => {
      if (!message.anyTable) this.table.verifyWaitlist(player.playerId, message.join);
    });
    const options = (): CashTable => this.cash ?? notATournamentOption();
    on('runItTwice', RunItTwiceMessage, (player, message) => options().runItTwice(player.playerId, message.agree, now()),
      (player) => options().verifyRunItTwice(player.playerId));
    on('straddle', StraddleMessage, (player, message) => options().straddle(player.playerId, message.on),
      (player) => options().verifyStraddle(player.playerId));
    on('bombPot', BombPotMessage, (player, message) => options().bombPotVote(player.playerId, message.vote),
      (player, message) => options().verifyBombPotVote(player.playerId, message.vote));
    this.onMessage('*', (client: Client<{ userData: Player }>, type: string | number) => {
      client.send('error', { code: 'unknown_message', message: `"${String(type)}" is not a message this table understands.`, request: String(type) });
    });
  }

  /** Refuses, with no database work, an amount the player's wallet does not hold as far as this room knows; unsure is the queue's to find out. */
  private checkFunds(playerId: string, amount: number): void {
    if (this.wallets.canPay(playerId, amount, this.services.now()) === FUNDS.short) throw insufficientFunds();
  }

  /** In the queue: refuses an amount the wallet does not hold, reading the balance first when the room's is unknown or old enough to read again. */
  private async requireFunds(playerId: string, amount: number): Promise<void> {
    const { db, now } = this.services;
    if (this.wallets.canPay(playerId, amount, now()) === FUNDS.unsure) {
      const ticket = this.wallets.ticket(playerId);
      this.wallets.learn(playerId, await db.ledger.balance('player', playerId), ticket, now());
    }
    this.checkFunds(playerId, amount);
  }

  // ── the loop ──────────────────────────────────────────────────────────

  /**
   * Runs a command after the ones before it; refusals go back to the sender
   * as `error`. A player's own commands are counted while they wait (`pending`).
   */
  private enqueue(client: Client | null, request: string, command: () => Promise<CashTableEvent[]> | CashTableEvent[], playerId?: string): void {
    if (playerId) this.pending.set(playerId, (this.pending.get(playerId) ?? 0) + 1);
    this.queue = this.queue.then(async () => {
      try {
        if (this.fenced) return;
        const events = await command();
        await this.refresh(events);
      } catch (error) {
        if (isRefusal(error)) {
          client?.send('error', { code: error.code, message: error.message, request });
          return;
        }
        if (error instanceof PersistenceError && error.code === 'lease_lost') {
          this.services.leaseLost(this.roomId);
          return;
        }
        this.services.log.error({ err: error, tableId: this.roomId, request }, 'table command failed');
        client?.send('error', { code: 'server_error', message: 'Something went wrong on the server; the table is unchanged.', request });
      } finally {
        if (playerId) {
          const left = (this.pending.get(playerId) ?? 1) - 1;
          if (left > 0) this.pending.set(playerId, left);
          else this.pending.delete(playerId);
        }
      }
    });
  }

  /** After every command: settle money and records, redraw the wire state, reset the clock, mark a snapshot. */
  private async refresh(events: CashTableEvent[]): Promise<void> {
    const { db, snapshots, processId } = this.services;
    const ended = events.find((event) => event.type === 'handComplete');
    if (ended && !events.some((event) => event.type === 'cashOut' || event.type === 'moveMoney')) {
      // No chip leaves the table with this hand, so its players may see it end
      // while it is being written rather than after: the next command still waits
      // for the write. A hand that stands someone up is shown only once their
      // money is back in their wallet.
      this.finished = { hand: ended.hand, seats: ended.seats };
      this.project();
      this.patchSoon();
    }
    for (const event of events) {
      if (event.type === 'handComplete') {
        this.finished = { hand: event.hand, seats: event.seats };
        const version = this.table.state.version;
        await db.completion.complete({
          hand: {
            id: randomUUID(), tableId: this.roomId, handNumber: event.handNumber, variant: event.hand.config.variant,
            startedAt: new Date(event.startedAt), endedAt: new Date(event.endedAt), playerIds: event.playerIds,
            state: event.hand, rake: event.rake,
          },
          snapshot: { tableId: this.roomId, version, state: this.table.state },
          owner: processId,
        });
        // The hand's snapshot is durable: the mark below writes the table again only if it changes after.
        snapshots.durable(this.roomId, version);
        this.observer.handCompleted(event.hand.config.variant);
      } else if (event.type === 'cashOut' || event.type === 'moveMoney') {
        const key = event.type === 'cashOut' ? event.key : event.money.key;
        const money = this.table.state.pendingMoney.find((m) => m.key === key);
        if (money) events.push(...(await this.money.move(money)));
      } else if (event.type === 'handStarted') {
        this.finished = null;
      } else if (event.type === 'seatOffered') {
        for (const client of this.clients) if (client.userData?.playerId === event.playerId) client.send('seatOffered', { tableId: this.roomId, seat: event.seat, expiresAt: event.expiresAt });
      }
    }
    this.project();
    this.patchSoon();
    snapshots.mark(this.roomId, () => ({ version: this.table.state.version, state: this.table.state }));
    this.schedule();
    this.tournament?.refreshed(this.state);
    this.shared?.afterCommand(events);
    await this.updateListing();
    if (this.table.isClosed()) await this.finishClosing();
    if (!this.table.state.hand) for (const resolve of this.handOverWaiters.splice(0)) resolve();
  }

  /** Redraws the wire state from the table, and gives each seated client the view of its own seat. */
  private project(): void {
    const { added, removed } = projectTable(this.state, this.table, this.finished);
    for (const seat of removed) this.views.delete(seat.playerId);
    for (const seat of added) this.views.set(seat.playerId, seat);
    if (this.viewsStale || added.length > 0) {
      this.viewsStale = false;
      for (const client of this.clients) {
        const seat = client.userData ? this.views.get(client.userData.playerId) : undefined;
        if (seat && client.view && !client.view.has(seat)) client.view.add(seat);
      }
    }
    this.observer.stateProjected();
  }

  /**
   * Sends the changes once this turn of the event loop is over instead of on
   * the next patch tick, up to 50 ms later: an action's result and a new deal
   * reach the players at once, and the commands that arrived together share
   * one patch, so each client costs one socket write for all of them.
   */
  private patchSoon(): void {
    if (this.patchPending) return;
    this.patchPending = true;
    setImmediate(() => {
      this.patchPending = false;
      this.broadcastPatch();
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = this.table.nextDeadline();
    if (deadline <= 0) return;
    const delay = Math.max(0, deadline - this.services.now());
    this.timer = setTimeout(() => this.enqueue(null, 'tick', () => this.table.tick(this.services.now())), delay);
  }

  private async updateListing(): Promise<void> {
    const listing = listingOf(this.table, this.tournament?.tournamentId);
    if (listingChanged(this.metadata as TableListing | undefined, listing)) await this.setMetadata(listing);
  }

  /**
   * Gets the table ready to move to another process: no new hand is dealt and
   * the one in play may finish, for at most `ms`. True when no hand is left;
   * otherwise the snapshot carries the live hand and the next owner resumes it.
   */
  async drain(ms: number): Promise<boolean> {
    await this.runInTurn('drain', () => {
      this.table.pauseDealing();
      return [];
    });
    if (this.table.state.hand && ms > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.handOverWaiters.push(resolve)),
        new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); }),
      ]);
      clearTimeout(timer);
    }
    await this.queue;
    return !this.table.state.hand;
  }

  // ── admin: called through matchMaker.remoteRoomCall, from any process; answers are plain JSON ──

  /** What an admin may see: public state only, never a live hand's hidden cards or the deck. */
  async publicView(): Promise<PublicTableView> {
    await this.queue;
    return publicTableView(this.table.state);
  }

  /**
   * Closes the table gracefully: no new hands, the current one finishes, then
   * everyone stands up with their chips and the room goes (`finishClosing`).
   * False when it was closing already.
   */
  async closeGracefully(): Promise<boolean> {
    let started = false;
    await this.runInTurn('close', () => {
      if (this.table.state.closing) return [];
      started = true;
      this.services.log.info({ tableId: this.roomId }, 'table closing');
      return this.table.close(this.services.now());
    });
    return started;
  }

  /**
   * A ban: the player leaves the waiting list, stands up after the hand they
   * are playing (chips back to the wallet), and their clients are sent away.
   */
  async expel(playerId: string): Promise<ExpelResult> {
    const s = this.table.state;
    let seated = false;
    let waiting = false;
    this.expelled.add(playerId);
    await this.runInTurn('expel', () => {
      seated = this.table.seatOf(playerId) >= 0;
      waiting = s.waiting.some((w) => w.playerId === playerId);
      return seated || waiting ? this.table.expel(playerId, this.services.now()) : [];
    });
    let disconnected = 0;
    for (const client of [...this.clients]) {
      if (client.userData?.playerId !== playerId) continue;
      // A consented close: no reconnection window, so the player cannot slip back in without onAuth.
      client.leave(CloseCode.CONSENTED);
      disconnected++;
    }
    return { seated, waiting, disconnected };
  }

  /** Runs an admin command in turn with the players' commands; its own failure is thrown to the caller. */
  private async runInTurn(request: string, command: () => Promise<CashTableEvent[]> | CashTableEvent[]): Promise<void> {
    let failure: unknown = null;
    this.enqueue(null, request, async () => {
      try {
        return await command();
      } catch (error) {
        failure = error;
        throw error;
      }
    });
    await this.queue;
    if (failure) throw failure;
  }

  // ── the tournament's calls (TournamentTableHost, rooms/tournament-table.ts), through matchMaker.remoteRoomCall ──

  seatPlayers(seats: SeatInstruction[]): Promise<HostAnswer<{ seated: string[] }>> {
    return this.tournament?.seatPlayers(seats) ?? notATournamentTable(this.roomId);
  }

  deal(order: DealOrder): Promise<HostAnswer<{ accepted: boolean }>> {
    return this.tournament?.deal(order) ?? notATournamentTable(this.roomId);
  }

  releasePlayer(moveId: string, playerId: string): Promise<HostAnswer<{ stack: number }>> {
    return this.tournament?.releasePlayer(moveId, playerId) ?? notATournamentTable(this.roomId);
  }

  addChips(key: string, playerId: string, amount: number): Promise<HostAnswer<{ stack: number }>> {
    return this.tournament?.addChips(key, playerId, amount) ?? notATournamentTable(this.roomId);
  }

  tellMoved(playerId: string, tableId: string, seat: number): Promise<HostAnswer<{ told: boolean }>> {
    return this.tournament?.tellMoved(playerId, tableId, seat) ?? notATournamentTable(this.roomId);
  }

  closeTable(): Promise<HostAnswer<{ closed: boolean }>> {
    return this.tournament?.closeTable() ?? notATournamentTable(this.roomId);
  }

  /** Lists the room again, unless another process lists its table now (the driver checks): a peer swept the listing while this process stalled. */
  async relist(): Promise<void> {
    await this.setMatchmaking({ metadata: this.metadata });
  }

  /**
   * Stops at once because another process runs the table now (see
   * `TableOwnership.lost`): nothing more runs or is written here, the clients
   * are sent away to rejoin by table id, and the room disposes.
   */
  async abandon(): Promise<void> {
    this.fenced = true;
    if (this.timer) clearTimeout(this.timer);
    this.tournament?.stop();
    this.services.snapshots.forget(this.roomId);
    for (const resolve of this.handOverWaiters.splice(0)) resolve();
    this.dropReservedSeats();
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  /**
   * Forgets the seats reserved here and not taken yet. Colyseus keeps a room
   * until its reservations expire (15 s), and while it is kept this process
   * routes every join of the table id to it, not to the table's new host,
   * which answers "full". Joins that reached this process while it stalled
   * reserve such seats as soon as it wakes, before it learns the table is gone.
   * Colyseus has no call for this: the two fields are its own.
   */
  private dropReservedSeats(): void {
    // Optional: should a Colyseus release rename them, the room still stops (the stall test then waits too long).
    const seats = this as unknown as { _reservedSeats?: Record<string, unknown>; _reservedSeatTimeouts?: Record<string, NodeJS.Timeout | undefined> };
    const timeouts = seats._reservedSeatTimeouts ?? {};
    for (const [sessionId, timeout] of Object.entries(timeouts)) {
      clearTimeout(timeout);
      delete timeouts[sessionId];
    }
    const reserved = seats._reservedSeats ?? {};
    for (const sessionId of Object.keys(reserved)) delete reserved[sessionId];
  }

  /** The last step of a close, once every player is paid out: the row says closed, the lease goes, the room disposes. */
  private async finishClosing(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const { db, processId, log } = this.services;
    await this.money.saveSnapshotNow();
    await db.tables.setStatus(this.roomId, 'closed');
    await db.tables.release(this.roomId, processId);
    log.info({ tableId: this.roomId }, 'table closed');
    this.disposeSoon();
  }

  // Not from inside the command queue (onDispose waits for it), and not during onCreate (a restored, emptied table).
  private disposeSoon(): void {
    // A plain timer: the room clock only ticks with patches, up to a second apart (`BACKSTOP_PATCH_MS`).
    setTimeout(() => {
      try {
        void this.disconnect();
      } catch {
        this.disposeSoon();
      }
    }, 0);
  }
}
