import assert from 'node:assert/strict';
import { stakesLabel } from '../../src/tables/settings.ts';

describe('stakesLabel', () => {
  it('when a big-bet game has blinds then the label is the blinds', () => {
    assert.equal(stakesLabel({ smallBlind: 1, bigBlind: 2, ante: 0, smallBet: 0, bigBet: 0 }), '1/2');
  });

  it('when a game has an ante then the label says it', () => {
    assert.equal(stakesLabel({ smallBlind: 0, bigBlind: 2, ante: 1, smallBet: 0, bigBet: 0 }), '0/2 ante 1');
  });

  it('when a fixed-limit game has bets then the label is the small and big bet, as lobbies write limit stakes', () => {
    assert.equal(stakesLabel({ smallBlind: 1, bigBlind: 2, ante: 0, smallBet: 2, bigBet: 4 }), '2/4');
  });
});
