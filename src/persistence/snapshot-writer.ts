import { performance } from 'node:perf_hooks';
import type { SnapshotRepository } from './types.ts';

type Source = () => { version: number; state: unknown };

/**
 * Coalesces table snapshots: a table that changes many times within one
 * interval is written once, with its newest state, and every changed table
 * goes in one batch. Rooms only mark themselves dirty, so they never wait on
 * the database; the newest state is read and copied when the batch is written.
 */
export class SnapshotWriter {
  private readonly repository: SnapshotRepository;
  private readonly intervalMs: number;
  private readonly dirty = new Map<string, Source>();
  /** When each dirty table was first marked since its last write: where its snapshot lag starts. */
  private readonly markedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private onError: (error: unknown) => void;
  private onWritten: (lagsMs: number[]) => void;

  /** `onWritten` hears of every batch made durable: each snapshot's lag from its first mark, in ms. */
  constructor(repository: SnapshotRepository, intervalMs = 50, onError: (error: unknown) => void = () => {}, onWritten: (lagsMs: number[]) => void = () => {}) {
    this.repository = repository;
    this.intervalMs = intervalMs;
    this.onError = onError;
    this.onWritten = onWritten;
  }

  /** Marks a table as changed; its state is read at write time. */
  mark(tableId: string, source: Source): void {
    this.dirty.set(tableId, source);
    if (!this.markedAt.has(tableId)) this.markedAt.set(tableId, performance.now());
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Writes everything marked so far; resolves when it is durable. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirty.size === 0) return this.writing;
    const sources = [...this.dirty];
    this.dirty.clear();
    const marked = new Map(this.markedAt);
    this.markedAt.clear();
    const batch = sources.map(([tableId, source]) => {
      const { version, state } = source();
      return { tableId, version, state: JSON.parse(JSON.stringify(state)) as unknown };
    });
    this.writing = this.writing.then(async () => {
      await this.repository.saveMany(batch);
      const writtenAt = performance.now();
      this.onWritten(sources.map(([tableId]) => writtenAt - (marked.get(tableId) ?? writtenAt)));
    }).catch((error: unknown) => {
      this.onError(error);
      // Mark them again so the next interval retries; a newer mark keeps its place, and the lag its start.
      for (const [tableId, source] of sources) {
        const since = marked.get(tableId);
        if (since !== undefined) this.markedAt.set(tableId, Math.min(since, this.markedAt.get(tableId) ?? since));
        if (!this.dirty.has(tableId)) this.mark(tableId, source);
      }
    });
    return this.writing;
  }

  get pending(): number {
    return this.dirty.size;
  }
}
