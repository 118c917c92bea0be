import { performance } from 'node:perf_hooks';
import type { SnapshotRepository } from './types.ts';

type Source = () => { version: number; state: unknown };

/** Fenced writes: `owner` is this process's id; `onRefused` hears of tables whose lease it no longer holds (nothing was written for them). */
export type WriterFence = { owner: string; onRefused: (tableIds: string[]) => void };

/**
 * Coalesces table snapshots: a table that changes many times within one
 * interval is written once, with its newest state, and every changed table
 * goes in one batch. Rooms only mark themselves dirty, so they never wait on
 * the database; the newest state is read when the batch is written.
 */
export class SnapshotWriter {
  private readonly repository: SnapshotRepository;
  private readonly intervalMs: number;
  private readonly dirty = new Map<string, Source>();
  /** When each dirty table was first marked since its last write: where its snapshot lag starts. */
  private readonly markedAt = new Map<string, number>();
  /** The newest version of each table written by someone else (a hand's completion writes its snapshot): the writer skips it. */
  private readonly durableElsewhere = new Map<string, number>();
  /** Tables read into a batch that is not durable yet, with how many such batches each is in. */
  private readonly inFlight = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private onError: (error: unknown) => void;
  private onWritten: (lagsMs: number[]) => void;
  private fence: WriterFence | undefined;

  /**
   * `onWritten` hears of every batch made durable: each snapshot's lag from its
   * first mark, in ms. With `fence`, only tables whose lease the owner holds are written.
   */
  constructor(repository: SnapshotRepository, intervalMs = 50, onError: (error: unknown) => void = () => {}, onWritten: (lagsMs: number[]) => void = () => {}, fence?: WriterFence) {
    this.repository = repository;
    this.intervalMs = intervalMs;
    this.onError = onError;
    this.onWritten = onWritten;
    this.fence = fence;
  }

  /** Marks a table as changed; its state is read at write time. */
  mark(tableId: string, source: Source): void {
    this.dirty.set(tableId, source);
    if (!this.markedAt.has(tableId)) this.markedAt.set(tableId, performance.now());
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.intervalMs);
  }

  /**
   * Writes everything marked so far; resolves when it is durable. One batch
   * is written at a time: a batch asked for while another is being written
   * waits for it, and then reads the newest states of all the tables marked
   * by then.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirty.size === 0) return this.writing;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Writes the tables marked now. Never rejects: a failed batch is marked again for the next interval. */
  private async write(): Promise<void> {
    if (this.dirty.size === 0) return;
    const marked = new Map(this.markedAt);
    this.markedAt.clear();
    // `saveMany` serialises each state before it first awaits, so reading the live state here needs no copy.
    const read = [...this.dirty].map(([tableId, source]) => ({ tableId, source, snapshot: source() }));
    this.dirty.clear();
    const due = read.filter(({ tableId, snapshot }) => snapshot.version > (this.durableElsewhere.get(tableId) ?? -1));
    if (due.length === 0) return;
    const sources = due.map(({ tableId, source }) => [tableId, source] as const);
    const batch = due.map(({ tableId, snapshot }) => ({ tableId, ...snapshot }));
    for (const [tableId] of sources) this.inFlight.set(tableId, (this.inFlight.get(tableId) ?? 0) + 1);
    try {
      const refused = new Set(await this.repository.saveMany(batch, this.fence?.owner));
      const writtenAt = performance.now();
      this.onWritten(sources.filter(([tableId]) => !refused.has(tableId)).map(([tableId]) => writtenAt - (marked.get(tableId) ?? writtenAt)));
      if (refused.size > 0) this.fence?.onRefused([...refused]);
    } catch (error) {
      this.onError(error);
      // Mark them again so the next interval retries; a newer mark keeps its place, and the lag its start.
      for (const [tableId, source] of sources) {
        const since = marked.get(tableId);
        if (since !== undefined) this.markedAt.set(tableId, Math.min(since, this.markedAt.get(tableId) ?? since));
        if (!this.dirty.has(tableId)) this.mark(tableId, source);
      }
    } finally {
      // Only now, once durable or marked again, does a table leave the backlog.
      for (const [tableId] of sources) {
        const batches = (this.inFlight.get(tableId) ?? 1) - 1;
        if (batches > 0) this.inFlight.set(tableId, batches);
        else this.inFlight.delete(tableId);
      }
    }
  }

  /**
   * Says that version `version` of a table is durable already, written by
   * another path in the same transaction as something else (a finished hand
   * and its snapshot): a mark that still reads that version is not written again.
   */
  durable(tableId: string, version: number): void {
    if (version > (this.durableElsewhere.get(tableId) ?? -1)) this.durableElsewhere.set(tableId, version);
  }

  /** Drops a table's unwritten changes: its room stops because another process runs the table now. */
  forget(tableId: string): void {
    this.dirty.delete(tableId);
    this.markedAt.delete(tableId);
    this.durableElsewhere.delete(tableId);
  }

  get pending(): number {
    return this.dirty.size;
  }

  /** Tables with changes not durable yet: marked and unwritten, or in a batch being written. 0 means every change so far is in the database. */
  get backlog(): number {
    return new Set([...this.dirty.keys(), ...this.inFlight.keys()]).size;
  }
}
