import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';
import type { Database } from '../persistence/database.ts';
import { isSnapshotRefusal } from '../persistence/snapshot-format.ts';
import { localTable } from '../tables/table-host.ts';
import { isProcessAlive } from './liveness.ts';

export type OwnershipOptions = { db: Database; processId: string; log: Logger; leaseMs: number };

/** Published when a process gives its tables up, so the others claim them at once rather than on their next scan. */
const RELEASED_CHANNEL = 'felt:tables-released';
/** Presence hash of the processes that run tables: Colyseus process id → Felt process id. */
const HOSTS_KEY = 'felt:table-hosts';
/** How often a process looks for orphans, at most: a dead process's tables wait for its lease plus this. */
const MAX_SCAN_MS = 500;

/** Where a table's room lives right now, according to the matchmaker. */
type Host = 'here' | 'elsewhere' | 'nowhere';

/**
 * Which tables this process runs. A table is owned through a lease in the
 * database that the owner renews; on start, and whenever a lease has run out
 * (its process died or gave the table up), a process claims the table and
 * recreates its room under the same id from the last snapshot.
 *
 * In a cluster, a process claims no more than its fair share of the open
 * tables (so a newcomer gets new tables), and before it recreates a room it
 * removes the listing a dead process left in the driver: otherwise joins by
 * table id would be sent to a process that no longer answers.
 */
export class TableOwnership {
  private readonly options: OwnershipOptions;
  private renewTimer: NodeJS.Timeout | undefined;
  private scanTimer: NodeJS.Timeout | undefined;
  private readonly owned = new Set<string>();
  /** Tables `open` is opening: claimed (or about to be), room not created yet. */
  private readonly opening = new Set<string>();
  /** Tables whose lease another process took while their room ran here: the room is stopping, so it is not ours to claim. */
  private readonly stopping = new Set<string>();
  /**
   * Tables whose room could not be created because their snapshot was refused
   * (a format this Felt does not know, a malformed state, a deck it cannot
   * open): left closed, and not claimed again by this process, which would
   * only refuse it again on every scan. Another process (a newer Felt, one
   * with the right key) may still claim them.
   */
  private readonly refused = new Set<string>();
  private scanning: Promise<string[]> | null = null;
  private scanAgain = false;
  private stopped = false;
  /** In the table hosts since `start`: from then on, missing from them means a peer swept this process. */
  private registered = false;
  private firstScan = true;
  /** The first `claimOrphans` since start has finished (see `unclaimedShare`). */
  private claimedOnce = false;
  /** Felt process ids of the live table hosts other than this one, as the last scan found them. */
  private livePeers = new Set<string>();
  /** Claimed tables whose room could not be created (they are given back and tried again): no reason to hold readiness back. */
  private readonly failed = new Set<string>();
  private readonly onReleased = (): void => {
    if (!this.stopped) void this.claimOrphans().catch((error: unknown) => this.options.log.error({ err: error }, 'claiming released tables failed'));
  };

  constructor(options: OwnershipOptions) {
    this.options = options;
  }

  /** The tables this process holds the lease of. */
  get tables(): string[] {
    return [...this.owned];
  }

  /**
   * Claims open tables that have no live owner, up to this process's fair
   * share, and opens their rooms here. Calls that overlap run one scan more
   * rather than two at once. Returns the tables opened.
   */
  async claimOrphans(): Promise<string[]> {
    if (this.scanning) {
      this.scanAgain = true;
      return [];
    }
    const opened: string[] = [];
    try {
      do {
        this.scanAgain = false;
        this.scanning = this.scan();
        opened.push(...(await this.scanning));
      } while (this.scanAgain && !this.stopped);
      this.claimedOnce = true;
    } finally {
      this.scanning = null;
    }
    return opened;
  }

  /**
   * Opens a table's room here under this process's lease, now (a table an
   * admin just opened). Throws when another process holds the lease or the
   * room cannot be created; the lease is given back in the latter case.
   */
  async open(tableId: string): Promise<void> {
    const { db, processId, leaseMs } = this.options;
    // Marked before it is claimed, so a scan running meanwhile does not create the room a second time.
    this.opening.add(tableId);
    try {
      if (!(await db.tables.claim(tableId, processId, leaseMs))) throw new Error(`Table ${tableId} is run by another process.`);
      await matchMaker.createRoom('table', { tableId });
      this.owned.add(tableId);
    } catch (error) {
      await db.tables.release(tableId, processId);
      throw error;
    } finally {
      this.opening.delete(tableId);
    }
  }

