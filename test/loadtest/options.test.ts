import assert from 'node:assert/strict';
import { parseOptions, UsageError } from '../../loadtest/options.ts';

const ADMIN = { FELT_ADMIN_USERNAME: 'boss', FELT_ADMIN_PASSWORD: 'correct horse' };

describe('loadtest options', () => {
  it('when no abuse is asked then there are no abusers and six bots per table', () => {
    const options = parseOptions(['--tables', '4'], {});
    assert.equal(options.abusers, 0);
    assert.equal(options.bots, 24);
  });

  it('when abusers are asked on a spawned server then they flood at 500 messages/s and five bots per table leave them a seat', () => {
    const options = parseOptions(['--tables', '10', '--abuse', '3', '--spawn'], {});
    assert.equal(options.abusers, 3);
    assert.equal(options.abuseRatePerS, 500);
    assert.equal(options.bots, 50);
    assert.equal(options.admin, undefined, 'a spawned server gets an admin of its own');
  });

  it('when a rate and a number of bots are given then they are used as given', () => {
    const options = parseOptions(['--abuse', '2', '--abuse-rate', '50', '--bots', '60', '--spawn'], {});
    assert.equal(options.abuseRatePerS, 50);
    assert.equal(options.bots, 60);
  });

  it('when abusers are asked of a server we did not start then the admin comes from the environment', () => {
    const options = parseOptions(['--abuse', '1', '--url', 'http://127.0.0.1:9999'], ADMIN);
    assert.deepEqual(options.admin, { username: 'boss', password: 'correct horse' });
  });

  it('when abusers are asked of a server we did not start and no admin is set then the usage error says which settings to set', () => {
    assert.throws(() => parseOptions(['--abuse', '1'], {}), (error: Error) => error instanceof UsageError && /FELT_ADMIN_USERNAME and FELT_ADMIN_PASSWORD/.test(error.message));
  });

  it('when the abuse flags are wrong then each is refused with a sentence naming the flag', () => {
    assert.throws(() => parseOptions(['--abuse', 'many', '--spawn'], {}), /--abuse must be a whole number/);
    assert.throws(() => parseOptions(['--abuse', '1', '--abuse-rate', '0', '--spawn'], {}), /--abuse-rate must be a whole number of at least 1/);
    assert.throws(() => parseOptions(['--abuse-rate', '100', '--spawn'], {}), /--abuse-rate needs --abuse N/);
  });
});
