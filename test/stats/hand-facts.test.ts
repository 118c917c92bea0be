import assert from 'node:assert/strict';
import { rebuildHand } from '../../src/engine/hand/rebuild.ts';
import { handFacts, secondStreetStart, type HandFacts } from '../../src/stats/hand-facts.ts';
import { allInOnTheBlinds, limpedPot, omahaCheckDown, postedPot, raisedPot, straddledPot } from './hands.ts';

const NOTHING: HandFacts = {
  vpip: false, pfr: false, betsAndRaises: 0, calls: 0, sawSecondStreet: false, wentToShowdown: false, wonAtShowdown: false, net: 0,
};

describe('stats: hand facts', () => {
  it('when the button raises, the big blind calls down and loses at showdown then each player\'s facts follow the actions', () => {
    const { state } = raisedPot();

    assert.deepEqual(handFacts(state, 0), { ...NOTHING, net: -1 }, 'the small blind posted and folded: nothing voluntary');
    assert.deepEqual(handFacts(state, 1), {
      vpip: true, pfr: false, betsAndRaises: 1, calls: 3, sawSecondStreet: true, wentToShowdown: true, wonAtShowdown: false, net: -76,
    }, 'called preflop, on the flop and on the river; bet the river; mucked at showdown');
    assert.deepEqual(handFacts(state, 2), {
      vpip: true, pfr: true, betsAndRaises: 3, calls: 0, sawSecondStreet: true, wentToShowdown: true, wonAtShowdown: true, net: 77,
    }, 'raised preflop, bet the flop, raised the river and won');
  });

  it('when the big blind checks its option then that is not voluntary, and a flop fold ends the hand without a showdown', () => {
    const { state } = limpedPot();

    assert.deepEqual(handFacts(state, 0), { ...NOTHING, vpip: true, betsAndRaises: 1, calls: 1, sawSecondStreet: true, net: 4 });
    assert.deepEqual(handFacts(state, 1), { ...NOTHING, sawSecondStreet: true, net: -2 });
    assert.deepEqual(handFacts(state, 2), { ...NOTHING, vpip: true, calls: 1, sawSecondStreet: true, net: -2 });
  });

  it('when a player straddles and antes then neither counts as voluntary or as a raise, and checking the straddle is not either', () => {
    const { state } = straddledPot();

    const facts = [0, 1, 2, 3].map((player) => handFacts(state, player));

    assert.deepEqual(facts.map((f) => f.vpip), [true, true, false, true]);
    assert.deepEqual(facts.map((f) => f.pfr), [false, false, false, false]);
    assert.deepEqual(facts.map((f) => f.betsAndRaises), [0, 0, 0, 0]);
    assert.deepEqual(facts.map((f) => f.calls), [1, 1, 0, 1]);
    assert.deepEqual(facts.map((f) => f.wentToShowdown), [true, true, true, true]);
    assert.deepEqual(facts.map((f) => f.wonAtShowdown), [true, false, false, false], 'sevens and deuces win');
    assert.deepEqual(facts.map((f) => f.net), [15, -5, -5, -5]);
  });

  it('when a newcomer\'s live post is checked then it is not voluntary, and their turn bet counts as aggression', () => {
    const { state } = postedPot();

    assert.deepEqual(handFacts(state, 3), { ...NOTHING, betsAndRaises: 1, sawSecondStreet: true, net: 5 });
    assert.deepEqual(handFacts(state, 2), { ...NOTHING, vpip: true, calls: 1, sawSecondStreet: true, net: -2 });
    assert.deepEqual(handFacts(state, 0), { ...NOTHING, net: -1 });
  });

  it('when both players are all-in on the blinds then nobody acted, yet both saw the flop and went to showdown', () => {
    const { state } = allInOnTheBlinds();

    assert.deepEqual(handFacts(state, 0), { ...NOTHING, sawSecondStreet: true, wentToShowdown: true, net: -1 });
    assert.deepEqual(handFacts(state, 1), { ...NOTHING, sawSecondStreet: true, wentToShowdown: true, wonAtShowdown: true, net: 1 });
  });

  it('when an Omaha hand is checked down then completing the small blind is voluntary and the big blind wins at showdown', () => {
    const { state } = omahaCheckDown();

    assert.deepEqual(handFacts(state, 0), { ...NOTHING, sawSecondStreet: true, wentToShowdown: true, wonAtShowdown: true, net: 2 });
    assert.deepEqual(handFacts(state, 1), { ...NOTHING, vpip: true, calls: 1, sawSecondStreet: true, wentToShowdown: true, net: -2 });
  });
});

describe('stats: where the second street starts', () => {
  it('when the flop is dealt then the second street starts at its burn, or at its cards in a replay without burns', () => {
    const hand = limpedPot();
    const dealt = hand.state.log;
    const replayed = rebuildHand(hand.state.config, dealt).state.log;

    assert.equal(dealt[secondStreetStart(hand.state.config, dealt)].type, 'burn');
    assert.equal(replayed.some((op) => op.type === 'burn'), false);
    assert.deepEqual(replayed[secondStreetStart(hand.state.config, replayed)], { type: 'dealBoard', board: 0, cards: dealt.find((op) => op.type === 'dealBoard')?.cards });
  });

  it('when nobody acts on the first street then the flop still starts the second street', () => {
    const { state } = allInOnTheBlinds();

    const at = secondStreetStart(state.config, state.log);

    assert.deepEqual(state.log.slice(0, at).map((op) => op.type), ['blind', 'blind', 'dealHole', 'dealHole', 'returnBet', 'collect']);
  });

  it('when the hand ends on the first street then there is no second street', () => {
    const hand = raisedPot();
    const config = hand.state.config;
    const preflopOnly = hand.state.log.slice(0, hand.state.log.findIndex((op) => op.type === 'burn'));

    assert.equal(secondStreetStart(config, preflopOnly), preflopOnly.length);
  });

  it('when a hand names a variant the engine does not know then it says so', () => {
    const { state } = limpedPot();

    assert.throws(() => secondStreetStart({ ...state.config, variant: 'XX' }, state.log), /unknown variant XX/);
  });
});
