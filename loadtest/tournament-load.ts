import { Client, type Room } from '@colyseus/sdk';
import { adminToken, createTournament, startTournament, tournamentDetail, walletBalance, type AdminCredentials } from './admin-api.ts';
import { Scheduler } from './scheduler.ts';
import { spawnServer } from './server-process.ts';
import { TournamentBot, TournamentStats } from './tournament-bot.ts';

export type TournamentKindAsked = 'sng' | 'mtt';

export type TournamentLoadOptions = {
  kind: TournamentKindAsked;
  entrants: number;
  thinkMs: number;
  /** Seconds per blind level. */
  levelSeconds: number;
  tableSize: number;
  /** The game, a PHH code (default NT); stud and draw tournaments play the same levels (`levelStakes`). */
  variant?: string;
  /** Chips each entrant starts with (default 1500); fewer make a shorter tournament. */
  startingStack?: number;
  /** The server to load; ignored with `spawn`. */
  url: string;
  spawn: boolean;
  pauseMs?: number;
  databaseUrl?: string;
  /** Without `spawn`: an admin of the server at `url`, to create and start the tournament. */
  admin?: AdminCredentials;
  /** Gives up after this long, reporting what was seen. */
  timeoutS: number;
  log?: (line: string) => void;
  /**
   * Runs beside the play once the tournament has started (a test kills
   * processes here); `useServer` sends the bots' joins and the checks' HTTP
   * calls to another process of the cluster from then on.
   */
  during?: (play: { tournamentId: string; useServer(url: string): void }) => Promise<void>;
};

export type TournamentLoadReport = {
  kind: TournamentKindAsked;
  variant: string;
  tournamentId: string;
  entrants: number;
  status: string;
  /** From the start (the last registration) to the `finished` message, seconds. */
  durationS: number;
  setupS: number;
  hands: number;
  moves: number;
  tablesOpened: number;
  /** Tables broken: every table but the one the winner finished at. */
  tableBreaks: number;
  handForHandHands: number;
  /** The table phases the bots saw, in order of first sight. */
  phases: string[];
  /** The largest bring-in a table showed (stud), else 0. */
  bringIn: number;
  actions: number;
  /** Rooms the bots joined again after a connection dropped (a process killed). */
  rejoins: number;
  /**
   * The largest difference in players between open tables in the tournament
   * room's `tables` (the decided seating: a player being moved already counts
   * at their new table) right after each balancing change (moves or a break,
   * with nobody knocked out in the same change), over `spreadSamples` of them.
   */
  largestSpread: number;
  spreadSamples: number;
  /** The same at every change, also between a knock-out and the hand end of the table that must give a player (nobody moves mid-hand). */
  largestSpreadAnyTime: number;
  errors: Record<string, number>;
  /** The checks that the money and the chips came out right. */
  balance: BalanceCheck;
};

export type BalanceCheck = {
  prizePool: number;
  prizesPaid: number;
  /** Every entrant has a place and they cover 1…N once each, a tie of k (equal stacks out in one hand) taking its best place k times. */
  placesDistinct: boolean;
  /** When not: the places repeated or missing, and the players left without one. */
  placeProblems: string[];
  /** Each bot's wallet moved by exactly its prize − buy-in − fee. */
  walletsBalance: boolean;
  /** When not: the bots whose wallet moved otherwise. */
  walletsOff: string[];
  /** Samples of the live standings while running: how many, and how many summed to entrants × starting stack. */
  chipSamples: number;
  chipSamplesEqual: number;
  chipsExpected: number;
  ok: boolean;
};

const BUY_IN = 100;
const FEE = 10;
const STARTING_STACK = 1500;

