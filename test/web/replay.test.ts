import assert from 'node:assert/strict';
import { replayFrames, type HandDetail } from '../../web/src/play/history/replay.ts';

/** Heads-up: the caller (seat 2) raises, seat 0 folds; players in hand order, the button last. */
function hand(): HandDetail {
  return {
    handId: 'h1', tableId: 't1', handNumber: 7, variant: 'NT', startedAt: '2026-12-01T10:00:00.000Z', endedAt: '2026-12-01T10:00:20.000Z',
    seat: 2, net: 2, board: [], boards: [[]], holeCards: ['Ah', 'Kh'], pot: 4, rake: 0,
    players: [
      { seat: 0, playerId: 'bb', cards: ['??', '??'], shown: false, folded: true, net: -2 },
      { seat: 2, playerId: 'me', cards: ['Ah', 'Kh'], shown: false, folded: false, net: 2 },
    ],
    actions: [
      { type: 'blind', seat: 2, amount: 1 },
      { type: 'blind', seat: 0, amount: 2 },
      { type: 'dealHole', seat: 0, cards: ['??', '??'] },
      { type: 'dealHole', seat: 2, cards: ['Ah', 'Kh'] },
      { type: 'raise', seat: 2, to: 6, allIn: false },
      { type: 'fold', seat: 0 },
      { type: 'returnBet', seat: 2, amount: 4 },
      { type: 'collect', amount: 4 },
      { type: 'award', seat: 2, amount: 4, pot: 0, board: 0, handType: 'high' },
    ],
  };
}

describe('web: the hand replayer (replayFrames)', () => {
  it('when a stored hand is replayed then each step is a frame, the deal counted once', () => {
    const frames = replayFrames(hand());
    assert.deepEqual(frames.map((frame) => frame.text), [
      'Hand #7 begins', 'You post 1', 'Seat 1 posts 2', 'Cards are dealt', 'You raise to 6', 'Seat 1 folds',
      '4 uncalled goes back to you', 'The bets go into the pot', 'You win 4',
    ]);
  });

  it('when the cards are dealt then the caller sees their own cards and the opponent face down', () => {
    const dealt = replayFrames(hand())[3].model;
    assert.deepEqual(dealt.seats[2]?.cards, ['Ah', 'Kh']);
    assert.deepEqual(dealt.seats[0]?.cards, ['??', '??']);
    assert.equal(dealt.bottomSeat, 2);
    assert.equal(dealt.button, 2, 'the last player in hand order is the button');
  });

  it('when bets go in and come back then the pot and the bets add up at every step, and the winner is marked at the end', () => {
    const frames = replayFrames(hand());
    assert.equal(frames[4].model.seats[2]?.bet, 6);
    assert.deepEqual(frames[4].model.pots, [8]);
    assert.equal(frames[6].model.seats[2]?.bet, 2, 'the uncalled raise went back');
    assert.deepEqual(frames[7].model.pots, [4]);
    assert.equal(frames[7].model.seats[2]?.bet, 0);
    const last = frames[frames.length - 1].model;
    assert.equal(last.seats[2]?.won, 4);
    assert.deepEqual(last.pots, [0]);
    assert.equal(last.seats[0]?.status, 'folded');
  });
});
