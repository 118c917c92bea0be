import type { Logger } from '../log.ts';
import { TokenBucket, type Rate } from './token-bucket.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A log that writes at most `limit` lines (a rate and a burst) and counts the
 * rest, for lines that clients can cause: a flood of junk must not become a
 * flood of log lines. The first line written after some were dropped says
 * how many (`suppressed`).
 */
export class LimitedLog {
  private readonly log: Logger;
  private readonly bucket: TokenBucket;
  private readonly now: () => number;
  private suppressed = 0;

  constructor(log: Logger, limit: Rate, now: () => number = Date.now) {
    this.log = log;
    this.now = now;
    this.bucket = new TokenBucket(limit, now());
  }

  /** Writes one line, or counts it when over the limit; true when written. */
  write(level: LogLevel, fields: Record<string, unknown>, message: string): boolean {
    if (!this.log.isLevelEnabled(level)) return false;
    if (!this.bucket.take(this.now())) {
      this.suppressed++;
      return false;
    }
    const suppressed = this.suppressed;
    this.suppressed = 0;
    this.log[level](suppressed > 0 ? { ...fields, suppressed } : fields, message);
    return true;
  }
}
