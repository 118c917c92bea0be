import assert from 'node:assert/strict';
import { verifyTableGame } from '../../../src/engine/table/stakes.ts';
import { BettingStructure, VARIANTS, hasDraws, usesBringIn } from '../../../src/engine/variants.ts';
import {
  DRAW_TABLE_SEATS,
  GameFamily,
  TOURNAMENT_VARIANTS,
  defaultStudAnte,
  isValidDefinition,
  levelStakes,
  percentToBasisPoints,
  verifyDefinition,
  type TournamentDefinition,
} from '../../../src/tournaments/rules/structure.ts';
import { mtt, refused, sng } from './helpers.ts';

const level = (smallBlind: number, bigBlind: number, ante = 0, seconds = 600) => ({ smallBlind, bigBlind, ante, seconds });

describe('verifyDefinition: the basics', () => {
  it('when a scheduled tournament and a sit-and-go are well formed then both are accepted', () => {
    assert.doesNotThrow(() => verifyDefinition(mtt()));
    assert.doesNotThrow(() => verifyDefinition(sng()));
    assert.equal(isValidDefinition(mtt()), true);
  });

  it('when the name, kind or variant is wrong then each is refused with its code', () => {
    assert.throws(() => verifyDefinition(mtt({ name: '  ' })), refused('bad_name'));
    assert.throws(() => verifyDefinition(mtt({ kind: 'knockout' as never })), refused('bad_kind'));
    assert.throws(() => verifyDefinition(mtt({ variant: 'XX' })), refused('unknown_variant'));
    assert.equal(isValidDefinition(mtt({ variant: 'XX' })), false);
  });

  it('when the buy-in, fee or starting stack is negative, fractional or zero then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ buyIn: -1 })), refused('bad_buy_in'));
    assert.throws(() => verifyDefinition(mtt({ buyIn: 1.5 })), refused('bad_buy_in'));
    assert.throws(() => verifyDefinition(mtt({ fee: -5 })), refused('bad_fee'));
    assert.throws(() => verifyDefinition(mtt({ startingStack: 0 })), refused('bad_starting_stack'));
  });

  it('when the buy-in and fee are zero (a freeroll) then it is accepted', () => {
    assert.doesNotThrow(() => verifyDefinition(mtt({ buyIn: 0, fee: 0 })));
  });

  it('when the table size does not fit the variant then it is refused, and each family has its own limit', () => {
    assert.throws(() => verifyDefinition(mtt({ tableSize: 1 })), refused('bad_table_size'));
    assert.throws(() => verifyDefinition(mtt({ tableSize: 11 })), refused('bad_table_size'));
    assert.doesNotThrow(() => verifyDefinition(mtt({ tableSize: 10 })));
    const stud = [level(5, 10, 2), level(10, 20, 4)];
    assert.doesNotThrow(() => verifyDefinition(mtt({ variant: 'F7S', tableSize: 8, levels: stud })));
    assert.throws(() => verifyDefinition(mtt({ variant: 'F7S', tableSize: 9, levels: stud })), refused('bad_table_size'));
    assert.doesNotThrow(() => verifyDefinition(mtt({ variant: 'F2L3D', tableSize: 6 })));
    assert.throws(() => verifyDefinition(mtt({ variant: 'FB', tableSize: 7 })), refused('bad_table_size'));
  });

  it('when the seat table is read then every PHH code of the games has its maximum', () => {
    const seats = Object.fromEntries(Object.entries(TOURNAMENT_VARIANTS).map(([code, v]) => [code, v.maxSeats]));
    assert.deepEqual(seats, {
      NT: 10, FT: 10, NS: 10, PO: 10, 'FO/8': 10, F7S: 8, 'F7S/8': 8, FR: 8, N2L1D: 6, F2L3D: 6, FB: 6,
    });
  });

  it('when the engine deals a variant then tournaments offer it, with its family, its betting and no more seats than the engine deals', () => {
    assert.deepEqual(Object.keys(TOURNAMENT_VARIANTS).sort(), Object.keys(VARIANTS).sort());
    for (const variant of Object.values(VARIANTS)) {
      const seating = TOURNAMENT_VARIANTS[variant.code];
      const family = usesBringIn(variant) ? GameFamily.stud : hasDraws(variant) ? GameFamily.draw : GameFamily.holdem;
      assert.equal(seating.family, family, variant.code);
      assert.equal(seating.fixedLimit, variant.betting === BettingStructure.fixedLimit, variant.code);
      assert.equal(seating.maxSeats, family === GameFamily.draw ? Math.min(DRAW_TABLE_SEATS, variant.maxPlayers) : variant.maxPlayers, variant.code);
    }
  });

  it('when any variant is played at its largest table then the engine accepts every level\'s stakes as levelStakes maps them', () => {
    const levels = [level(5, 20), level(10, 40, 5), level(20, 80, 10)];
    for (const [variant, seating] of Object.entries(TOURNAMENT_VARIANTS)) {
      const def = mtt({ variant, tableSize: seating.maxSeats, levels });
      assert.doesNotThrow(() => verifyDefinition(def), variant);
      for (let n = 1; n <= levels.length; n++) {
        assert.doesNotThrow(() => verifyTableGame({ variant, ...levelStakes(def, n) }, seating.maxSeats), `${variant} level ${n}`);
      }
    }
  });

  it('when a stud level is read then there are no blinds, the small blind brings in, and the ante is the level\'s or a fifth of the small bet', () => {
    const def = mtt({ variant: 'F7S', tableSize: 8, levels: [level(5, 20), level(10, 40, 8), level(15, 60)] });
    assert.deepEqual(levelStakes(def, 1), { stakes: { smallBlind: 0, bigBlind: 0, ante: 4, bringIn: 5 }, smallBet: 20, bigBet: 40 });
    assert.deepEqual(levelStakes(def, 2), { stakes: { smallBlind: 0, bigBlind: 0, ante: 8, bringIn: 10 }, smallBet: 40, bigBet: 80 });
    assert.deepEqual(levelStakes(def, 3).stakes, { smallBlind: 0, bigBlind: 0, ante: 12, bringIn: 15 });
    assert.equal(defaultStudAnte(2), 1, 'at least one chip');
    assert.equal(defaultStudAnte(24), 4, 'rounded down');
  });

  it('when a draw level is read then its blinds and ante are posted as in hold\'em, with fixed-limit bets of one and two big blinds', () => {
    const def = mtt({ variant: 'F2L3D', tableSize: 6, levels: [level(10, 20, 2)] });
    assert.deepEqual(levelStakes(def, 1), { stakes: { smallBlind: 10, bigBlind: 20, ante: 2 }, smallBet: 20, bigBet: 40 });
    assert.deepEqual(levelStakes(mtt({ variant: 'N2L1D', tableSize: 6, levels: [level(10, 20)] }), 1).stakes, { smallBlind: 10, bigBlind: 20, ante: 0 });
  });

  it('when a stud or draw table is larger than the game seats then it is refused as bad_table_size, naming the limit', () => {
    for (const [variant, most] of [['F7S/8', 8], ['FR', 8], ['N2L1D', 6], ['F2L3D', 6], ['FB', 6]] as const) {
      assert.doesNotThrow(() => verifyDefinition(mtt({ variant, tableSize: most, levels: [level(5, 20)] })), variant);
      assert.throws(() => verifyDefinition(mtt({ variant, tableSize: most + 1, levels: [level(5, 20)] })),
        (error: Error & { code?: string }) => error.code === 'bad_table_size' && error.message.includes(`2 to ${most}`));
    }
  });

  it('when the entrant limits are below 2 or crossed then they are refused', () => {
    assert.throws(() => verifyDefinition(mtt({ minEntrants: 1 })), refused('bad_entrants'));
    assert.throws(() => verifyDefinition(mtt({ minEntrants: 20, maxEntrants: 10 })), refused('bad_entrants'));
    assert.throws(() => verifyDefinition(mtt({ maxEntrants: 1_000_000 })), refused('bad_entrants'));
  });

  it('when a scheduled tournament has no start time, or a sit-and-go has one, then it is refused', () => {
    const { startsAt: _, ...noStart } = mtt();
    assert.throws(() => verifyDefinition(noStart as TournamentDefinition), refused('bad_starts_at'));
    assert.throws(() => verifyDefinition(sng({ startsAt: 1_900_000_000_000 })), refused('bad_starts_at'));
  });

  it('when now is given and the start time has passed then it is refused', () => {
    const def = mtt({ startsAt: 1000 });
    assert.throws(() => verifyDefinition(def, 1000), refused('bad_starts_at'));
    assert.doesNotThrow(() => verifyDefinition(def, 999));
  });
});

