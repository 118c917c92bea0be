import type { Client, Room } from '@colyseus/sdk';
import { registerFor, signInGuest } from './admin-api.ts';
import type { Scheduler } from './scheduler.ts';
import { canMove, chooseMove } from './game-moves.ts';
import type { LegalView } from './strategy.ts';

/** What every tournament bot of a run shares. */
export type TournamentBotContext = {
  client: Client;
  url: string;
  scheduler: Scheduler;
  stats: TournamentStats;
  thinkMs: number;
  random: () => number;
};

/** What the bots saw of the tournament, counted as it ran. */
export class TournamentStats {
  readonly hands = new Set<string>();
  readonly tables = new Set<string>();
  /** Hands dealt while the tournament room said hand-for-hand (`TournamentState.handForHandRound` above 0). */
  readonly handForHandHands = new Set<string>();
  handForHand = false;
  /** Every table phase seen (`preflop`, stud's `third`, a draw game's `draw1` …): which game was dealt. */
  readonly phases = new Set<string>();
  /** The largest bring-in a table showed (0 for games with blinds). */
  bringIn = 0;
  moves = 0;
  /** Rooms joined again after their connection dropped (a killed process). */
  rejoins = 0;
  actions = 0;
  eliminated = 0;
  finished = 0;
  readonly errors = new Map<string, number>();

  error(key: string): void {
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  sawHand(tableId: string, handNumber: number): void {
    if (handNumber <= 0) return;
    const key = `${tableId}#${handNumber}`;
    this.hands.add(key);
    if (this.handForHand) this.handForHandHands.add(key);
  }
}

/**
 * One entrant: signs in as a guest, registers, watches the tournament room
 * and goes to the table its `seated` (and the old table's `moved`) names,
 * where it plays every turn from `Seat.legal` after its think time. It never
 * sits, tops up or leaves: the tournament seats it.
 */
export class TournamentBot {
  readonly name: string;
  playerId = '';
  token = '';
  place: number | null = null;
  prize = 0;
  private readonly ctx: TournamentBotContext;
  private lobbyRoom: Room | null = null;
  private tournamentId = '';
  /** The tournament finished: no room is joined again. */
  private done = false;
  private table: Room | null = null;
  private tableId = '';
  private joining: Promise<void> = Promise.resolve();
  private thinking = false;
  /** The decision last answered (`decisionKey`): the same one is not answered twice while its patch is on the way. */
  private answered = '';
  private stopped = false;
  private finishedWaiter: (() => void) | null = null;
  readonly finished: Promise<void>;

  constructor(name: string, ctx: TournamentBotContext) {
    this.name = name;
    this.ctx = ctx;
    this.finished = new Promise((resolve) => { this.finishedWaiter = resolve; });
  }

  async signIn(): Promise<void> {
    const guest = await signInGuest(this.ctx.url, this.name);
    this.token = guest.token;
    this.playerId = guest.id;
  }

  async register(tournamentId: string): Promise<void> {
    await registerFor(this.ctx.url, this.token, tournamentId);
  }

  /** Joins the tournament room; from then on `seated` and `moved` take it to its table. */
  async follow(tournamentId: string): Promise<void> {
    this.tournamentId = tournamentId;
    const room = await this.ctx.client.joinById(tournamentId, { token: this.token });
    this.watch(room);
  }

  private watch(room: Room): void {
    this.lobbyRoom = room;
    // The SDK's own reconnection goes back to the same process; after a kill -9 the room lives on another, so the bot joins it again by id.
    room.reconnection.enabled = false;
    room.onLeave(() => {
      if (this.lobbyRoom !== room || this.stopped || this.done) return;
      this.lobbyRoom = null;
      this.ctx.stats.rejoins++;
      void this.rejoin(this.tournamentId, () => !this.stopped && !this.done).then((again) => { if (again) this.watch(again); });
    });
    room.onMessage('seated', (message: { tableId: string }) => this.goTo(message.tableId));
    room.onMessage('eliminated', (message: { place: number; prize: number }) => {
      this.place = message.place;
      this.prize = message.prize;
      this.ctx.stats.eliminated++;
    });
    room.onMessage('finished', (message: { standings?: { playerId: string; place: number | null; prize: number | null }[] }) => {
      const mine = message.standings?.find((line) => line.playerId === this.playerId);
      if (mine?.place) this.place = mine.place;
      if (mine?.prize) this.prize = mine.prize;
      this.ctx.stats.finished++;
      this.done = true;
      this.finishedWaiter?.();
    });
    room.onMessage('error', (message: { code?: string }) => this.ctx.stats.error(`tournament:${message?.code ?? 'unknown'}`));
    room.onStateChange((state: any) => { this.ctx.stats.handForHand = (state?.handForHandRound ?? 0) > 0; });
    room.onMessage('*', () => undefined);
  }

