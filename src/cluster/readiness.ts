/** Each thing `/api/ready` waits for; a report names the ones missing. */
export const READINESS_CHECK = {
  database: 'database',
  presence: 'presence',
  firstClaim: 'firstClaim',
  unclaimedTables: 'unclaimedTables',
  rooms: 'rooms',
  unclaimedTournaments: 'unclaimedTournaments',
  tournamentRooms: 'tournamentRooms',
  shuttingDown: 'shuttingDown',
} as const;

export type ReadinessCheck = (typeof READINESS_CHECK)[keyof typeof READINESS_CHECK];

/** One thing missing: which check, a sentence for an operator, and the tables concerned (at most `LISTED_TABLES`). */
export type ReadinessGap = { check: ReadinessCheck; message: string; tables?: string[]; tournaments?: string[] };

/** `tables`: the tables whose lease this process holds. */
export type ReadinessReport = { ready: boolean; missing: ReadinessGap[]; tables: number };

/** What readiness reads of the table ownership (`TableOwnership`). */
export type OwnershipView = {
  readonly tables: string[];
  readonly claiming: { started: boolean; stopped: boolean };
  tablesWithoutRoom(): string[];
  unclaimedShare(): Promise<string[]>;
};

/** What readiness reads of the tournament ownership (`TournamentOwnership`). */
export type TournamentOwnershipView = {
  readonly tournaments: string[];
  readonly claiming: { started: boolean; stopped: boolean };
  idsWithoutRoom(): string[];
  unclaimedShare(): Promise<string[]>;
};

export type ReadinessOptions = {
  ownership: OwnershipView;
  /** The tournaments this process should host, checked like its tables. */
  tournaments?: TournamentOwnershipView;
  /** True when the database answers (`Database.ping`). */
  database(): Promise<boolean>;
  /** Resolves when presence (Redis, or the local one) answers a command. */
  presence(): Promise<unknown>;
  /** How long the database and presence may take before they count as not answering. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 2_000;
/** A report stays a readable size with a thousand tables waiting. */
const LISTED_TABLES = 20;
const POLL_MS = 200;

/**
 * Whether this process should get traffic, for `GET /api/ready`, a load
 * balancer and PM2's `wait_ready`. `/api/health` only says it is alive.
 *
 * Ready means all of these hold:
 * - the database answers, and presence (Redis in a cluster) answers, each
 *   within `timeoutMs`;
 * - it is not shutting down (from SIGTERM on it drains and hands its tables
 *   over, so a balancer should send new players elsewhere);
 * - every table whose lease it holds has its room open here;
 * - and, until the first time all of this held after start-up:
 *   - it has made its first claim of orphaned tables, and
 *   - (the same two for the tournaments it should host, when given)
 *   - while it holds less than its fair share of the open tables (their
 *     number divided by the live table hosts, this one included), no open
 *     table is left that no live process runs: unowned, or held by the lease
 *     of a process that is not a live table host. After a crash restart the
 *     dead process's leases still hold its tables for up to `FELT_LEASE_MS`;
 *     until they run out and the tables are claimed (here or by a peer) and
 *     their rooms are open, joins would fail with "room not found". A table
 *     whose room failed to open here does not hold readiness back.
 *
 * The start-up conditions are checked until they first pass, then no more:
 * when a peer dies later, its tables are claimed by the survivors within a
 * lease, and taking every survivor out of the balancer meanwhile would turn
 * the loss of one process into the loss of all.
 */
export class Readiness {
  private readonly options: ReadinessOptions;
  private startedUp = false;
  private stopped = false;

  constructor(options: ReadinessOptions) {
    this.options = options;
  }

  async check(): Promise<ReadinessReport> {
    const { ownership, timeoutMs = DEFAULT_TIMEOUT_MS } = this.options;
    const [database, presence] = await Promise.all([
      answers(this.options.database().then((ok) => ok || Promise.reject(new Error('no answer'))), timeoutMs),
      answers(this.options.presence(), timeoutMs),
    ]);
    const missing: ReadinessGap[] = [];
    if (!database) missing.push({ check: READINESS_CHECK.database, message: `the database does not answer (within ${timeoutMs} ms)` });
    if (!presence) missing.push({ check: READINESS_CHECK.presence, message: `presence (Redis in a cluster) does not answer (within ${timeoutMs} ms)` });
    const { started, stopped } = ownership.claiming;
    if (stopped) missing.push({ check: READINESS_CHECK.shuttingDown, message: 'this process is shutting down: it hands its tables over and takes no new ones' });
    if (!this.startedUp && !stopped) {
      if (!started) {
        missing.push({ check: READINESS_CHECK.firstClaim, message: 'this process has not made its first claim of orphaned tables yet' });
      } else if (database) {
        const unclaimed = await ownership.unclaimedShare();
        if (unclaimed.length > 0) {
          missing.push({
            check: READINESS_CHECK.unclaimedTables,
            message: `no live process runs ${count(unclaimed.length, 'open table')} that this process may claim: unowned, or held by the lease of a process that is gone until that lease runs out (FELT_LEASE_MS)`,
            tables: unclaimed.slice(0, LISTED_TABLES),
          });
        }
      }
    }
    const tournaments = this.options.tournaments;
    if (tournaments && !this.startedUp && !stopped) {
      if (!tournaments.claiming.started) {
        missing.push({ check: READINESS_CHECK.firstClaim, message: 'this process has not made its first claim of orphaned tournaments yet' });
      } else if (database) {
        const unclaimed = await tournaments.unclaimedShare();
        if (unclaimed.length > 0) {
          missing.push({
            check: READINESS_CHECK.unclaimedTournaments,
            message: `no live process runs ${count(unclaimed.length, 'tournament')} that this process may claim: unowned, or held by the lease of a process that is gone until that lease runs out (FELT_LEASE_MS)`,
            tournaments: unclaimed.slice(0, LISTED_TABLES),
          });
        }
      }
    }
    const actorless = tournaments?.idsWithoutRoom() ?? [];
    if (actorless.length > 0) {
      missing.push({ check: READINESS_CHECK.tournamentRooms, message: `no room is open here for ${count(actorless.length, 'tournament')} whose lease this process holds`, tournaments: actorless.slice(0, LISTED_TABLES) });
    }
    const withoutRoom = ownership.tablesWithoutRoom();
    if (withoutRoom.length > 0) {
      missing.push({ check: READINESS_CHECK.rooms, message: `no room is open here for ${count(withoutRoom.length, 'table')} whose lease this process holds`, tables: withoutRoom.slice(0, LISTED_TABLES) });
    }
    if (missing.length === 0) this.startedUp = true;
    return { ready: missing.length === 0, missing, tables: ownership.tables.length };
  }

  /** Resolves true the first time the process is ready (checking every 200 ms), or false if `stop` comes first. */
  async whenReady(): Promise<boolean> {
    while (!this.stopped) {
      if ((await this.check().catch(() => null))?.ready) return true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS).unref());
    }
    return false;
  }

  stop(): void {
    this.stopped = true;
  }
}

/** True when `work` resolves within `ms`; a rejection or a hang is false, and a late rejection is swallowed. */
function answers(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    work.then(() => resolve(true), () => resolve(false)).finally(() => clearTimeout(timer));
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