describe('verifyDefinition: levels', () => {
  it('when there are no levels then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ levels: [] })), refused('no_levels'));
  });

  it('when a blind is zero or negative, or the small blind exceeds the big blind, then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ levels: [level(0, 50)] })), refused('bad_blinds'));
    assert.throws(() => verifyDefinition(mtt({ levels: [level(25, -50)] })), refused('bad_blinds'));
    assert.throws(() => verifyDefinition(mtt({ levels: [level(60, 50)] })), refused('bad_blinds'));
    assert.throws(() => verifyDefinition(mtt({ levels: [level(25, 50, -1)] })), refused('bad_blinds'));
  });

  it('when a level repeats or lowers the one before then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ levels: [level(25, 50), level(25, 50)] })), refused('blinds_not_increasing'));
    assert.throws(() => verifyDefinition(mtt({ levels: [level(50, 100), level(25, 200)] })), refused('blinds_not_increasing'));
    assert.throws(() => verifyDefinition(mtt({ levels: [level(50, 100, 10), level(50, 100, 0)] })), refused('blinds_not_increasing'));
  });

  it('when a level keeps the blinds and adds an ante then it is accepted', () => {
    assert.doesNotThrow(() => verifyDefinition(mtt({ levels: [level(100, 200), level(100, 200, 25)] })));
  });

  it('when a level lasts no time then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ levels: [level(25, 50, 0, 0)] })), refused('bad_level_seconds'));
  });

  it('when a stud level has a bring-in as large as the small bet then it is refused', () => {
    const def = mtt({ variant: 'FR', tableSize: 8, levels: [level(10, 10, 2)] });
    assert.throws(() => verifyDefinition(def), refused('bad_blinds'));
  });

  it('when a stud tournament asks for a big-blind ante then it is refused, and a hold\'em one may have it', () => {
    const stud = mtt({ variant: 'F7S', tableSize: 8, levels: [level(5, 10, 2)], bigBlindAnte: true });
    assert.throws(() => verifyDefinition(stud), refused('bad_big_blind_ante'));
    assert.doesNotThrow(() => verifyDefinition(mtt({ bigBlindAnte: true })));
  });

  it('when a fixed-limit level is read then the small bet is the big blind and the big bet twice it', () => {
    const def = mtt({ variant: 'FT', levels: [level(10, 20), level(20, 40, 5)] });
    assert.deepEqual(levelStakes(def, 2), { stakes: { smallBlind: 20, bigBlind: 40, ante: 5 }, smallBet: 40, bigBet: 80 });
  });

  it('when a level past the last is read then the last level holds, with the big-blind ante flag', () => {
    const def = mtt({ bigBlindAnte: true });
    assert.deepEqual(levelStakes(def, 9).stakes, { smallBlind: 100, bigBlind: 200, ante: 25, bigBlindAnte: true });
    assert.throws(() => levelStakes(def, 0), refused('bad_level'));
  });
});

