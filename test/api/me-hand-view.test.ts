import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Hand } from '../../src/engine/hand/Hand.ts';
import { myHandDetail, myHandSummary, playerIndexOf } from '../../src/api/me-hand-view.ts';
import type { HandRecord } from '../../src/persistence/types.ts';
import { finishStreet, nlConfig, startHand } from '../engine/hand/helpers.ts';

const ANN = 'ann-id';
const BOB = 'bob-id';
const BOARD = '2c7d9hJs3c';

/** A finished engine hand as the rooms store it: players in hand order, the whole state. */
function stored(hand: Hand, playerIds: string[]): HandRecord {
  return {
    id: randomUUID(), tableId: 'table-1', handNumber: 7, variant: hand.state.config.variant,
    startedAt: new Date('2026-11-30T10:00:00Z'), endedAt: new Date('2026-11-30T10:01:00Z'),
    playerIds, state: JSON.parse(JSON.stringify(hand.state)), rake: hand.rake(),
  };
}

/** Every card named anywhere in a view. */
function cardsIn(view: unknown): Set<string> {
  return new Set([...JSON.stringify(view).matchAll(/"([2-9TJQKA][cdhs])"/g)].map((match) => match[1]));
}

/**
 * Heads-up, Ann (index 0, big blind, seat 3) holds KsKd and Bob (index 1,
 * button, seat 5) AsAd. Everyone checks to the river, where Bob bets 10 and
 * Ann calls: Bob shows first as the last aggressor, and Ann, beaten, mucks.
 */
function riverShowdown(): HandRecord {
  const hand = startHand(nlConfig([100, 100], { seats: [3, 5] }), ['KsKd', 'AsAd'], BOARD);
  hand.call(1);
  hand.check(0);
  finishStreet(hand);
  finishStreet(hand);
  hand.check(0);
  hand.raiseTo(1, 10);
  hand.call(0);
  while (hand.phase === 'showdown') hand.showOrMuck();
  assert.equal(hand.isComplete, true);
  return stored(hand, [ANN, BOB]);
}

/** Bob raises to 6 from the button and Ann folds her big blind: no board, no showdown. */
function preflopFold(): HandRecord {
  const hand = startHand(nlConfig([100, 100], { seats: [3, 5] }), ['KsKd', 'AsAd'], BOARD);
  hand.raiseTo(1, 6);
  hand.fold(0);
  assert.equal(hand.isComplete, true);
  return stored(hand, [ANN, BOB]);
}

describe('api: my hand view', () => {
  it('when the opponent shows at showdown then the loser sees their own cards and the shown ones', () => {
    const record = riverShowdown();

    const view = myHandSummary(record, playerIndexOf(record, ANN));

    assert.deepEqual(view.holeCards, ['Ks', 'Kd']);
    assert.equal(view.seat, 3);
    assert.deepEqual(view.board, ['2c', '7d', '9h', 'Js', '3c']);
    assert.deepEqual(view.boards, [view.board]);
    assert.equal(view.net, -12, 'the big blind of 2 and the river call of 10');
    assert.equal(view.pot, 24);
    assert.deepEqual(view.players, [
      { seat: 3, playerId: ANN, cards: ['Ks', 'Kd'], shown: false, folded: false, net: -12 },
      { seat: 5, playerId: BOB, cards: ['As', 'Ad'], shown: true, folded: false, net: 12 },
    ]);
    assert.deepEqual(
      { handId: view.handId, tableId: view.tableId, handNumber: view.handNumber, variant: view.variant, startedAt: view.startedAt, endedAt: view.endedAt },
      { handId: record.id, tableId: 'table-1', handNumber: 7, variant: 'NT', startedAt: '2026-11-30T10:00:00.000Z', endedAt: '2026-11-30T10:01:00.000Z' },
    );
  });

  it('when the opponent mucks at showdown then the winner sees only their own hole cards and the board', () => {
    const record = riverShowdown();

    const detail = myHandDetail(record, playerIndexOf(record, BOB));

    assert.deepEqual(detail.holeCards, ['As', 'Ad']);
    assert.deepEqual(detail.players[0], { seat: 3, playerId: ANN, cards: ['??', '??'], shown: false, folded: false, net: -12 });
    assert.deepEqual([...cardsIn(detail)].sort(), ['2c', '3c', '7d', '9h', 'Ad', 'As', 'Js'].sort(), 'nothing of Ann\'s hand, the deck or the burns');
    const annDealt = detail.actions.find((action) => action.type === 'dealHole' && action.seat === 3);
    assert.deepEqual(annDealt, { type: 'dealHole', seat: 3, cards: ['??', '??'] });
    assert.deepEqual(detail.actions.filter((action) => action.type === 'show' || action.type === 'muck'), [
      { type: 'show', seat: 5, cards: ['As', 'Ad'] },
      { type: 'muck', seat: 3 },
    ]);
  });

  it('when the opponent folds then neither player\'s view has the other\'s cards, in the summary or the actions', () => {
    const record = preflopFold();

    for (const [me, own, other] of [[ANN, ['Ks', 'Kd'], 1], [BOB, ['As', 'Ad'], 0]] as const) {
      const detail = myHandDetail(record, playerIndexOf(record, me));
      assert.deepEqual(detail.holeCards, own);
      assert.deepEqual(detail.players[other].cards, ['??', '??']);
      assert.deepEqual([...cardsIn(detail)].sort(), [...own].sort(), `${me} sees only their own cards`);
      assert.deepEqual(detail.board, []);
    }
    const annView = myHandSummary(record, 0);
    assert.deepEqual(annView.players.map((player) => [player.folded, player.net]), [[true, -2], [false, 2]]);
  });

  it('when the actions are listed then betting steps name seats and amounts as the engine logged them', () => {
    const record = preflopFold();

    const detail = myHandDetail(record, 0);

    assert.deepEqual(detail.actions.filter((action) => action.type !== 'dealHole'), [
      { type: 'blind', seat: 3, amount: 2 },
      { type: 'blind', seat: 5, amount: 1 },
      { type: 'raise', seat: 5, to: 6, allIn: false },
      { type: 'fold', seat: 3 },
      { type: 'returnBet', seat: 5, amount: 4 },
      { type: 'collect', amount: 4 },
      { type: 'award', seat: 5, pot: 0, amount: 4, board: 0, handType: 'uncontested' },
    ]);
  });

  it('when a hand has no table seats recorded then hand indexes stand in for them', () => {
    const hand = startHand(nlConfig([100, 100]), ['KsKd', 'AsAd'], BOARD);
    hand.raiseTo(1, 6);
    hand.fold(0);

    const view = myHandSummary(stored(hand, [ANN, BOB]), 1);

    assert.equal(view.seat, 1);
    assert.deepEqual(view.players.map((player) => player.seat), [0, 1]);
  });

  it('when the caller did not play the hand then their index is -1', () => {
    const record = preflopFold();

    assert.equal(playerIndexOf(record, 'someone-else'), -1);
    assert.equal(playerIndexOf(record, BOB), 1);
  });
});
