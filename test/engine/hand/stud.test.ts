import assert from 'node:assert/strict';
import { fullDeck, parseCards } from '../../../src/engine/cards.ts';
import { stackedDeck } from '../../../src/engine/deck.ts';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { rebuildHand } from '../../../src/engine/hand/rebuild.ts';
import type { HandConfig } from '../../../src/engine/hand/state.ts';
import { finishStreet, refusalCode, total } from './helpers.ts';

/** A stud hand: antes 1, bring-in 2, bets 4 and 8, its cards named street by street (deck-less, as a replay deals). */
function studConfig(stacks: number[], overrides: Partial<HandConfig> = {}): HandConfig {
  return {
    variant: 'F7S', startingStacks: stacks, antes: stacks.map(() => 1), blindsOrStraddles: stacks.map(() => 0),
    anteTrimming: true, bringIn: 2, smallBet: 4, bigBet: 8, ...overrides,
  };
}

function deal(hand: Hand, cards: string[]): void {
  cards.forEach((text, player) => {
    if (text !== '') hand.dealHole(player, parseCards(text));
  });
}

function stud(stacks: number[], third: string[], overrides: Partial<HandConfig> = {}): Hand {
  const hand = Hand.start(studConfig(stacks, overrides), { deck: null });
  deal(hand, third);
  return hand;
}

