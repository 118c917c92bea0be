import assert from 'node:assert/strict';
import { Hand } from '../../../src/engine/hand/Hand.ts';
import { rebuildHand } from '../../../src/engine/hand/rebuild.ts';
import { OddChipRule, type HandConfig } from '../../../src/engine/hand/state.ts';
import { exportPhh } from '../../../src/engine/phh/export.ts';
import { parsePhh } from '../../../src/engine/phh/parse.ts';
import { verifyPhh } from '../../../src/engine/phh/replay.ts';
import { writePhh } from '../../../src/engine/phh/write.ts';
import { seededRandom, type RandomSource } from '../../../src/engine/random.ts';
import { BettingStructure, findVariant, usesBringIn } from '../../../src/engine/variants.ts';
import { total } from './helpers.ts';

/** A random hand of the variant: two to eight (stud) or ten (draw) players, short and deep stacks, antes. */
function randomConfig(code: string, r: RandomSource): HandConfig {
  const variant = findVariant(code)!;
  const stud = usesBringIn(variant);
  const n = 2 + r(stud ? 7 : 9);
  const stacks = Array.from({ length: n }, () => (r(3) === 0 ? 1 + r(24) : 20 + r(300)));
  const ante = r(3) === 0 ? 0 : 1;
  return {
    variant: code, startingStacks: stacks, antes: stacks.map(() => ante),
    blindsOrStraddles: stacks.map((_, i) => (stud ? 0 : i === 0 ? 1 : i === 1 ? 2 : 0)),
    anteTrimming: r(2) === 0,
    ...(variant.betting === BettingStructure.fixedLimit ? { smallBet: 2, bigBet: 4 } : { minBet: 2 }),
    ...(stud ? { bringIn: 1 } : {}),
    oddChips: r(2) === 0 ? OddChipRule.leftOfButton : OddChipRule.firstLeftOfButton,
  };
}

/** Plays the hand out with random legal choices: draws of any size, bring-ins or completions, folds, calls, raises. */
function playRandomly(hand: Hand, r: RandomSource): void {
  for (let guard = 0; guard < 2_000 && !hand.isComplete; guard++) {
    const legal = hand.legalActions();
    if (legal?.draw) hand.draw(legal.player, hand.state.hole[legal.player].slice(0, r(legal.maxDiscards + 1)));
    else if (legal?.bringIn) {
      if (r(4) === 0) hand.raiseTo(legal.player, legal.minRaiseTo);
      else hand.bringIn(legal.player);
    } else if (legal) {
      const roll = r(10);
      if (legal.call && roll < 2) hand.fold(legal.player);
      else if (legal.raise && roll >= 8) hand.raiseTo(legal.player, roll === 9 ? legal.maxRaiseTo : legal.minRaiseTo);
      else hand.checkOrCall(legal.player);
    } else hand.showOrMuck();
  }
}

describe('random stud and draw hands', () => {
  for (const code of ['F7S', 'F7S/8', 'FR', 'N2L1D', 'F2L3D', 'FB']) {
    it(`when ${code} hands are played from the deck then chips are kept, no card is in play twice, and each export and log rebuild the hand`, () => {
      const r = seededRandom(code.length * 7919 + code.charCodeAt(0));
      for (let k = 0; k < 60; k++) {
        const config = randomConfig(code, r);
        const hand = Hand.start(config, { random: r });
        playRandomly(hand, r);
        assert.ok(hand.isComplete, `hand ${k} ended`);
        const s = hand.state;
        assert.equal(total(s.stacks), total(config.startingStacks), `hand ${k} kept every chip`);
        const inPlay = [...s.hole.filter((_, i) => s.active[i]).flat(), ...s.boards[0]];
        assert.equal(new Set(inPlay).size, inPlay.length, `hand ${k}: a card in play twice`);
        assert.deepEqual(rebuildHand(config, s.log).state.stacks, s.stacks, `hand ${k} rebuilds from its log`);
        const outcome = verifyPhh(parsePhh(writePhh(exportPhh(s))));
        assert.ok(outcome.ok, `hand ${k}: ${outcome.ok ? '' : outcome.reason}`);
      }
    });
  }
});
