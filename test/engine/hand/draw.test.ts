import assert from 'node:assert/strict';
import { formatCards, fullDeck, parseCards, type Card } from '../../../src/engine/cards.ts';
import { stackedDeck, type DeckState } from '../../../src/engine/deck.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { rebuildHand } from '../../../src/engine/hand/rebuild.ts';
import type { HandConfig } from '../../../src/engine/hand/state.ts';
import { finishStreet, refusalCode, total } from './helpers.ts';

/**
 * A deck for a draw hand: the hole cards one at a time around the table,
 * then for each draw a burn and the replacements in the order they are
 * dealt (`draws`, one string per draw street). Burns are cards nobody holds.
 */
function drawDeck(holes: string[], draws: string[] = []): DeckState {
  const hole = holes.map(parseCards);
  const replacements = draws.map(parseCards);
  const used = new Set<Card>([...hole.flat(), ...replacements.flat()]);
  const spare = fullDeck().filter((card) => !used.has(card));
  const order: Card[] = [];
  for (let round = 0; round < hole[0].length; round++) for (const cards of hole) order.push(cards[round]);
  for (const cards of replacements) order.push(spare.shift() as Card, ...cards);
  return stackedDeck([...order, ...spare]);
}

function drawConfig(stacks: number[], overrides: Partial<HandConfig> = {}): HandConfig {
  return {
    variant: 'F2L3D', startingStacks: stacks, antes: stacks.map(() => 0),
    blindsOrStraddles: stacks.map((_, i) => (i === 0 ? 1 : i === 1 ? 2 : 0)), anteTrimming: true, smallBet: 2, bigBet: 4, ...overrides,
  };
}

/** No-limit 2-7 single draw: a minimum bet of 2 instead of fixed bets. */
function singleDrawConfig(stacks: number[]): HandConfig {
  const { smallBet: _small, bigBet: _big, ...rest } = drawConfig(stacks, { variant: 'N2L1D', minBet: 2 });
  return rest;
}

const cards = (text: string): Card[] => parseCards(text);
const holeText = (hand: Hand, player: number): string => formatCards(hand.state.hole[player]);

