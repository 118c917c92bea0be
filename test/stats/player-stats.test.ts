import assert from 'node:assert/strict';
import { emptyTally, PlayerStatsTally, statsOf } from '../../src/stats/player-stats.ts';
import { limpedPot, omahaCheckDown, raisedPot } from './hands.ts';

describe('stats: player statistics', () => {
  it('when a player\'s hands are tallied then every rate is the share worked out by hand, overall and per variant', () => {
    const tally = new PlayerStatsTally();
    // The hero is the big blind in all three: calls down and loses (NT), checks the option and folds the flop (NT),
    // checks down and wins (PO).
    tally.add('NT', raisedPot().state, 1);
    tally.add('NT', limpedPot().state, 1);
    tally.add('PO', omahaCheckDown().state, 0);

    const { overall, byVariant } = tally.report();

    assert.deepEqual(
      { ...overall, counts: undefined },
      { hands: 3, vpip: 1 / 3, pfr: 0, aggressionFactor: 1 / 3, wentToShowdown: 2 / 3, wonAtShowdown: 1 / 2, netWinnings: -76, counts: undefined },
    );
    assert.deepEqual(overall.counts, {
      hands: 3, vpipHands: 1, pfrHands: 0, betsAndRaises: 1, calls: 3, sawSecondStreet: 3, showdowns: 2, wonAtShowdown: 1, netWinnings: -76,
    });
    assert.deepEqual(Object.keys(byVariant), ['NT', 'PO']);
    assert.deepEqual(
      { ...byVariant.NT, counts: undefined },
      { hands: 2, vpip: 1 / 2, pfr: 0, aggressionFactor: 1 / 3, wentToShowdown: 1 / 2, wonAtShowdown: 0, netWinnings: -78, counts: undefined },
    );
    assert.deepEqual(
      { ...byVariant.PO, counts: undefined },
      { hands: 1, vpip: 0, pfr: 0, aggressionFactor: null, wentToShowdown: 1, wonAtShowdown: 1, netWinnings: 2, counts: undefined },
    );
  });

  it('when the raiser\'s hands are tallied then PFR and aggression count their raises and bets', () => {
    const tally = new PlayerStatsTally();
    tally.add('NT', raisedPot().state, 2);
    tally.add('NT', limpedPot().state, 2);

    const { overall } = tally.report();

    assert.equal(overall.vpip, 1, 'raised one, limped the other');
    assert.equal(overall.pfr, 1 / 2);
    assert.equal(overall.aggressionFactor, 3 / 1, 'three bets and raises, one call (the limp)');
    assert.equal(overall.wentToShowdown, 1 / 2);
    assert.equal(overall.wonAtShowdown, 1);
    assert.equal(overall.netWinnings, 77 - 2);
  });

  it('when nothing could be measured then the rates are null, not zero', () => {
    assert.deepEqual(statsOf(emptyTally()), {
      hands: 0, vpip: null, pfr: null, aggressionFactor: null, wentToShowdown: null, wonAtShowdown: null, netWinnings: 0, counts: emptyTally(),
    });
    const folder = new PlayerStatsTally();
    folder.add('NT', raisedPot().state, 0);
    const { overall } = folder.report();
    assert.deepEqual([overall.vpip, overall.aggressionFactor, overall.wentToShowdown, overall.wonAtShowdown], [0, null, null, null]);
  });
});