/** Blind levels that rise by about half each time: enough levels that nobody runs out of structure. */
export function levelsFor(seconds: number, count = 30): { smallBlind: number; bigBlind: number; ante: number; seconds: number }[] {
  const levels = [];
  let bigBlind = 20;
  for (let i = 0; i < count; i++) {
    const smallBlind = Math.max(1, Math.floor(bigBlind / 2));
    levels.push({ smallBlind, bigBlind, ante: i >= 3 ? Math.floor(bigBlind / 8) : 0, seconds });
    bigBlind = Math.ceil((bigBlind * 1.5) / 10) * 10;
  }
  return levels;
}

/**
 * One tournament played by bots: an admin creates it (an SNG of exactly
 * `entrants`, or an MTT started by the admin once all have registered),
 * the bots register and follow the tournament room to their tables, and the
 * run ends at `finished`. Then the money and the chips are checked.
 */
export async function runTournamentLoad(options: TournamentLoadOptions): Promise<TournamentLoadReport> {
  const log = options.log ?? (() => undefined);
  const variant = options.variant ?? 'NT';
  const startingStack = options.startingStack ?? STARTING_STACK;
  const setupStart = performance.now();
  const server = options.spawn ? await spawnServer({ tables: 0, pauseMs: options.pauseMs, cpus: null, databaseUrl: options.databaseUrl, admin: true }) : null;
  let url = server?.url ?? options.url;
  const admin = server?.admin ?? options.admin;
  if (!admin) throw new Error('creating a tournament needs an admin: set FELT_ADMIN_USERNAME and FELT_ADMIN_PASSWORD, or use --spawn');
  const stats = new TournamentStats();
  const scheduler = new Scheduler();
  const client = new Client(url);
  const bots: TournamentBot[] = [];
  try {
    const token = await adminToken(url, admin);
    const created = await createTournament(url, token, {
      name: `Load test ${variant} ${options.kind} ${options.entrants}`,
      kind: options.kind,
      variant,
      buyIn: BUY_IN,
      fee: FEE,
      startingStack,
      tableSize: options.tableSize,
      minEntrants: 2,
      maxEntrants: options.entrants,
      ...(options.kind === 'mtt' ? { startsAt: Date.now() + 24 * 3600_000 } : {}),
      levels: levelsFor(options.levelSeconds),
    });
    const tournamentId = created.tournamentId;
    log(`tournament ${tournamentId}: registering ${options.entrants} bots`);
    const ctx = { client, url, scheduler, stats, thinkMs: options.thinkMs, random: Math.random };
    const useServer = (next: string): void => {
      url = next;
      ctx.url = next;
      ctx.client = new Client(next);
      sampler?.useServer(next);
    };
    let sampler: ChipSampler | null = null;
    for (let i = 0; i < options.entrants; i++) bots.push(new TournamentBot(`tbot${i + 1}`, ctx));
    await inBatches(bots, 50, (bot) => bot.signIn());
    const before = new Map<string, number>();
    await inBatches(bots, 50, async (bot) => { before.set(bot.playerId, await walletBalance(url, bot.token)); });
    // Watching first, so no `seated` is missed when the last registration starts an SNG.
    await inBatches(bots, 50, (bot) => bot.follow(tournamentId));
    await inBatches(bots, 20, (bot) => bot.register(tournamentId));
    if (options.kind === 'mtt') await startTournament(url, token, tournamentId);
    const startedAt = performance.now();
    const setupS = round1((startedAt - setupStart) / 1000);
    log(`started after ${setupS} s of setup; playing`);
    sampler = new ChipSampler(url, tournamentId, options.entrants * startingStack);
    const spread = new SpreadWatcher(() => ctx.client, tournamentId);
    await spread.start();
    const during = options.during?.({ tournamentId, useServer }).catch((error: Error) => {
      log(`during the play: ${error.message}`);
      throw error;
    });
    const finished = await Promise.race([
      Promise.all([...bots.map((bot) => bot.finished), during]).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), options.timeoutS * 1000).unref()),
    ]);
    const durationS = round1((performance.now() - startedAt) / 1000);
    await sampler.stop();
    await spread.stop();
    log(finished ? `finished in ${durationS} s; checking the money` : `no finish within ${options.timeoutS} s`);
    const detail = await tournamentDetail(url, tournamentId);
    const balance = await checkBalance(url, bots, before, detail, options.entrants, startingStack, sampler);
    return {
      kind: options.kind, variant, tournamentId, entrants: options.entrants, status: detail.status, durationS, setupS,
      hands: stats.hands.size, moves: stats.moves, tablesOpened: stats.tables.size,
      tableBreaks: Math.max(0, stats.tables.size - 1), handForHandHands: stats.handForHandHands.size,
      phases: [...stats.phases], bringIn: stats.bringIn,
      actions: stats.actions, rejoins: stats.rejoins, largestSpread: spread.largest, spreadSamples: spread.samples, largestSpreadAnyTime: spread.largestAnyTime,
      errors: Object.fromEntries(stats.errors), balance,
    };
  } finally {
    scheduler.stop();
    await Promise.all(bots.map((bot) => bot.stop()));
    await server?.stop();
  }
}