describe('verifyDefinition: breaks, late registration, rebuys and add-ons', () => {
  it('when only one of breakEvery and breakSeconds is given then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ breakEvery: 2 })), refused('bad_breaks'));
    assert.throws(() => verifyDefinition(mtt({ breakSeconds: 300 })), refused('bad_breaks'));
    assert.doesNotThrow(() => verifyDefinition(mtt({ breakEvery: 2, breakSeconds: 300 })));
  });

  it('when late registration runs past the levels, or a sit-and-go has it, then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ lateRegistrationLevels: 5 })), refused('bad_late_registration'));
    assert.throws(() => verifyDefinition(sng({ lateRegistrationLevels: 2 })), refused('bad_late_registration'));
    assert.doesNotThrow(() => verifyDefinition(mtt({ lateRegistrationLevels: 4 })));
  });

  it('when re-entries are allowed without late registration then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ reEntries: 2 })), refused('bad_re_entry'));
    assert.doesNotThrow(() => verifyDefinition(mtt({ reEntries: 2, lateRegistrationLevels: 2 })));
  });

  it('when a rebuy gives no chips, allows none, or ends after the last level then it is refused', () => {
    const rebuy = { maxCount: 2, stackAtOrBelow: 10_000, chips: 10_000, price: 100 };
    assert.doesNotThrow(() => verifyDefinition(mtt({ rebuy })));
    assert.throws(() => verifyDefinition(mtt({ rebuy: { ...rebuy, chips: 0 } })), refused('bad_rebuy'));
    assert.throws(() => verifyDefinition(mtt({ rebuy: { ...rebuy, maxCount: 0 } })), refused('bad_rebuy'));
    assert.throws(() => verifyDefinition(mtt({ rebuy: { ...rebuy, price: -1 } })), refused('bad_rebuy'));
    assert.throws(() => verifyDefinition(mtt({ rebuy: { ...rebuy, untilLevel: 5 } })), refused('bad_rebuy'));
  });

  it('when an add-on is set without breaks, or at a break that never comes, then it is refused', () => {
    const addOn = { atBreak: 1, chips: 5000, price: 50 };
    assert.throws(() => verifyDefinition(mtt({ addOn })), refused('bad_add_on'));
    // Four levels with a break every two: one break (after level 2), none after the last level.
    assert.doesNotThrow(() => verifyDefinition(mtt({ addOn, breakEvery: 2, breakSeconds: 300 })));
    assert.throws(
      () => verifyDefinition(mtt({ addOn: { ...addOn, atBreak: 2 }, breakEvery: 2, breakSeconds: 300 })),
      refused('bad_add_on'),
    );
  });

  it('when the totals could exceed exact integers then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ startingStack: 2 ** 50 })), refused('amounts_too_large'));
  });
});

