import assert from 'node:assert/strict';
import { IllegalActionError } from '../../../src/engine/errors.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { TournamentTable } from '../../../src/engine/tournament/TournamentTable.ts';
import type { TournamentDeal, TournamentTableSetup } from '../../../src/engine/tournament/state.ts';
import { levelStakes, type Level } from '../../../src/tournaments/rules/structure.ts';

const LEVELS: Level[] = [
  { smallBlind: 5, bigBlind: 20, ante: 0, seconds: 60 },
  { smallBlind: 10, bigBlind: 40, ante: 5, seconds: 60 },
];

function setup(variant: string, maxSeats: number): TournamentTableSetup {
  return {
    tableId: 't1', name: 'Variant — table 1', tournamentId: 'tour1', number: 1, variant, maxSeats,
    level: 1, ...levelStakes({ variant, levels: LEVELS }, 1),
    actionMs: 10_000, timeBankMs: 5_000, pauseMs: 1_000, reconnectMs: 30_000,
  };
}

function order(variant: string, handNumber: number, level: number): TournamentDeal {
  return { handNumber, level, ...levelStakes({ variant, levels: LEVELS }, level) };
}

/** A table of `variant` with three players of 1000 chips on seats 0, 2 and 4. */
function seated(variant: string, maxSeats: number): TournamentTable {
  const t = TournamentTable.create(setup(variant, maxSeats), seededRandom(7));
  t.seatPlayers(['ann', 'bob', 'cat'].map((playerId, i) => ({ moveId: `m-${playerId}`, playerId, name: playerId, seat: i * 2, stack: 1_000 })), 0);
  return t;
}

/** Plays the hand out: a bring-in is posted, draws stand pat, bets are checked or folded. */
function playOut(t: TournamentTable, now: number): void {
  for (let i = 0; i < 200 && t.state.hand; i++) {
    const legal = t.hand!.legalActions()!;
    const actor = t.state.info[t.actorSeat()]!.playerId;
    if (legal.draw) t.act(actor, { action: 'draw', discard: [] }, now);
    else if (legal.bringIn) t.act(actor, { action: 'bringIn' }, now);
    else t.act(actor, { action: legal.check ? 'check' : 'fold' }, now);
  }
  assert.equal(t.state.hand, null, 'the hand ended');
}

describe('tournament table: stud and draw at the level stakes', () => {
  it('when a stud hand is ordered then nobody posts a blind, everyone antes (a fifth of the small bet at ante 0), and the low card brings in', () => {
    const t = seated('F7S', 8);
    assert.equal(t.deal(order('F7S', 1, 1), 0).accepted, true);
    const hand = t.hand!;
    assert.deepEqual(hand.state.config.antes, [4, 4, 4]);
    assert.deepEqual(hand.state.config.blindsOrStraddles, [0, 0, 0]);
    assert.equal(hand.state.config.bringIn, 5);
    assert.deepEqual([hand.state.config.smallBet, hand.state.config.bigBet], [20, 40]);
    assert.equal(hand.state.bringInPending, true);
    assert.equal(hand.legalActions()?.bringIn, true);
    assert.equal(t.state.seating.button, -1, 'stud has no button');
    playOut(t, 0);
    assert.equal(t.chipsOnTable(), 3_000);
    const report = t.pendingReport!;
    assert.equal(report.handNumber, 1);
    assert.deepEqual([report.button, report.smallBlindSeat, report.bigBlindSeat], [-1, -1, -1]);
  });

  it('when a stud level with an ante is ordered then the next hand antes it and brings in the level\'s small blind', () => {
    const t = seated('F7S/8', 8);
    t.deal(order('F7S/8', 1, 1), 0);
    playOut(t, 0);
    assert.equal(t.deal(order('F7S/8', 2, 2), 10_000).accepted, true);
    const config = t.hand!.state.config;
    assert.deepEqual(config.antes, [5, 5, 5]);
    assert.equal(config.bringIn, 10);
    assert.deepEqual([config.smallBet, config.bigBet], [40, 80]);
    playOut(t, 10_000);
    assert.equal(t.chipsOnTable(), 3_000);
  });

  it('when a stud table is ordered hold\'em stakes (blinds, no bring-in) then it is refused and deals nothing', () => {
    const t = seated('FR', 8);
    const blinds: TournamentDeal = { handNumber: 1, level: 1, stakes: { smallBlind: 5, bigBlind: 20, ante: 0 }, smallBet: 20, bigBet: 40 };
    assert.throws(() => t.deal(blinds, 0), (error) => error instanceof IllegalActionError && error.code === 'bad_stakes');
    assert.equal(t.state.hand, null);
  });

  it('when a draw hand is ordered then the blinds are posted as in hold\'em and the players draw', () => {
    const t = seated('F2L3D', 6);
    assert.equal(t.deal(order('F2L3D', 1, 1), 0).accepted, true);
    const config = t.hand!.state.config;
    assert.deepEqual([...config.blindsOrStraddles].sort((a, b) => a - b), [0, 5, 20]);
    assert.deepEqual([config.smallBet, config.bigBet], [20, 40]);
    assert.ok(t.state.seating.button >= 0, 'a draw game has a button');
    let drew = false;
    for (let i = 0; i < 200 && t.state.hand; i++) {
      const legal = t.hand!.legalActions()!;
      const actor = t.state.info[t.actorSeat()]!.playerId;
      if (legal.draw) {
        drew = true;
        t.act(actor, { action: 'draw', discard: [t.hand!.state.hole[legal.player][0]] }, 0);
      } else t.act(actor, { action: legal.check ? 'check' : 'call' }, 0);
    }
    assert.ok(drew, 'someone drew');
    assert.equal(t.state.hand, null);
    assert.equal(t.chipsOnTable(), 3_000);
  });
});