  private async scan(): Promise<string[]> {
    const { db, processId, leaseMs, log } = this.options;
    const opened: string[] = [];
    if (this.firstScan) await this.releasePreviousLife();
    const peers = await this.sweepHosts();
    const orphans = await db.tables.listOrphaned(new Date());
    if (orphans.length === 0) return opened;
    const share = Math.ceil((await db.tables.listOpen()).length / (peers + 1));
    for (const table of orphans) {
      if (this.stopped || this.owned.size >= share) break;
      // Being opened by `open` right now: its room is on the way. Or its fenced-off room is still going away, or its snapshot was refused here.
      if (this.owned.has(table.id) || this.opening.has(table.id) || this.stopping.has(table.id) || this.refused.has(table.id)) continue;
      const host = await this.hostOf(table.id);
      // Its process is alive and serves it: that process has only been slow to renew, and will.
      if (host === 'elsewhere') continue;
      if (!(await db.tables.claim(table.id, processId, leaseMs))) continue;
      if (this.owned.has(table.id) || this.opening.has(table.id)) continue;
      if (host === 'here') {
        this.owned.add(table.id);
        continue;
      }
      try {
        await matchMaker.createRoom('table', { tableId: table.id });
        this.owned.add(table.id);
        this.failed.delete(table.id);
        opened.push(table.id);
      } catch (error) {
        // A refused snapshot was logged by the room, once.
        if (isSnapshotRefusal(error)) this.refused.add(table.id);
        else log.error({ err: error, tableId: table.id }, 'could not open a claimed table');
        this.failed.add(table.id);
        await db.tables.release(table.id, processId);
      }
    }
    if (opened.length > 0) log.info({ tables: opened }, 'claimed orphaned tables');
    return opened;
  }

  /**
   * A process restarted under the same FELT_PROCESS_ID (PM2 restarts a crashed
   * one) finds leases in its name that no room of its runs; renewing them
   * would keep those tables shut forever. It gives them up, to claim them
   * again like any orphan.
   */
  private async releasePreviousLife(): Promise<void> {
    const { db, processId } = this.options;
    this.firstScan = false;
    for (const table of await db.tables.listOpen()) {
      if (table.ownerProcess === processId && !this.owned.has(table.id)) await db.tables.release(table.id, processId);
    }
  }

  /**
   * Counts the other table hosts that are alive, and forgets the dead ones at
   * once: their room listings go from the driver, so until their tables are
   * back (when the leases run out) a join fails fast instead of waiting on a
   * process that will never answer.
   */
  private async sweepHosts(): Promise<number> {
    const hosts = (await matchMaker.presence.hgetall(HOSTS_KEY)) ?? {};
    if (this.registered && !this.stopped && hosts[matchMaker.processId] === undefined) await this.recoverFromSweep();
    const livePeers = new Set<string>();
    let live = 0;
    for (const [pid, feltProcess] of Object.entries(hosts)) {
      if (pid === matchMaker.processId) continue;
      if (await isAlive(pid)) {
        live++;
        livePeers.add(feltProcess);
        continue;
      }
      await forgetProcess(pid);
      await matchMaker.presence.hdel(HOSTS_KEY, pid);
      this.options.log.warn({ deadProcess: feltProcess }, 'a table host is gone; its tables move here or to another process when their leases run out');
    }
    this.livePeers = livePeers;
    return live;
  }

  /**
   * This process stalled long enough for a peer to take it for dead and sweep
   * its listings. It joins the hosts again, learns which tables it still
   * holds (the others are stopped by the renewal), and lists those again,
   * where no other process lists them.
   */
  private async recoverFromSweep(): Promise<void> {
    this.options.log.warn('a peer took this process for dead while it stalled; listing its tables again');
    await matchMaker.presence.hset(HOSTS_KEY, matchMaker.processId, this.options.processId);
    await this.renew();
    for (const id of this.owned) await localTable(id)?.relist();
  }

  /** Whether this process has made its first claim of orphaned tables since it started, and claims still. */
  get claiming(): { started: boolean; stopped: boolean } {
    return { started: this.claimedOnce, stopped: this.stopped };
  }

  /** Tables whose lease this process holds with no room of theirs open here. */
  tablesWithoutRoom(): string[] {
    return this.tables.filter((id) => !matchMaker.getLocalRoomById(id));
  }

  /**
   * The open tables this process is still entitled to claim and that no live
   * process runs, for `/api/ready` (`src/cluster/readiness.ts`): empty once it
   * holds its fair share (the open tables divided among the live hosts, as
   * `scan` counts it). Otherwise every open table that is unowned or whose
   * lease names a process that is not a live table host — a killed process's
   * lease, run out or not yet (the crash-restart case) — except those whose
   * room failed to open here. A live host's lease that ran out is a slow
   * renewal, as `scan` takes it, not a table waiting for an owner.
   */
  async unclaimedShare(): Promise<string[]> {
    const open = await this.options.db.tables.listOpen();
    const share = Math.ceil(open.length / (this.livePeers.size + 1));
    if (this.owned.size >= share) return [];
    const me = this.options.processId;
    return open
      .filter((table) => table.ownerProcess !== me && !(table.ownerProcess && this.livePeers.has(table.ownerProcess)) && !this.failed.has(table.id))
      .map((table) => table.id);
  }

