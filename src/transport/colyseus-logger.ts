import { format } from 'node:util';
import type { Logger } from '../log.ts';
import { LimitedLog, type LogLevel } from './limited-log.ts';
import type { Rate } from './token-bucket.ts';

/** What Colyseus calls on the logger it is given (`new Server({ logger })`); its default is `console`. */
export type ColyseusLogger = Record<'debug' | 'info' | 'warn' | 'error' | 'trace', (...args: unknown[]) => void>;

/**
 * Colyseus's own lines rarely matter, but clients can provoke them (a socket
 * that breaks the WebSocket rules, a reconnection to a room that is gone):
 * at most 10 a second, bursts of 50.
 */
const COLYSEUS_LINES: Rate = { rate: 10, burst: 50 };

/**
 * Colyseus's logger over Felt's: each call is one JSON line through pino,
 * tagged `source: "colyseus"`, with the first line of the text as its
 * message and the rest (a stack Colyseus printed as text) in `stack`, and
 * no more lines than `COLYSEUS_LINES` allows.
 */
export function colyseusLogger(log: Logger, limit: Rate = COLYSEUS_LINES, now: () => number = Date.now): ColyseusLogger {
  const lines = new LimitedLog(log, limit, now);
  const write = (level: LogLevel) => (...args: unknown[]): void => {
    const text = format(...args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : arg)));
    const end = text.indexOf('\n');
    const message = end < 0 ? text : text.slice(0, end);
    const stack = end < 0 ? '' : text.slice(end + 1).trim();
    lines.write(level, stack ? { source: 'colyseus', stack } : { source: 'colyseus' }, message);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), trace: write('trace') };
}
