import assert from 'node:assert/strict';
import type { Hand } from '../../src/engine/hand/Hand.ts';
import type { HandRecord, HandRepository } from '../../src/persistence/types.ts';
import { loadPlayerStats, STATS_HAND_LIMIT } from '../../src/stats/load-player-stats.ts';
import { limpedPot, raisedPot } from './hands.ts';

const HERO = 'hero';

/** A hand where the hero is the big blind (index 1), ended `minute` minutes into the day. */
function record(id: string, hand: Hand, minute: number): HandRecord {
  const at = new Date(Date.UTC(2026, 10, 30) + minute * 60_000);
  return {
    id, tableId: 't', handNumber: minute, variant: 'NT', startedAt: at, endedAt: at,
    playerIds: ['villain-1', HERO, 'villain-2'], state: hand.state, rake: 0,
  };
}

/** A repository over a fixed list, newest first, that remembers what it was asked. */
function repositoryOf(records: HandRecord[], shift?: { afterCall: number; record: HandRecord }) {
  const calls: { limit: number; offset: number; to?: Date }[] = [];
  const repository: Pick<HandRepository, 'list'> = {
    async list(filter) {
      calls.push({ limit: filter.limit, offset: filter.offset, to: filter.to });
      // A late write: a hand with an older end time appears between two pages.
      if (shift && calls.length === shift.afterCall + 1) records.push(shift.record);
      const matching = records
        .filter((r) => r.playerIds.includes(filter.playerId as string) && (!filter.to || r.endedAt < filter.to))
        .sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime());
      return matching.slice(filter.offset, filter.offset + filter.limit);
    },
  };
  return { repository, calls };
}

describe('stats: loading a player\'s statistics', () => {
  // Hero's facts: the raised pot is a VPIP hand lost at showdown for -76, the limped pot -2 without showdown.
  const five = (): HandRecord[] => [
    record('a', raisedPot(), 1), record('b', limpedPot(), 2), record('c', limpedPot(), 3), record('d', raisedPot(), 4), record('e', limpedPot(), 5),
  ];

  it('when the hands span several pages then every hand counts once and the sample is complete', async () => {
    const { repository, calls } = repositoryOf(five());
    const now = new Date(Date.UTC(2026, 11, 1));

    const answer = await loadPlayerStats(repository, HERO, { pageSize: 2, now });

    assert.equal(answer.overall.hands, 5);
    assert.equal(answer.overall.vpip, 2 / 5);
    assert.equal(answer.overall.netWinnings, 2 * -76 + 3 * -2);
    assert.deepEqual(answer.sample, { hands: 5, limit: STATS_HAND_LIMIT, complete: true });
    assert.deepEqual(calls.map(({ limit, offset }) => [limit, offset]), [[2, 0], [2, 2], [2, 4]]);
    assert.ok(calls.every((call) => call.to?.getTime() === now.getTime()), 'every page ends at the same instant');
  });

  it('when the player has more hands than the limit then only the latest count and the sample says it is incomplete', async () => {
    const { repository } = repositoryOf(five());

    const answer = await loadPlayerStats(repository, HERO, { pageSize: 2, limit: 3 });

    assert.deepEqual(answer.sample, { hands: 3, limit: 3, complete: false });
    assert.equal(answer.overall.netWinnings, -2 + -76 + -2, 'hands e, d and c, the newest');
  });

  it('when the player has exactly as many hands as the limit then the sample is complete', async () => {
    const { repository } = repositoryOf(five());

    const answer = await loadPlayerStats(repository, HERO, { pageSize: 2, limit: 5 });

    assert.deepEqual(answer.sample, { hands: 5, limit: 5, complete: true });
  });

  it('when a hand is written late between two pages then no hand is counted twice', async () => {
    // Ending between e and d, it pushes d onto the second page after the first was read.
    const { repository } = repositoryOf(five(), { afterCall: 1, record: record('late', limpedPot(), 4.5) });

    const answer = await loadPlayerStats(repository, HERO, { pageSize: 2 });

    assert.equal(answer.overall.hands, 5, 'd once; the late hand is left for the next report');
    assert.equal(answer.overall.netWinnings, 2 * -76 + 3 * -2);
  });

  it('when the player has no hands then the report is empty with null rates', async () => {
    const { repository } = repositoryOf([]);

    const answer = await loadPlayerStats(repository, HERO);

    assert.equal(answer.overall.hands, 0);
    assert.equal(answer.overall.vpip, null);
    assert.deepEqual(answer.byVariant, {});
    assert.deepEqual(answer.sample, { hands: 0, limit: STATS_HAND_LIMIT, complete: true });
  });
});