describe('verifyDefinition: payouts', () => {
  it('when percentages sum to 100 then they are accepted, two decimals included', () => {
    assert.doesNotThrow(() => verifyDefinition(mtt({ payouts: [50, 30, 20] })));
    assert.doesNotThrow(() => verifyDefinition(mtt({ payouts: [33.34, 33.33, 33.33] })));
  });

  it('when percentages do not sum to 100 then it is refused with payouts_not_100', () => {
    assert.throws(() => verifyDefinition(mtt({ payouts: [50, 30, 10] })), refused('payouts_not_100'));
    assert.throws(() => verifyDefinition(mtt({ payouts: [50, 30, 20.01] })), refused('payouts_not_100'));
  });

  it('when a share has three decimals, is not positive, or a lower place gets more then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ payouts: [50.005, 49.995] })), refused('bad_payouts'));
    assert.throws(() => verifyDefinition(mtt({ payouts: [100, 0] })), refused('bad_payouts'));
    assert.throws(() => verifyDefinition(mtt({ payouts: [30, 70] })), refused('bad_payouts'));
    assert.throws(() => verifyDefinition(mtt({ payouts: [] })), refused('bad_payouts'));
  });

  it('when a flat list pays more places than the smallest field has players then it is refused', () => {
    assert.throws(() => verifyDefinition(mtt({ minEntrants: 2, payouts: [50, 30, 20] })), refused('bad_payouts'));
  });

  it('when payout tiers cover every field size then they are accepted, and gaps or disorder are refused', () => {
    const tiers = [
      { fromEntrants: 10, percents: [60, 40] },
      { fromEntrants: 50, percents: [40, 25, 15, 12, 8] },
    ];
    assert.doesNotThrow(() => verifyDefinition(mtt({ payouts: tiers })));
    assert.throws(() => verifyDefinition(mtt({ payouts: [{ fromEntrants: 20, percents: [100] }] })), refused('bad_payouts'));
    assert.throws(() => verifyDefinition(mtt({ payouts: [...tiers].reverse() })), refused('bad_payouts'));
    assert.throws(
      () => verifyDefinition(mtt({ payouts: [{ fromEntrants: 10, percents: [60, 30] }] })),
      refused('payouts_not_100'),
    );
  });

  it('when a percentage is converted then it becomes whole basis points, or null when it cannot', () => {
    assert.equal(percentToBasisPoints(33.33), 3333);
    assert.equal(percentToBasisPoints(12.5), 1250);
    assert.equal(percentToBasisPoints(0.001), null);
    assert.equal(percentToBasisPoints(-1), null);
  });
});
