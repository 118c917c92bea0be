import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/**
 * The process's logger: JSON lines (on stdout unless `destination` says
 * otherwise), each tagged with the process id so a cluster's logs can be
 * merged. Tests set `logLevel: 'silent'`.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'processId'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { processId: config.processId },
    // A password or a token must never reach a log line, however it got into an object.
    redact: {
      paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token', 'req.headers.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
