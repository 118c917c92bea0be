import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';
import { isSnapshotRefusal } from '../persistence/snapshot-format.ts';
import { isProcessAlive } from './liveness.ts';

/** What a room owned through a lease does for its ownership: list itself again, and stop at once. */
export type LeasedRoom = {
  /** Lists the room again, where no other process lists it. */
  relist(): Promise<void>;
  /** Stops at once without writing anything more: another process runs it now. */
  abandon(): Promise<void>;
};

/** A row that is owned through a lease, as the ownership reads it. */
export type LeasedRecord = { id: string; ownerProcess: string | null };

/**
 * What differs between the things owned through leases (tables,
 * tournaments): their rows' lease operations, the room that runs each, and
 * the presence keys their hosts meet under.
 */
export type LeaseKind = {
  /** "table", "tournament": for log lines. */
  noun: string;
  /** Published when a process gives its leases up, so the others claim at once rather than on their next scan. */
  releasedChannel: string;
  /** Presence hash of the processes that host them: Colyseus process id → Felt process id. */
  hostsKey: string;
  claim(id: string, processId: string, leaseMs: number): Promise<boolean>;
  renew(processId: string, leaseMs: number): Promise<string[]>;
  release(id: string, processId: string): Promise<void>;
  listOrphaned(at: Date): Promise<LeasedRecord[]>;
  /** Every row that needs a room somewhere (open tables, registering or running tournaments). */
  listLive(): Promise<LeasedRecord[]>;
  /** Whether the row may still need a room (a row that is gone counts); false for one that gave its lease back itself (closed, finished). */
  stillLive(id: string): Promise<{ live: boolean; ownerProcess: string | null }>;
  /** Creates the room here, under the row's id, from its last snapshot. */
  createRoom(id: string): Promise<void>;
  /** The room of `id` in this process, if it runs here. */
  localRoom(id: string): LeasedRoom | undefined;
};

export type OwnershipOptions = { processId: string; log: Logger; leaseMs: number };

/** How often a process looks for orphans, at most: a dead process's rows wait for its lease plus this. */
const MAX_SCAN_MS = 500;

/** Where a room lives right now, according to the matchmaker. */
type Host = 'here' | 'elsewhere' | 'nowhere';

/**
 * Which rooms of one kind this process runs. Each is owned through a lease
 * in the database that the owner renews; on start, and whenever a lease has
 * run out (its process died or gave it up), a process claims it and
 * recreates its room under the same id from the last snapshot.
 *
 * In a cluster, a process claims no more than its fair share of the live
 * rows (so a newcomer gets new ones), and before it recreates a room it
 * removes the listing a dead process left in the driver: otherwise joins by
 * id would be sent to a process that no longer answers.
 */
export class LeaseOwnership {
  protected readonly kind: LeaseKind;
  protected readonly options: OwnershipOptions;
  private renewTimer: NodeJS.Timeout | undefined;
  private scanTimer: NodeJS.Timeout | undefined;
  protected readonly owned = new Set<string>();
  /** Ids `open` is opening: claimed (or about to be), room not created yet. */
  private readonly opening = new Set<string>();
  /** Ids whose lease another process took while their room ran here: the room is stopping, so it is not ours to claim. */
  private readonly stopping = new Set<string>();
  /**
   * Rooms that could not be created because their snapshot was refused (a
   * format this Felt does not know, a malformed state, a deck it cannot
   * open): not claimed again by this process, which would only refuse it
   * again on every scan. Another process (a newer Felt, one with the right
   * key) may still claim them.
   */
  private readonly refused = new Set<string>();
  private scanning: Promise<string[]> | null = null;
  private scanAgain = false;
  private stopped = false;
  /** In the hosts since `start`: from then on, missing from them means a peer swept this process. */
  private registered = false;
  private firstScan = true;
  /** The first `claimOrphans` since start has finished (see `unclaimedShare`). */
  private claimedOnce = false;
  /** Felt process ids of the live hosts other than this one, as the last scan found them. */
  private livePeers = new Set<string>();
  /** Claimed rows whose room could not be created (they are given back and tried again): no reason to hold readiness back. */
  private readonly failed = new Set<string>();
  private readonly onReleased = (): void => {
    if (!this.stopped) void this.claimOrphans().catch((error: unknown) => this.options.log.error({ err: error }, `claiming released ${this.kind.noun}s failed`));
  };

  constructor(kind: LeaseKind, options: OwnershipOptions) {
    this.kind = kind;
    this.options = options;
  }

  /** The ids this process holds the lease of. */
  get ids(): string[] {
    return [...this.owned];
  }

