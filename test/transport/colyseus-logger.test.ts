import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.ts';
import { colyseusLogger } from '../../src/transport/colyseus-logger.ts';
import { LimitedLog } from '../../src/transport/limited-log.ts';

/** A logger that keeps what it writes: the raw text and each line parsed. */
function capture(level: 'info' | 'debug' = 'info'): { log: ReturnType<typeof createLogger>; text: () => string; lines: () => any[] } {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  const log = createLogger({ logLevel: level, processId: 'test' }, sink);
  return { log, text: () => text, lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

describe('transport: the logger Colyseus is given', () => {
  it('when Colyseus prints an error with its stack then it is one JSON line, the stack a field of it', () => {
    const { log, text, lines } = capture();
    const error = new Error('Data read, but end of buffer not reached 97');

    colyseusLogger(log).error(error.stack);

    assert.equal(text().trimEnd().split('\n').length, 1);
    const [line] = lines();
    assert.equal(line.msg, 'Error: Data read, but end of buffer not reached 97');
    assert.equal(line.source, 'colyseus');
    assert.equal(line.level, 50);
    assert.match(line.stack, /colyseus-logger\.test\.ts/);
  });

  it('when Colyseus warns or informs with several arguments then they make one message at its level', () => {
    const { log, lines } = capture('debug');
    const logger = colyseusLogger(log);

    logger.warn('option "%s" has internal usage and is going to be ignored.', 'roomId');
    logger.info('room', 42, 'disposed');
    logger.debug(new Error('quiet'));

    assert.deepEqual(lines().map((line) => [line.level, line.msg]), [
      [40, 'option "roomId" has internal usage and is going to be ignored.'],
      [30, 'room 42 disposed'],
      [20, 'Error: quiet'],
    ]);
  });

  it('when Colyseus writes faster than its limit then the excess is dropped and the next line written says how many', () => {
    const { log, lines } = capture();
    let now = 0;
    const logger = colyseusLogger(log, { rate: 1, burst: 3 }, () => now);

    for (let i = 0; i < 10; i++) logger.error(`junk ${i}`);
    now = 1_000;
    logger.error('after a second');

    assert.deepEqual(lines().map((line) => line.msg), ['junk 0', 'junk 1', 'junk 2', 'after a second']);
    assert.equal(lines()[3].suppressed, 7);
  });
});

describe('transport: a log with a limit', () => {
  it('when a line is below the log level then it costs no part of the limit', () => {
    const { log, lines } = capture('info');
    const limited = new LimitedLog(log, { rate: 1, burst: 1 }, () => 0);

    assert.equal(limited.write('debug', {}, 'not written'), false);
    assert.equal(limited.write('warn', { roomId: 't-1' }, 'written'), true);
    assert.deepEqual(lines().map((line) => [line.msg, line.roomId, line.suppressed]), [['written', 't-1', undefined]]);
  });
});