describe('draw games', () => {
  it('when the first betting round ends then players draw in hand order, left of the button first, and nothing else may happen', () => {
    const hand = Hand.start(drawConfig([100, 100, 100]), { deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc', 'KsKdKh2s3s']) });
    finishStreet(hand);
    assert.equal(hand.streetName, 'draw1');
    assert.equal(hand.drawer, 0);
    assert.equal(hand.actor, -1);
    assert.deepEqual(hand.legalActions(), {
      player: 0, fold: false, check: false, call: false, callAmount: 0, raise: false, minRaiseTo: 0, maxRaiseTo: 0,
      bringIn: false, bringInAmount: 0, draw: true, maxDiscards: 5,
    });
    assert.equal(refusalCode(() => hand.draw(1, [])), 'not_your_turn');
    assert.equal(refusalCode(() => hand.check(0)), 'no_betting');
    assert.equal(refusalCode(() => hand.draw(0, cards('Ac'))), 'not_your_cards');
    assert.equal(refusalCode(() => hand.draw(0, cards('2c2c'))), 'bad_cards');
  });

  it('when a player discards then as many cards are dealt at once, face down, after the cards kept', () => {
    const hand = Hand.start(drawConfig([100, 100, 100]), { deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc', 'KsKdKh2s3s'], ['6d', '', '4d5d6h']) });
    finishStreet(hand);
    const op = hand.draw(0, cards('7c'));
    assert.deepEqual(op, { type: 'draw', player: 0, discarded: cards('7c'), drawn: cards('6d') });
    assert.equal(holeText(hand, 0), '2c3d4h5s6d');
    assert.deepEqual(hand.state.holeUp[0], [false, false, false, false, false]);
    assert.equal(hand.drawer, 1);
  });

  it('when a player stands pat then they keep their hand and the draw is recorded with no cards', () => {
    const hand = Hand.start(drawConfig([100, 100, 100]), { deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc', 'KsKdKh2s3s']) });
    finishStreet(hand);
    hand.draw(0, []);
    assert.deepEqual(hand.state.log.at(-1), { type: 'draw', player: 0, discarded: [], drawn: [] });
    assert.equal(holeText(hand, 0), '2c3d4h5s7c');
  });

  it('when every player has drawn then the next betting round opens left of the button', () => {
    const hand = Hand.start(drawConfig([100, 100, 100]), { deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc', 'KsKdKh2s3s']) });
    finishStreet(hand);
    for (const player of [0, 1, 2]) hand.draw(player, []);
    assert.equal(hand.actor, 0);
    assert.equal(hand.legalActions()?.minRaiseTo, 2, 'draw1 bets the small bet');
  });

  it('when triple draw is played out then it has four betting rounds and three draws, the big bet after the second and third', () => {
    const hand = Hand.start(drawConfig([100, 100]), { deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc']) });
    const bets: number[] = [];
    const names: string[] = [];
    while (!hand.isComplete) {
      if (hand.drawer >= 0) hand.draw(hand.drawer, []);
      else if (hand.actor >= 0) {
        if (!names.includes(hand.streetName)) {
          names.push(hand.streetName);
          bets.push(hand.legalActions()?.minRaiseTo ?? 0);
        }
        hand.checkOrCall(hand.actor);
      } else hand.showOrMuck();
    }
    assert.deepEqual(names, ['predraw', 'draw1', 'draw2', 'draw3']);
    assert.deepEqual(bets, [4, 2, 4, 4], 'a raise of the blinds to the small bet first, then bets of 2, 4, 4');
    assert.deepEqual(hand.state.stacks, [102, 98], '7-5-4-3-2 is the nut low');
  });

  it('when single draw is played then it has two betting rounds and no limit', () => {
    const hand = Hand.start(singleDrawConfig([100, 100]), {
      deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc']),
    });
    assert.equal(hand.legalActions()?.maxRaiseTo, 100);
    finishStreet(hand);
    assert.equal(hand.streetName, 'draw1');
    hand.draw(0, []);
    hand.draw(1, []);
    assert.equal(hand.legalActions()?.maxRaiseTo, 98);
    finishStreet(hand);
    assert.equal(hand.phase, 'showdown');
  });

  it('when a player is all-in then they still draw on each draw street', () => {
    const hand = Hand.start(drawConfig([5, 100, 100]), { deck: drawDeck(['2c3d4h5s7c', '8c9cTcJcQc', 'KsKdKh2s3s']) });
    hand.raiseTo(2, 4);
    hand.call(0);
    hand.call(1);
    finishStreet(hand);
    assert.equal(hand.state.stacks[0], 1);
    hand.draw(0, []);
    hand.draw(1, []);
    hand.draw(2, []);
    hand.raiseTo(0, 1);
    assert.equal(hand.state.stacks[0], 0);
    finishStreet(hand);
    assert.equal(hand.drawer, 0, 'the all-in player draws again');
  });

  it('when the deck runs out then it takes back the burn cards and the discards, never a card in play', () => {
    const stacks = new Array<number>(10).fill(100);
    const hand = Hand.start(singleDrawConfig(stacks), {
      deck: stackedDeck(fullDeck()),
    });
    finishStreet(hand);
    assert.equal(hand.state.deck!.cards.length - hand.state.deck!.next, 1, 'fifty dealt, one burned: one card left');
    const first = [...hand.state.hole[0]];
    const burned = [...hand.state.burned];
    const op = hand.draw(0, first);
    assert.equal(op.type === 'draw' && op.drawn.length, 5);
    const drawn = op.type === 'draw' ? op.drawn : [];
    const recycled = drawn.filter((card) => burned.includes(card) || first.includes(card));
    assert.ok(recycled.length >= 4, `${formatCards(drawn)}: after the last card, the burn card and discards come back`);
    for (let player = 1; player < 10; player++) hand.draw(player, hand.state.hole[player].slice(0, 3));
    const inPlay = hand.state.hole.flat();
    assert.equal(new Set(inPlay).size, 50, 'no card is in two hands');
  });

  it('when badugi reaches showdown then the four-card badugi beats any three-card hand', () => {
    const hand = Hand.start(drawConfig([100, 100], { variant: 'FB' }), { deck: drawDeck(['Kc2d3h4h', 'QcJdTh9s']) });
    while (!hand.isComplete) {
      if (hand.drawer >= 0) hand.draw(hand.drawer, []);
      else if (hand.actor >= 0) hand.checkOrCall(hand.actor);
      else hand.showOrMuck();
    }
    assert.deepEqual(hand.state.stacks, [98, 102], 'Q-J-T-9 rainbow against K-4-3-2 with two hearts');
    assert.equal(total(hand.state.stacks), 200);
  });

  it('when a replay names the replacements after every discard then each player is dealt in any order before the betting', () => {
    const hand = Hand.start(drawConfig([100, 100]), { deck: null });
    hand.dealHole(0, cards('2c3d4h5s7c'));
    hand.dealHole(1, cards('8c9cTcJcQc'));
    finishStreet(hand);
    hand.draw(0, cards('7c'));
    hand.draw(1, cards('QcJc'));
    assert.equal(hand.actor, -1, 'the replacements are owed');
    assert.equal(refusalCode(() => hand.dealHole(1, cards('KsKdKh'))), 'wrong_card_count');
    hand.dealHole(1, cards('KsKd'));
    hand.dealHole(0, cards('6d'));
    assert.equal(hand.actor, 0);
    assert.equal(holeText(hand, 0), '2c3d4h5s6d');
  });

  it('when a live hand whose deck ran out is rebuilt from its log then it is the same hand, redealt discards and all', () => {
    const stacks = new Array<number>(10).fill(100);
    const config = singleDrawConfig(stacks);
    const hand = Hand.start(config, { deck: stackedDeck(fullDeck()) });
    while (!hand.isComplete) {
      if (hand.drawer >= 0) hand.draw(hand.drawer, hand.state.hole[hand.drawer].slice(0, 4));
      else if (hand.actor >= 0) hand.checkOrCall(hand.actor);
      else hand.showOrMuck();
    }
    const rebuilt = rebuildHand(config, hand.state.log);
    assert.deepEqual(rebuilt.state.stacks, hand.state.stacks);
    assert.deepEqual(rebuilt.state.hole, hand.state.hole);
    assert.deepEqual(Hand.restore(JSON.parse(JSON.stringify(hand.state))).state, hand.state);
  });
});