  /** Joins room `roomId` again, retrying until it is back (its process restored it) or `wanted` says to give up. */
  private async rejoin(roomId: string, wanted: () => boolean): Promise<Room | null> {
    for (let attempt = 0; wanted(); attempt++) {
      try {
        return await this.ctx.client.joinById(roomId, { token: this.token });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * (attempt + 1))));
      }
    }
    return null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const rooms = [this.table, this.lobbyRoom];
    this.table = null;
    this.lobbyRoom = null;
    await Promise.all(rooms.map((room) => room && leaveSoon(room)));
  }

  private goTo(tableId: string): void {
    if (this.stopped || tableId === this.tableId) return;
    this.joining = this.joining.then(() => this.join(tableId)).catch((error) => this.ctx.stats.error(`join:${(error as Error).message.slice(0, 60)}`));
  }

  private async join(tableId: string): Promise<void> {
    if (this.stopped || tableId === this.tableId) return;
    const old = this.table;
    if (this.tableId !== '') this.ctx.stats.moves++;
    this.table = null;
    this.tableId = tableId;
    if (old) await leaveSoon(old);
    const room = await this.ctx.client.joinById(tableId, { token: this.token });
    if (this.stopped || this.tableId !== tableId) {
      await leaveSoon(room);
      return;
    }
    this.seatAt(tableId, room);
  }

  /** Plays at `room`; when the connection drops without a move (its process died), joins the same table again, wherever it was restored. */
  private seatAt(tableId: string, room: Room): void {
    this.table = room;
    this.ctx.stats.tables.add(tableId);
    room.reconnection.enabled = false;
    room.onLeave(() => {
      if (this.table !== room || this.stopped || this.done) return;
      this.table = null;
      this.ctx.stats.rejoins++;
      const still = () => !this.stopped && !this.done && this.place === null && this.tableId === tableId;
      void this.rejoin(tableId, still).then((again) => {
        if (!again) return;
        if (!still()) return void leaveSoon(again);
        this.answered = '';
        this.seatAt(tableId, again);
      });
    });
    room.onMessage('moved', (message: { tableId: string }) => this.goTo(message.tableId));
    room.onMessage('error', (message: { code?: string; request?: string }) => {
      this.ctx.stats.error(`${message?.request ?? 'message'}:${message?.code ?? 'unknown'}`);
      // Refused or dropped: decide again shortly, on the state as it is then.
      this.answered = '';
      this.ctx.scheduler.after(250, () => { if (this.table === room) this.onTableState(tableId, room.state); });
    });
    room.onMessage('*', () => undefined);
    room.onStateChange((state: any) => this.onTableState(tableId, state));
  }

  private onTableState(tableId: string, state: any): void {
    if (this.stopped || tableId !== this.tableId) return;
    this.ctx.stats.sawHand(tableId, state.handNumber);
    if (typeof state.phase === 'string') this.ctx.stats.phases.add(state.phase);
    if ((state.bringIn ?? 0) > this.ctx.stats.bringIn) this.ctx.stats.bringIn = state.bringIn;
    const seat = this.mySeat(state);
    if (!seat || state.toAct !== seat.seat || this.thinking || this.answered === decisionKey(state, seat)) return;
    const legal = seat.legal as LegalView | undefined;
    if (!canMove(legal)) return;
    this.thinking = true;
    const think = this.ctx.thinkMs > 0 ? this.ctx.thinkMs * (0.5 + this.ctx.random()) : 0;
    this.ctx.scheduler.after(think, () => this.act(tableId));
  }

  private act(tableId: string): void {
    this.thinking = false;
    const room = this.table;
    if (this.stopped || !room || tableId !== this.tableId) return;
    const state: any = room.state;
    const seat = this.mySeat(state);
    if (!seat || state.toAct !== seat.seat) return;
    const legal = seat.legal as LegalView | undefined;
    if (!legal) return;
    this.answered = decisionKey(state, seat);
    this.ctx.stats.actions++;
    // The game's own move (`game-moves.ts`): on a draw game's first street, as preflop, the blinds are the bet to raise.
    const move = chooseMove(legal, [...(seat.cards ?? [])], state.variant ?? '', state.phase ?? '', this.ctx.random);
    room.send(move.type, move.message);
  }

  private mySeat(state: any): any {
    if (!state?.seats) return undefined;
    for (const [, seat] of state.seats) if (seat.playerId === this.playerId) return seat;
    return undefined;
  }
}

/**
 * What tells one decision from the next for the player to act: the hand,
 * the street, every bet on it, and their own stack and last action. An
 * action applied changes one of them, even when patches coalesce and the
 * turn comes straight back (a check, then a bet behind it).
 */
function decisionKey(state: any, seat: any): string {
  let bets = 0;
  for (const [, other] of state.seats) bets += other.bet ?? 0;
  return `${state.handNumber}|${state.phase}|${bets}|${seat.stack}|${seat.lastAction}|${(seat.drew ?? []).length}`;
}

/** Leaves a room, waiting at most a second: a room the server has closed (a broken table) may never answer. */
async function leaveSoon(room: Room): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    room.leave(true).catch(() => undefined),
    new Promise<void>((resolve) => { timer = setTimeout(resolve, 1000); }),
  ]);
  clearTimeout(timer);
}
