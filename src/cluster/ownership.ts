import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';
import type { Database } from '../persistence/database.ts';

export type OwnershipOptions = { db: Database; processId: string; log: Logger; leaseMs: number };

/**
 * Which tables this process runs. A table is owned through a lease in the
 * database that the owner renews; on start, and whenever a lease has run out
 * (its process died), a process claims the table and recreates its room under
 * the same id from the last snapshot.
 */
export class TableOwnership {
  private readonly options: OwnershipOptions;
  private timer: NodeJS.Timeout | null = null;
  private readonly owned = new Set<string>();

  constructor(options: OwnershipOptions) {
    this.options = options;
  }

  /** Claims every open table that has no live owner and opens its room here. */
  async claimOrphans(): Promise<string[]> {
    const { db, processId, leaseMs, log } = this.options;
    const opened: string[] = [];
    for (const table of await db.tables.listOrphaned(new Date())) {
      if (!(await db.tables.claim(table.id, processId, leaseMs))) continue;
      try {
        await matchMaker.createRoom('table', { tableId: table.id });
        this.owned.add(table.id);
        opened.push(table.id);
      } catch (error) {
        log.error({ err: error, tableId: table.id }, 'could not open a claimed table');
        await db.tables.release(table.id, processId);
      }
    }
    return opened;
  }

  /** Renews our leases and picks up orphans, every third of a lease. */
  start(): void {
    const { db, processId, leaseMs, log } = this.options;
    this.timer = setInterval(() => {
      void (async () => {
        await db.tables.renew(processId, leaseMs);
        await this.claimOrphans();
      })().catch((error: unknown) => log.error({ err: error }, 'lease renewal failed'));
    }, Math.max(250, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  async stop(release: boolean): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!release) return;
    for (const id of this.owned) await this.options.db.tables.release(id, this.options.processId);
    this.owned.clear();
  }
}
