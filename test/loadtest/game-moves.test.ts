import assert from 'node:assert/strict';
import { canMove, chooseMove, sensibleDiscard } from '../../loadtest/game-moves.ts';
import type { LegalView } from '../../loadtest/strategy.ts';

const NONE: LegalView = { fold: false, check: false, call: false, callAmount: 0, minRaiseTo: 0, maxRaiseTo: 0, bringIn: false, draw: false, maxDiscards: 0 };

describe('loadtest bots in every game', () => {
  it('when the seat may only bring in or only draw then the bot sees a turn, and when it may do nothing then not', () => {
    assert.equal(canMove({ ...NONE, bringIn: true }), true);
    assert.equal(canMove({ ...NONE, draw: true, maxDiscards: 5 }), true);
    assert.equal(canMove(NONE), false);
    assert.equal(canMove(undefined), false);
  });

  it('when it is the bot\'s turn to draw then it sends a draw of cards it holds, never more than it may', () => {
    const move = chooseMove({ ...NONE, draw: true, maxDiscards: 5 }, ['Kd', '7c', '7h', '2s', '3d'], 'F2L3D', 'draw1', () => 0.5);
    assert.deepEqual(move, { type: 'draw', message: { discard: ['Kd', '7h'] } });
  });

  it('when the bot must bring in then it posts it, or completes on a low roll', () => {
    const legal = { ...NONE, bringIn: true, minRaiseTo: 4, maxRaiseTo: 4 };
    assert.deepEqual(chooseMove(legal, [], 'F7S', 'third', () => 0.9), { type: 'act', message: { action: 'bringIn' } });
    assert.deepEqual(chooseMove(legal, [], 'F7S', 'third', () => 0.1), { type: 'act', message: { action: 'raise', amount: 4 } });
  });

  it('when nobody has bet on stud\'s or draw\'s first street then a raise is a raise (the forced bets count), and later a bet', () => {
    const legal = { ...NONE, fold: true, check: true, minRaiseTo: 4, maxRaiseTo: 4 };
    assert.deepEqual(chooseMove(legal, [], 'F7S', 'third', () => 0.99), { type: 'act', message: { action: 'raise', amount: 4 } });
    assert.deepEqual(chooseMove(legal, [], 'F2L3D', 'predraw', () => 0.99), { type: 'act', message: { action: 'raise', amount: 4 } });
    assert.deepEqual(chooseMove(legal, [], 'F7S', 'fifth', () => 0.99), { type: 'act', message: { action: 'bet', amount: 4 } });
  });

  it('when a 2-7 hand is judged then pairs and cards above eight go, the highest first; aces are high', () => {
    assert.deepEqual(sensibleDiscard(['2c', '3d', '4h', '5s', '7c'], 'F2L3D', 5), [], 'a seven-low stands pat');
    assert.deepEqual(sensibleDiscard(['Ac', '3d', '3h', '9s', '7c'], 'N2L1D', 5), ['Ac', '9s', '3h']);
    assert.deepEqual(sensibleDiscard(['Ac', 'Kd', 'Qh', 'Js', 'Tc'], 'F2L3D', 3), ['Ac', 'Kd', 'Qh'], 'at most maxDiscards');
  });

  it('when a badugi hand is judged then the lowest cards of four different suits and ranks stay, aces low', () => {
    assert.deepEqual(sensibleDiscard(['Ac', '2d', '3h', '4s'], 'FB', 4), [], 'a badugi stands pat');
    assert.deepEqual(sensibleDiscard(['Ac', '2c', '3h', '3s'], 'FB', 4), ['3s', '2c']);
  });
});
