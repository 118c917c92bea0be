import assert from 'node:assert/strict';
import { liveFeltModel } from '../../web/src/shared/felt-model.ts';
import { seat, table } from './views.ts';

const noScene = { contenders: new Set([0, 1, 2]), winners: null, clock: null };

describe('web: the felt as one viewer sees it (liveFeltModel)', () => {
  it('when a watcher looks at a hand in play then every player in it shows face-down cards only', () => {
    const view = table({ seats: [seat(0, 'Ann'), seat(1, 'Bob'), seat(2, 'Cy', { status: 'folded' })] });
    const model = liveFeltModel(view, { ...noScene, playerId: null, contenders: new Set([0, 1]) });
    assert.deepEqual(model.seats[0]?.cards, ['??', '??']);
    assert.deepEqual(model.seats[1]?.cards, ['??', '??']);
    assert.deepEqual(model.seats[2]?.cards, [], 'a folded hand is gone from the felt');
    assert.equal(model.bottomSeat, -1);
  });

  it('when the viewer is seated then their own cards are face up, their seat is at the bottom, others stay face down', () => {
    const view = table({ seats: [seat(0, 'Ann'), seat(1, 'Bob', { cards: ['Ks', 'Kh'] })] });
    const model = liveFeltModel(view, { ...noScene, playerId: 'p-Bob' });
    assert.deepEqual(model.seats[1]?.cards, ['Ks', 'Kh']);
    assert.equal(model.seats[1]?.isMe, true);
    assert.equal(model.bottomSeat, 1);
    assert.deepEqual(model.seats[0]?.cards, ['??', '??']);
  });

  it('when a player shows at showdown then their shown cards are face up for everyone', () => {
    const view = table({ phase: 'showdown', seats: [seat(0, 'Ann', { shownCards: ['2c', '2d'] }), seat(1, 'Bob')] });
    const model = liveFeltModel(view, { ...noScene, playerId: null });
    assert.deepEqual(model.seats[0]?.cards, ['2c', '2d']);
    assert.deepEqual(model.seats[1]?.cards, ['??', '??']);
  });

  it('when the hand is over then the winners are marked with what they won and named in the caption', () => {
    const view = table({ phase: 'showdown', pots: [], seats: [seat(0, 'Ann', { stack: 130 }), seat(1, 'Bob')] });
    const model = liveFeltModel(view, { ...noScene, playerId: null, winners: [{ seat: 0, name: 'Ann', amount: 30 }] });
    assert.equal(model.seats[0]?.won, 30);
    assert.equal(model.seats[1]?.won, 0);
    assert.equal(model.caption, 'Ann wins 30');
  });

  it('when Omaha is played then a watcher sees four face-down cards per player', () => {
    const view = table({ variant: 'PO', seats: [seat(0, 'Ann'), seat(1, 'Bob')] });
    assert.equal(liveFeltModel(view, { ...noScene, playerId: null }).seats[0]?.cards.length, 4);
  });
});