describe('seven-card stud', () => {
  it('when third street is dealt then the two down cards and the door card are marked and the lowest up card must bring in', () => {
    const hand = stud([100, 100, 100], ['AsKsQh', '9c9d3h', 'JcJd7s']);
    assert.deepEqual(hand.state.holeUp[0], [false, false, true]);
    assert.equal(hand.actor, 1, 'the trey of hearts is the lowest up card');
    assert.deepEqual(hand.legalActions(), {
      player: 1, fold: false, check: false, call: false, callAmount: 0, raise: true, minRaiseTo: 4, maxRaiseTo: 4,
      bringIn: true, bringInAmount: 2, draw: false, maxDiscards: 0,
    });
    assert.equal(refusalCode(() => hand.fold(1)), 'bring_in_due');
    assert.equal(refusalCode(() => hand.check(1)), 'bring_in_due');
  });

  it('when two door cards share the lowest rank then the lower suit brings in, clubs lowest and spades highest', () => {
    assert.equal(stud([100, 100, 100], ['AsKs2d', '9c9d2s', 'JcJd2h']).actor, 0, 'diamonds below hearts and spades');
    assert.equal(stud([100, 100, 100], ['AsKs2s', '9c9d2c', 'JcJd2h']).actor, 1, 'clubs lowest');
  });

  it('when the ace is a door card then it is high: the deuce brings in, not the ace', () => {
    assert.equal(stud([100, 100], ['KsKdAc', '9c9d2s']).actor, 1);
  });

  it('when the bring-in is posted then the next player may fold, call it or complete to the small bet, and the next raise is to twice the small bet', () => {
    const hand = stud([100, 100, 100], ['AsKsQh', '9c9d3h', 'JcJd7s']);
    hand.bringIn(1);
    const legal = hand.legalActions();
    assert.deepEqual([legal?.player, legal?.fold, legal?.call, legal?.callAmount, legal?.minRaiseTo, legal?.bringIn], [2, true, true, 2, 4, false]);
    hand.raiseTo(2, 4);
    assert.equal(hand.minRaiseTo(0), 8);
    assert.deepEqual(hand.state.log.find((op) => op.type === 'bringIn'), { type: 'bringIn', player: 1, amount: 2 });
  });

  it('when everyone calls the bring-in then the bring-in player does not act again and fourth street comes', () => {
    const hand = stud([100, 100, 100], ['AsKsQh', '9c9d3h', 'JcJd7s']);
    hand.bringIn(1);
    hand.call(2);
    hand.call(0);
    assert.equal(hand.actor, -1);
    assert.equal(hand.state.street, 1);
    assert.equal(hand.totalPot(), 9);
  });

  it('when the player to bring in completes at once then others face the small bet', () => {
    const hand = stud([100, 100, 100], ['AsKsQh', '9c9d3h', 'JcJd7s']);
    hand.raiseTo(1, 4);
    assert.equal(hand.legalActions()?.callAmount, 4);
    assert.equal(hand.legalActions()?.bringIn, false);
  });

  it('when the lowest door card is all-in on the ante then the next player in turn brings in', () => {
    const hand = stud([1, 100, 100], ['AsKs2h', '9c9d3h', 'JcJd7s']);
    assert.equal(hand.state.opener, 0, 'the deuce opens');
    assert.equal(hand.actor, 1);
    assert.equal(hand.legalActions()?.bringIn, true);
  });

  it('when fourth street comes then the best up hand opens, a pair beating ace-king, and fourth street bets the small bet', () => {
    const hand = stud([100, 100, 100], ['2s3sAh', '9c9d3h', 'JcJd7s']);
    hand.bringIn(1);
    finishStreet(hand);
    deal(hand, ['Kh', '3c', '4d']);
    assert.equal(hand.actor, 1, '3-3 showing beats A-K');
    assert.equal(hand.legalActions()?.minRaiseTo, 4);
    assert.equal(hand.legalActions()?.maxRaiseTo, 4);
  });

  it('when two up hands are equal then the first player in hand order opens', () => {
    const hand = stud([100, 100, 100], ['2s3sAh', '9c9d3h', 'JcJd7s']);
    hand.bringIn(1);
    finishStreet(hand);
    deal(hand, ['Kh', '3c', '4d']);
    finishStreet(hand);
    deal(hand, ['Qh', 'Ad', 'Ks']);
    finishStreet(hand);
    deal(hand, ['5h', '5d', '5s']);
    // Up: player 0 A-K-Q-5, player 1 3-3-A-5, player 2 7-4-K-5: the pair of treys opens.
    assert.equal(hand.actor, 1);
    const tie = stud([100, 100, 100], ['2s3sAh', '9c9dAc', 'JcJd7s']);
    tie.bringIn(2);
    finishStreet(tie);
    deal(tie, ['Kh', 'Kd', '4d']);
    assert.equal(tie.actor, 0, 'A-K against A-K: the first in hand order');
  });

  it('when fifth street comes then the big bet is the bet', () => {
    const hand = stud([100, 100], ['2s3sAh', '9c9d3h']);
    hand.bringIn(1);
    finishStreet(hand);
    deal(hand, ['Kh', '4d']);
    finishStreet(hand);
    deal(hand, ['Qh', '5d']);
    assert.equal(hand.streetName, 'fifth');
    assert.equal(hand.legalActions()?.minRaiseTo, 8);
  });

  it('when seventh street is dealt then it is face down, and the best seven-card hand wins', () => {
    const hand = stud([100, 100], ['2s3sAh', '9c9d3h']);
    hand.bringIn(1);
    finishStreet(hand);
    for (const cards of [['Kh', '4d'], ['Qh', '5c'], ['Jh', '6d'], ['2c', '7d']]) {
      deal(hand, cards);
      finishStreet(hand);
    }
    assert.deepEqual(hand.state.holeUp[0], [false, false, true, true, true, true, false]);
    while (hand.phase === 'showdown') hand.showOrMuck();
    assert.deepEqual(hand.state.stacks, [97, 103], 'the straight 3 to 7 beats a pair of deuces');
  });

  it('when the open-pair option is on and a pair shows on fourth street then a bet may be the small or the big bet, nothing between', () => {
    const hand = stud([100, 100], ['2s3sAh', '9c9d3h'], { openPairBigBet: true });
    hand.bringIn(1);
    finishStreet(hand);
    deal(hand, ['Kh', '3d']);
    assert.deepEqual([hand.legalActions()?.minRaiseTo, hand.legalActions()?.maxRaiseTo], [4, 8]);
    assert.equal(refusalCode(() => hand.raiseTo(1, 6)), 'bad_amount');
    hand.raiseTo(1, 8);
    assert.deepEqual([hand.legalActions()?.minRaiseTo, hand.legalActions()?.maxRaiseTo], [16, 16], 'after the big bet, raises are big');
  });

  it('when the open-pair option is off (PokerKit) or no pair shows then fourth street is the small bet only', () => {
    const off = stud([100, 100], ['2s3sAh', '9c9d3h']);
    off.bringIn(1);
    finishStreet(off);
    deal(off, ['Kh', '3d']);
    assert.deepEqual([off.legalActions()?.minRaiseTo, off.legalActions()?.maxRaiseTo], [4, 4]);
    const noPair = stud([100, 100], ['2s3sAh', '9c9d3h'], { openPairBigBet: true });
    noPair.bringIn(1);
    finishStreet(noPair);
    deal(noPair, ['Kh', '4d']);
    assert.deepEqual([noPair.legalActions()?.minRaiseTo, noPair.legalActions()?.maxRaiseTo], [4, 4]);
  });

  it('when eight players reach seventh street from the deck then the one card left is dealt face up to the board for everyone', () => {
    const config = studConfig(new Array<number>(8).fill(100));
    const hand = Hand.start(config, { deck: stackedDeck(fullDeck()) });
    for (let guard = 0; guard < 200 && hand.state.street < 4 && hand.actor >= 0; guard++) {
      const player = hand.actor;
      if (hand.canBringIn(player)) hand.bringIn(player);
      else hand.checkOrCall(player);
    }
    assert.equal(hand.streetName, 'seventh');
    assert.equal(hand.state.boards[0].length, 1, 'one common card');
    assert.ok(hand.state.hole.every((hole) => hole.length === 6), 'nobody got a seventh card of their own');
    assert.deepEqual(hand.state.log.filter((op) => op.type === 'dealBoard').length, 1);
    const inPlay = [...hand.state.hole.flat(), ...hand.state.boards[0]];
    assert.equal(new Set(inPlay).size, inPlay.length, 'no card is in play twice');
    while (hand.actor >= 0) hand.checkOrCall(hand.actor);
    while (hand.phase === 'showdown') hand.showOrMuck();
    const rebuilt = rebuildHand(config, hand.state.log);
    assert.deepEqual(rebuilt.state.stacks, hand.state.stacks, 'the log rebuilds the hand, common card included');
    assert.equal(total(hand.state.stacks), 800);
  });

  it('when the antes are posted then each player antes and the pot holds them before the bring-in', () => {
    const hand = stud([100, 100, 100], ['AsKsQh', '9c9d3h', 'JcJd7s']);
    assert.equal(hand.totalPot(), 3);
    assert.deepEqual(hand.state.stacks, [99, 99, 99]);
  });
});

