import type { Client, Room } from '@colyseus/sdk';
import { standardBuyIn, type Lobby, type TableListing } from './lobby.ts';
import type { Scheduler } from './scheduler.ts';
import type { LoadStats } from './stats.ts';
import { canMove, chooseMove } from './game-moves.ts';

/** What every bot of a process shares: one SDK client, the lobby, one clock and the counters. */
export type BotContext = {
  client: Client;
  /** `http://host:port` of the server, for sign-in. */
  httpUrl: string;
  lobby: Lobby;
  scheduler: Scheduler;
  stats: LoadStats;
  /** Mean think time before each action; 0 acts at once. */
  thinkMs: number;
  random: () => number;
};

/** Refusals that mean "someone else got there first": try another table. */
const SEAT_RACES = new Set(['table_full', 'seat_taken', 'waitlist_first']);
const SIT_ATTEMPTS = 5;
const SIT_TIMEOUT_MS = 15_000;
/** An action with no patch showing it after this long is counted lost, and the bot plays on. */
const LOST_ACTION_MS = 10_000;

/**
 * One simulated player: signs in as a guest, takes a seat the lobby offers,
 * and plays every turn with a legal action after its think time. It measures
 * action-to-patch latency: from sending `act` to the first patch that shows
 * the action applied (the turn moved on, or a new hand began). Busted, it
 * tops up and sits in again; stood up, it sits down again.
 */
export class Bot {
  readonly name: string;
  playerId = '';
  private readonly ctx: BotContext;
  private token = '';
  private room: Room | null = null;
  private table: TableListing | null = null;
  private seat = -1;
  private seatKey = '';
  private pending: { sentAt: number; hand: number; phase: string } | null = null;
  private thinking = false;
  private recovering = false;
  private resitting = false;
  private stopped = false;
  private sitWaiter: ((code: string | null) => void) | null = null;

  constructor(name: string, ctx: BotContext) {
    this.name = name;
    this.ctx = ctx;
  }

  get tableId(): string | null {
    return this.seat >= 0 ? (this.table?.tableId ?? null) : null;
  }

  /** How long the action it sent has waited for its patch, ms; null when none is waiting. */
  waitingMs(now = performance.now()): number | null {
    return this.pending ? now - this.pending.sentAt : null;
  }

  /** Signs in and takes a seat; false when no table had room for it. */
  async start(): Promise<boolean> {
    await this.signIn();
    const tried = new Set<string>();
    for (let attempt = 0; attempt < SIT_ATTEMPTS && !this.stopped; attempt++) {
      const table = this.ctx.lobby.claim(tried);
      if (!table) return false;
      tried.add(table.tableId);
      if (await this.trySit(table)) return true;
      this.ctx.lobby.release(table.tableId);
    }
    return false;
  }

