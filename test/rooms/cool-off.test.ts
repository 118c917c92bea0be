import assert from 'node:assert/strict';
import { ServerError } from '@colyseus/core';
import { COOL_OFF_REFUSAL, CoolOff } from '../../rooms/cool-off.ts';

/** What `refuseWhileCooling` threw, or null. */
function refusal(coolOff: CoolOff, playerId: string, now: number): ServerError | null {
  try {
    coolOff.refuseWhileCooling(playerId, now);
    return null;
  } catch (error) {
    return error as ServerError;
  }
}

describe('rooms: cool-off of players cut for flooding', () => {
  it('when a player was cut then their joins are refused 429 rate_limited until the cool-off ends, and then let through', () => {
    const coolOff = new CoolOff(10_000);
    coolOff.start('flo', 5_000);

    const early = refusal(coolOff, 'flo', 5_001);
    const late = refusal(coolOff, 'flo', 14_999);

    assert.ok(early instanceof ServerError);
    assert.equal(early.code, COOL_OFF_REFUSAL);
    assert.equal(early.code, 429);
    assert.match(early.message, /^rate_limited: .*join again in 10 seconds\.$/);
    assert.match(String(late?.message), /join again in 1 seconds/);
    assert.equal(refusal(coolOff, 'flo', 15_000), null);
    assert.equal(coolOff.remainingMs('flo', 15_000), 0);
  });

  it('when a player was never cut then nothing is refused', () => {
    const coolOff = new CoolOff(10_000);
    coolOff.start('flo', 0);

    assert.equal(refusal(coolOff, 'cal', 1), null);
  });

  it('when a player is cut again then the cool-off runs from the last cut', () => {
    const coolOff = new CoolOff(10_000);
    coolOff.start('flo', 0);
    coolOff.start('flo', 8_000);

    assert.equal(coolOff.remainingMs('flo', 12_000), 6_000);
  });

  it('when cool-offs have ended then they are forgotten, so the list holds only the recent cuts', () => {
    const coolOff = new CoolOff(10_000);
    for (let i = 0; i < 1_000; i++) coolOff.start(`p${i}`, i);
    coolOff.start('late', 20_000);

    assert.equal(coolOff.size(20_000), 1);
  });
});