describe('stud hi-lo and razz', () => {
  it('when razz deals the door cards then the highest brings in, king high and ace low, ties by suit with spades highest', () => {
    const razz = (third: string[]): Hand => stud([100, 100, 100], third, { variant: 'FR' });
    assert.equal(razz(['2s3sAh', '9c9dKh', 'JcJd7s']).actor, 1, 'the king');
    assert.equal(razz(['2s3sKs', '9c9dKh', 'JcJdAs']).actor, 0, 'the king of spades over the king of hearts; the ace is low');
  });

  it('when razz reaches fourth street then the lowest up hand opens and a pair is worse than no pair', () => {
    const hand = stud([100, 100, 100], ['2s3sAh', '9c9d2h', 'JcJd7s'], { variant: 'FR' });
    hand.bringIn(2);
    finishStreet(hand);
    deal(hand, ['Ad', '4d', '8d']);
    // Up: A-A, 4-2, 8-7: the pair of aces is the worst low; 4-2 opens.
    assert.equal(hand.actor, 1);
  });

  it('when the best high and the best low differ then the pot is split between them, the odd chip to the high', () => {
    const hand = stud([100, 100, 100], ['AsAdKh', '2c3c9d', 'QsQdJs'], { variant: 'F7S/8' });
    hand.bringIn(1);
    finishStreet(hand);
    for (const cards of [['Ac', '4c', 'Qh'], ['Kd', '5d', 'Jd'], ['7s', '8c', 'Tc'], ['7c', 'Th', '9s']]) {
      deal(hand, cards);
      finishStreet(hand);
    }
    while (hand.phase === 'showdown') hand.showOrMuck();
    // The pot is 3 antes and three bring-ins of 2 = 9: the trip aces take 5, the 8-5-4-3-2 low 4.
    assert.deepEqual(hand.state.stacks, [102, 101, 97]);
    assert.equal(total(hand.state.stacks), 300);
  });

  it('when two lows tie and one of them has the high then the pot is quartered', () => {
    const hand = stud([100, 100], ['Ad6s2h', 'AhKd2c'], { variant: 'F7S/8', antes: [2, 2] });
    hand.bringIn(1);
    hand.call(0);
    for (const cards of [['3d', '3s'], ['4h', '4c'], ['5h', '5d'], ['Kc', 'Qd']]) {
      deal(hand, cards);
      finishStreet(hand);
    }
    while (hand.phase === 'showdown') hand.showOrMuck();
    // Pot 8: the six-high straight takes the high half (4); both hold 5-4-3-2-A and share the low half.
    assert.deepEqual(hand.state.stacks, [102, 98]);
  });
});