  /**
   * Claims live rows that have no live owner, up to this process's fair
   * share, and opens their rooms here. Calls that overlap run one scan more
   * rather than two at once. Returns the ids opened.
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
   * Opens a room here under this process's lease, now. Throws when another
   * process holds the lease or the room cannot be created; the lease is
   * given back in the latter case.
   */
  async open(id: string): Promise<void> {
    const { processId, leaseMs } = this.options;
    // Marked before it is claimed, so a scan running meanwhile does not create the room a second time.
    this.opening.add(id);
    try {
      if (!(await this.kind.claim(id, processId, leaseMs))) throw new Error(`${capital(this.kind.noun)} ${id} is run by another process.`);
      if (!this.kind.localRoom(id)) await this.kind.createRoom(id);
      this.owned.add(id);
    } catch (error) {
      await this.kind.release(id, processId);
      throw error;
    } finally {
      this.opening.delete(id);
    }
  }

  private async scan(): Promise<string[]> {
    const { processId, leaseMs, log } = this.options;
    const kind = this.kind;
    const opened: string[] = [];
    if (this.firstScan) await this.releasePreviousLife();
    const peers = await this.sweepHosts();
    const orphans = await kind.listOrphaned(new Date());
    if (orphans.length === 0) return opened;
    const share = Math.ceil((await kind.listLive()).length / (peers + 1));
    for (const row of orphans) {
      if (this.stopped || this.owned.size >= share) break;
      // Being opened by `open` right now: its room is on the way. Or its fenced-off room is still going away, or its snapshot was refused here.
      if (this.owned.has(row.id) || this.opening.has(row.id) || this.stopping.has(row.id) || this.refused.has(row.id)) continue;
      const host = await this.hostOf(row.id);
      // Its process is alive and serves it: that process has only been slow to renew, and will.
      if (host === 'elsewhere') continue;
      if (!(await kind.claim(row.id, processId, leaseMs))) continue;
      if (this.owned.has(row.id) || this.opening.has(row.id)) continue;
      if (host === 'here') {
        this.owned.add(row.id);
        continue;
      }
      try {
        await kind.createRoom(row.id);
        this.owned.add(row.id);
        this.failed.delete(row.id);
        opened.push(row.id);
      } catch (error) {
        // A refused snapshot was logged by the room, once.
        if (isSnapshotRefusal(error)) this.refused.add(row.id);
        else log.error({ err: error, id: row.id }, `could not open a claimed ${kind.noun}`);
        this.failed.add(row.id);
        await kind.release(row.id, processId);
      }
    }
    if (opened.length > 0) log.info({ [`${kind.noun}s`]: opened }, `claimed orphaned ${kind.noun}s`);
    return opened;
  }

  /**
   * A process restarted under the same FELT_PROCESS_ID (PM2 restarts a crashed
   * one) finds leases in its name that no room of its runs; renewing them
   * would keep those rows shut forever. It gives them up, to claim them
   * again like any orphan.
   */
  private async releasePreviousLife(): Promise<void> {
    const { processId } = this.options;
    this.firstScan = false;
    for (const row of await this.kind.listLive()) {
      if (row.ownerProcess === processId && !this.owned.has(row.id)) await this.kind.release(row.id, processId);
    }
  }