async function checkBalance(url: string, bots: TournamentBot[], before: Map<string, number>, detail: any, entrants: number, startingStack: number, sampler: ChipSampler): Promise<BalanceCheck> {
  const standings: { playerId: string; place: number | null; prize: number | null; stack: number | null }[] = detail.standings ?? [];
  const places = standings.map((line) => line.place).filter((place): place is number => place !== null);
  // Players knocked out in one hand with equal stacks tie (TDA): k of them take the best place p of the span and p+1…p+k−1 stay unused.
  const tally = new Map<number, number>();
  for (const place of places) tally.set(place, (tally.get(place) ?? 0) + 1);
  let next = 1;
  for (const place of [...tally.keys()].sort((a, b) => a - b)) next = place === next ? next + (tally.get(place) as number) : -1;
  const placesDistinct = places.length === entrants && next === entrants + 1;
  const prizesPaid = standings.reduce((sum, line) => sum + (line.prize ?? 0), 0);
  const prizeOf = new Map(standings.map((line) => [line.playerId, line.prize ?? 0]));
  let walletsBalance = true;
  const walletsOff: string[] = [];
  await inBatches(bots, 50, async (bot) => {
    const after = await walletBalance(url, bot.token);
    const moved = after - (before.get(bot.playerId) ?? 0);
    if (moved !== (prizeOf.get(bot.playerId) ?? 0) - BUY_IN - FEE) {
      walletsBalance = false;
      walletsOff.push(`${bot.name} moved ${moved}, prize ${prizeOf.get(bot.playerId) ?? 0}`);
    }
  });
  const counted = new Map<number, number>();
  for (const place of places) counted.set(place, (counted.get(place) ?? 0) + 1);
  const placeProblems = [
    ...[...counted].filter(([, n]) => n > 1).map(([place, n]) => `place ${place} ×${n} (a tie)`),
    ...(placesDistinct ? [] : Array.from({ length: entrants }, (_, i) => i + 1).filter((place) => !counted.has(place)).map((place) => `place ${place} unused`)),
    ...standings.filter((line) => line.place === null).map((line) => `${line.playerId} unplaced with ${line.stack}`),
  ];
  const chipsExpected = entrants * startingStack;
  const prizePool = detail.prizePool as number;
  const finished = detail.status === 'finished';
  return {
    prizePool, prizesPaid, placesDistinct, placeProblems, walletsBalance, walletsOff, chipSamples: sampler.taken, chipSamplesEqual: sampler.equal, chipsExpected,
    ok: finished && placesDistinct && walletsBalance && prizesPaid === prizePool && prizePool === entrants * BUY_IN && sampler.equal === sampler.taken,
  };
}

/**
 * Reads the live standings every second while the tournament runs: the
 * stacks of the players still in must always sum to the chips in play (no
 * rebuys or add-ons in a load test), whatever moves are under way.
 */
class ChipSampler {
  taken = 0;
  equal = 0;
  private stopped = false;
  private readonly loop: Promise<void>;
  private url = '';