  /** Leaves the table room (the seat stays, disconnected, as for any player who closes the tab). */
  async stop(): Promise<void> {
    this.stopped = true;
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => undefined);
  }

  private async signIn(): Promise<void> {
    const response = await fetch(`${this.ctx.httpUrl}/api/auth/guest`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: this.name }),
    });
    if (!response.ok) throw new Error(`guest sign-in answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { token: string; user: { id: string } };
    this.token = body.token;
    this.playerId = body.user.id;
  }

  private buyIn(table: TableListing): number {
    return standardBuyIn(table);
  }

  private async trySit(table: TableListing): Promise<boolean> {
    const room = await this.ctx.client.joinById(table.tableId, { token: this.token });
    this.room = room;
    this.table = table;
    room.onMessage('error', this.onError);
    // Bots never join a waiting list, so offers are not for them; a handler keeps the SDK from warning.
    room.onMessage('seatOffered', () => undefined);
    const code = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => finish('timeout'), SIT_TIMEOUT_MS);
      const finish = (result: string | null): void => {
        clearTimeout(timer);
        this.sitWaiter = null;
        resolve(result);
      };
      this.sitWaiter = finish;
      room.onStateChange(this.onState);
      room.send('sit', { buyIn: this.buyIn(table) });
    });
    if (code === null) return true;
    if (SEAT_RACES.has(code)) this.ctx.stats.seatRetries++;
    else this.ctx.stats.error(`sit:${code}`);
    this.room = null;
    this.table = null;
    await room.leave(true).catch(() => undefined);
    return false;
  }

  private readonly onError = (message: { code?: string; request?: string }): void => {
    const code = message?.code ?? 'unknown';
    if (message?.request === 'sit' && this.sitWaiter) {
      this.sitWaiter(code);
      return;
    }
    this.ctx.stats.error(`${message?.request ?? 'message'}:${code}`);
    if (message?.request === 'act') {
      this.pending = null;
      this.thinking = false;
    }
    if (message?.request === 'sit') this.resitting = false;
  };

  private readonly onState = (state: any): void => {
    if (this.stopped || !this.table) return;
    let seat = this.seatKey ? state.seats.get(this.seatKey) : undefined;
    if (!seat || seat.playerId !== this.playerId) {
      seat = this.findSeat(state);
      if (!seat) {
        this.lostSeat();
        return;
      }
    }
    this.resitting = false;
    const stats = this.ctx.stats;
    stats.sawHand(this.table.tableId, state.handNumber);
    if (this.pending) {
      // Applied: the turn moved on, or the street or hand ended (the same seat may open the next one).
      const { hand, phase, sentAt } = this.pending;
      const elapsed = performance.now() - sentAt;
      if (state.toAct !== this.seat || state.handNumber !== hand || state.phase !== phase) {
        stats.actionApplied(elapsed, this.table.tableId);
        this.pending = null;
      } else if (elapsed > LOST_ACTION_MS) {
        stats.error('act:no_patch');
        this.pending = null;
      }
    }
    if (!this.pending && !this.thinking && state.toAct === this.seat && canMove(seat.legal)) {
      this.thinking = true;
      const think = this.ctx.thinkMs > 0 ? this.ctx.thinkMs * (0.5 + this.ctx.random()) : 0;
      this.ctx.scheduler.after(think, this.act);
    }
    if (seat.status === 'sittingOut') this.rebuy(seat);
    else this.recovering = false;
  };

  private findSeat(state: any): any {
    for (const [key, seat] of state.seats) {
      if (seat.playerId !== this.playerId) continue;
      this.seatKey = key;
      this.seat = seat.seat;
      this.sitWaiter?.(null);
      return seat;
    }
    return undefined;
  }

  private readonly act = (): void => {
    this.thinking = false;
    const room = this.room;
    if (this.stopped || !room) return;
    const state: any = room.state;
    const seat = state.seats.get(this.seatKey);
    if (state.toAct !== this.seat || !canMove(seat?.legal)) return;
    this.pending = { sentAt: performance.now(), hand: state.handNumber, phase: state.phase };
    const move = chooseMove(seat.legal, [...(seat.cards ?? [])], state.variant, state.phase, this.ctx.random);
    room.send(move.type, move.message);
  };

  /** Busted (sat out with no chips) or sat out by the clock: top up if needed, then sit in. */
  private rebuy(seat: any): void {
    if (this.recovering || !this.room || !this.table) return;
    this.recovering = true;
    this.ctx.stats.rebuys++;
    if (seat.stack === 0) this.room.send('topUp', { amount: this.buyIn(this.table) });
    this.room.send('sitIn', {});
  }

  /** Our seat is gone (stood up by the table's clocks): sit down again. */
  private lostSeat(): void {
    if (this.sitWaiter || this.resitting || this.seat < 0 || !this.room || !this.table) return;
    this.resitting = true;
    this.seat = -1;
    this.seatKey = '';
    this.pending = null;
    this.ctx.stats.rebuys++;
    this.room.send('sit', { buyIn: this.buyIn(this.table) });
  }
}