  /**
   * Counts the other hosts that are alive, and forgets the dead ones at
   * once: their room listings go from the driver, so until their rooms are
   * back (when the leases run out) a join fails fast instead of waiting on a
   * process that will never answer.
   */
  private async sweepHosts(): Promise<number> {
    const { hostsKey, noun } = this.kind;
    const hosts = (await matchMaker.presence.hgetall(hostsKey)) ?? {};
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
      await matchMaker.presence.hdel(hostsKey, pid);
      this.options.log.warn({ deadProcess: feltProcess }, `a ${noun} host is gone; its ${noun}s move here or to another process when their leases run out`);
    }
    this.livePeers = livePeers;
    return live;
  }

  /**
   * This process stalled long enough for a peer to take it for dead and sweep
   * its listings. It joins the hosts again, learns which rows it still
   * holds (the others are stopped by the renewal), and lists those again,
   * where no other process lists them.
   */
  private async recoverFromSweep(): Promise<void> {
    this.options.log.warn(`a peer took this process for dead while it stalled; listing its ${this.kind.noun}s again`);
    await matchMaker.presence.hset(this.kind.hostsKey, matchMaker.processId, this.options.processId);
    await this.renew();
    for (const id of this.owned) await this.kind.localRoom(id)?.relist();
  }

  /** Whether this process has made its first claim of orphans since it started, and claims still. */
  get claiming(): { started: boolean; stopped: boolean } {
    return { started: this.claimedOnce, stopped: this.stopped };
  }

  /** Ids whose lease this process holds with no room of theirs open here. */
  idsWithoutRoom(): string[] {
    return this.ids.filter((id) => !matchMaker.getLocalRoomById(id));
  }

  /**
   * The live rows this process is still entitled to claim and that no live
   * process runs, for `/api/ready` (`src/cluster/readiness.ts`): empty once it
   * holds its fair share (the live rows divided among the live hosts, as
   * `scan` counts it). Otherwise every live row that is unowned or whose
   * lease names a process that is not a live host — a killed process's
   * lease, run out or not yet (the crash-restart case) — except those whose
   * room failed to open here. A live host's lease that ran out is a slow
   * renewal, as `scan` takes it, not a row waiting for an owner.
   */
  async unclaimedShare(): Promise<string[]> {
    const live = await this.kind.listLive();
    const share = Math.ceil(live.length / (this.livePeers.size + 1));
    if (this.owned.size >= share) return [];
    const me = this.options.processId;
    return live
      .filter((row) => row.ownerProcess !== me && !(row.ownerProcess && this.livePeers.has(row.ownerProcess)) && !this.failed.has(row.id))
      .map((row) => row.id);
  }

  private async hostOf(id: string): Promise<Host> {
    const listing = await matchMaker.getRoomById(id);
    if (!listing) return matchMaker.getLocalRoomById(id) ? 'here' : 'nowhere';
    if (listing.processId === matchMaker.processId) return 'here';
    if (await isAlive(listing.processId)) return 'elsewhere';
    await forgetProcess(listing.processId);
    return 'nowhere';
  }

  /**
   * Joins the hosts, renews our leases every third of a lease and looks for
   * orphans more often than that, so a dead process's rooms come back soon
   * after its leases run out.
   */
  async start(): Promise<void> {
    const { processId, leaseMs } = this.options;
    const { noun } = this.kind;
    this.stopped = false;
    await matchMaker.presence.hset(this.kind.hostsKey, matchMaker.processId, processId);
    this.registered = true;
    await matchMaker.presence.subscribe(this.kind.releasedChannel, this.onReleased);
    this.renewTimer = this.every(Math.floor(leaseMs / 3), () => this.renew(), `${noun} lease renewal failed`);
    this.scanTimer = this.every(Math.min(MAX_SCAN_MS, Math.floor(leaseMs / 3)), () => this.claimOrphans(), `claiming orphaned ${noun}s failed`);
  }

  private every(ms: number, task: () => Promise<unknown>, failure: string): NodeJS.Timeout {
    const timer = setInterval(() => void task().catch((error: unknown) => this.options.log.error({ err: error }, failure)), ms);
    timer.unref();
    return timer;
  }

  private async renew(): Promise<void> {
    const { processId, leaseMs, log } = this.options;
    const held = new Set(await this.kind.renew(processId, leaseMs));
    for (const id of this.owned) {
      if (held.has(id)) continue;
      this.owned.delete(id);
      // Not awaited: the other renewals must not wait for a room to go.
      void this.lost(id).catch((error: unknown) => log.error({ err: error, id }, `could not stop a ${this.kind.noun} whose lease was lost`));
    }
  }

  /**
   * Called when this process finds it no longer holds a lease — on renewal,
   * or because the database refused a fenced write (`lease_lost`) — while the
   * room may still run here. Another process runs it now, so the room stops
   * at once without writing anything more: its clients are sent away (they
   * rejoin by id and reach the new owner) and it disposes. A row that gave
   * its lease back itself (a closed table, a finished tournament) is left alone.
   */
  async lost(id: string): Promise<void> {
    const { processId, log } = this.options;
    if (this.stopping.has(id)) return;
    const row = await this.kind.stillLive(id);
    if (row.ownerProcess === processId || !row.live) return;
    this.owned.delete(id);
    const room = this.kind.localRoom(id);
    if (!room) return;
    log.warn({ id, owner: row.ownerProcess }, `lost the lease of a ${this.kind.noun} this process still runs; stopping its room`);
    this.stopping.add(id);
    try {
      await room.abandon();
    } finally {
      this.stopping.delete(id);
    }
  }

  /** Forgets a row this process gave up itself (a finished tournament): its lease is released and it is no more renewed. */
  async done(id: string): Promise<void> {
    this.owned.delete(id);
    await this.kind.release(id, this.options.processId);
  }

  /**
   * Claims nothing more and leaves the hosts (so peers stop counting this
   * process in their share), but keeps renewing the leases held: a process
   * that is shutting down still runs its rooms until it lets go.
   */
  async stopClaiming(): Promise<void> {
    this.stopped = true;
    clearInterval(this.scanTimer);
    await this.scanning?.catch(() => []);
    await matchMaker.presence.unsubscribe(this.kind.releasedChannel, this.onReleased);
    await matchMaker.presence.hdel(this.kind.hostsKey, matchMaker.processId);
  }

  /** Stops renewing and claiming; with `release`, gives every lease back and tells the other processes. */
  async stop(release: boolean): Promise<void> {
    await this.stopClaiming();
    clearInterval(this.renewTimer);
    if (!release) return;
    for (const id of this.owned) await this.kind.release(id, this.options.processId);
    this.owned.clear();
    await matchMaker.presence.publish(this.kind.releasedChannel, this.options.processId);
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

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