  useServer(url: string): void {
    this.url = url;
  }

  constructor(url: string, tournamentId: string, expected: number) {
    this.url = url;
    this.loop = (async () => {
      while (!this.stopped) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (this.stopped) break;
        const detail = await tournamentDetail(this.url, tournamentId).catch(() => null);
        if (detail?.status !== 'running') continue;
        const live = (detail.standings as { place: number | null; stack: number | null }[]).filter((line) => line.place === null);
        if (live.length === 0 || live.some((line) => line.stack === null)) continue;
        this.taken++;
        if (live.reduce((sum, line) => sum + (line.stack as number), 0) === expected) this.equal++;
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

/**
 * Watches the tournament room (as a spectator) and, at every state change
 * with more than one open table, takes the spread between the fullest and
 * the emptiest table: the room's `tables` are the seating the tournament has
 * decided, a player being moved already counted at their new table, so
 * balancing keeps it at 1 or below. Joins again when the room's process dies.
 */
class SpreadWatcher {
  /** The largest spread right after a balancing change (see `sample`). */
  largest = 0;
  samples = 0;
  /** The largest spread at any change, also while a table that must give a player finishes its hand (TDA: nobody moves mid-hand). */
  largestAnyTime = 0;
  private last = '';
  private lastTotal = -1;
  private room: Room | null = null;
  private stopped = false;
  private readonly client: () => Client;
  private readonly tournamentId: string;

  constructor(client: () => Client, tournamentId: string) {
    this.client = client;
    this.tournamentId = tournamentId;
  }

  async start(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const room = await this.client().joinById(this.tournamentId, {});
        this.room = room;
        room.reconnection.enabled = false;
        room.onMessage('*', () => undefined);
        room.onStateChange((state: any) => this.sample(state));
        room.onLeave(() => { if (this.room === room && !this.stopped) void this.start(); });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * (attempt + 1))));
      }
    }
  }

  private sample(state: any): void {
    if (state?.status !== 'running') return;
    const seated: number[] = [];
    for (const line of state.tables ?? []) seated.push(line.seated);
    const key = seated.join(',');
    if (key === this.last) return;
    const total = seated.reduce((sum, n) => sum + n, 0);
    // Balancing changed the seating (moves, or a table broken) and nobody was knocked out in the same change.
    const balanced = this.lastTotal === total && this.last !== '';
    this.last = key;
    this.lastTotal = total;
    if (seated.length < 2) return;
    const spread = Math.max(...seated) - Math.min(...seated);
    this.largestAnyTime = Math.max(this.largestAnyTime, spread);
    if (!balanced) return;
    this.samples++;
    this.largest = Math.max(this.largest, spread);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const room = this.room;
    this.room = null;
    if (room) await Promise.race([room.leave(true).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function formatTournamentReport(report: TournamentLoadReport): string {
  const b = report.balance;
  const errors = Object.entries(report.errors).map(([key, count]) => `${key} ×${count}`).join(', ') || 'none';
  return [
    `${report.variant} ${report.kind} ${report.tournamentId}: ${report.entrants} entrants, ${report.status} in ${report.durationS} s (setup ${report.setupS} s)`,
    `hands ${report.hands}, moves ${report.moves}, tables ${report.tablesOpened} (${report.tableBreaks} broken), hand-for-hand hands ${report.handForHandHands}, actions ${report.actions}, rejoins ${report.rejoins}`,
    `largest table-size spread after balancing ${report.largestSpread} (${report.spreadSamples} balancing changes; ${report.largestSpreadAnyTime} at any change)`,
    `prize pool ${b.prizePool}, prizes paid ${b.prizesPaid}, places distinct ${b.placesDistinct}, wallets balance ${b.walletsBalance}, chips ${b.chipSamplesEqual}/${b.chipSamples} samples at ${b.chipsExpected}: ${b.ok ? 'BALANCED' : 'NOT BALANCED'}`,
    `errors: ${errors}`,
  ].join('\n');
}