  private async hostOf(tableId: string): Promise<Host> {
    const listing = await matchMaker.getRoomById(tableId);
    if (!listing) return matchMaker.getLocalRoomById(tableId) ? 'here' : 'nowhere';
    if (listing.processId === matchMaker.processId) return 'here';
    if (await isAlive(listing.processId)) return 'elsewhere';
    await forgetProcess(listing.processId);
    return 'nowhere';
  }

  /**
   * Joins the table hosts, renews our leases every third of a lease and looks
   * for orphans more often than that, so a dead process's tables come back
   * soon after its leases run out.
   */
  async start(): Promise<void> {
    const { processId, leaseMs } = this.options;
    this.stopped = false;
    await matchMaker.presence.hset(HOSTS_KEY, matchMaker.processId, processId);
    this.registered = true;
    await matchMaker.presence.subscribe(RELEASED_CHANNEL, this.onReleased);
    this.renewTimer = this.every(Math.floor(leaseMs / 3), () => this.renew(), 'lease renewal failed');
    this.scanTimer = this.every(Math.min(MAX_SCAN_MS, Math.floor(leaseMs / 3)), () => this.claimOrphans(), 'claiming orphaned tables failed');
  }

  private every(ms: number, task: () => Promise<unknown>, failure: string): NodeJS.Timeout {
    const timer = setInterval(() => void task().catch((error: unknown) => this.options.log.error({ err: error }, failure)), ms);
    timer.unref();
    return timer;
  }

  private async renew(): Promise<void> {
    const { db, processId, leaseMs, log } = this.options;
    const held = new Set(await db.tables.renew(processId, leaseMs));
    for (const id of this.owned) {
      if (held.has(id)) continue;
      this.owned.delete(id);
      // Not awaited: the other renewals must not wait for a room to go.
      void this.lost(id).catch((error: unknown) => log.error({ err: error, tableId: id }, 'could not stop a table whose lease was lost'));
    }
  }

  /**
   * Called when this process finds it no longer holds a table's lease — on
   * renewal, or because the database refused a fenced write (`lease_lost`) —
   * while the table's room may still run here. Another process runs the table
   * now, so the room stops at once without writing anything more: its clients
   * are sent away (they rejoin by table id and reach the new owner) and it
   * disposes. A closed table gave its lease back itself and is left alone.
   */
  async lost(tableId: string): Promise<void> {
    const { db, processId, log } = this.options;
    if (this.stopping.has(tableId)) return;
    const record = await db.tables.get(tableId);
    if (record?.ownerProcess === processId || record?.status === 'closed') return;
    this.owned.delete(tableId);
    const room = localTable(tableId);
    if (!room) return;
    log.warn({ tableId, owner: record?.ownerProcess ?? null }, 'lost the lease of a table this process still runs; stopping its room');
    this.stopping.add(tableId);
    try {
      await room.abandon();
    } finally {
      this.stopping.delete(tableId);
    }
  }

  /**
   * Claims nothing more and leaves the table hosts (so peers stop counting
   * this process in their share), but keeps renewing the leases held: a
   * process that is shutting down still runs its tables until it lets go.
   */
  async stopClaiming(): Promise<void> {
    this.stopped = true;
    clearInterval(this.scanTimer);
    await this.scanning?.catch(() => []);
    await matchMaker.presence.unsubscribe(RELEASED_CHANNEL, this.onReleased);
    await matchMaker.presence.hdel(HOSTS_KEY, matchMaker.processId);
  }

  /** Stops renewing and claiming; with `release`, gives every lease back and tells the other processes. */
  async stop(release: boolean): Promise<void> {
    await this.stopClaiming();
    clearInterval(this.renewTimer);
    if (!release) return;
    for (const id of this.owned) await this.options.db.tables.release(id, this.options.processId);
    this.owned.clear();
    await matchMaker.presence.publish(RELEASED_CHANNEL, this.options.processId);
  }
}

/** Removes a dead process's room listings (a killed process leaves them behind) and its room count. */
async function forgetProcess(pid: string): Promise<void> {
  await matchMaker.driver.cleanup?.(pid);
  await matchMaker.stats.excludeProcess(pid);
}

function isAlive(pid: string): Promise<boolean> {
  return isProcessAlive(matchMaker.presence, pid);
}
