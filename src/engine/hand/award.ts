import type { Card } from '../cards.ts';
import type { Variant } from '../variants.ts';
import { OddChipRule, type Pot } from './state.ts';
import { handStrength } from './strength.ts';
import type { Operation } from './operations.ts';

/** Splits `amount` among `winners` (hand order, left of the button first) by the odd-chip rule. */
export function splitAmong(amount: number, winners: readonly number[], rule: OddChipRule): number[] {
  const share = Math.floor(amount / winners.length);
  let leftover = amount - share * winners.length;
  const shares = winners.map(() => share);
  if (rule === OddChipRule.firstLeftOfButton) shares[0] += leftover;
  else for (let i = 0; leftover > 0; i++, leftover--) shares[i] += 1;
  return shares;
}

export type ShowdownInput = {
  variant: Variant;
  hole: readonly Card[][];
  boards: readonly Card[][];
  oddChips: OddChipRule;
};

/**
 * Awards each pot (already raked) at showdown. A pot is split evenly between
 * the boards (leftover chips to the first board); on each board, between the
 * hand types some eligible player qualifies for (high first, so the high half
 * takes the odd chip); each part goes to the best hands among the pot's
 * eligible players. Returns the award operations in order.
 */
export function awardShowdown(pots: readonly Pot[], input: ShowdownInput): Operation[] {
  const { variant, hole, boards, oddChips } = input;
  const awards: Operation[] = [];
  const cache = new Map<number, number>();
  const strength = (player: number, board: number, type: number): number => {
    const key = (player * 16 + board) * 8 + type;
    let value = cache.get(key);
    if (value === undefined) {
      value = handStrength(variant.handTypes[type], hole[player], boards[board]);
      cache.set(key, value);
    }
    return value;
  };
  pots.forEach((pot, potIndex) => {
    const boardShares = splitAmong(pot.amount - pot.rake, boards.map((_, b) => b), OddChipRule.firstLeftOfButton);
    boardShares.forEach((boardAmount, board) => {
      const types: number[] = [];
      for (let type = 0; type < variant.handTypes.length; type++) {
        if (pot.eligible.some((player) => strength(player, board, type) >= 0)) types.push(type);
      }
      if (types.length === 0) {
        // Nobody eligible has a readable hand (unknown cards in a replay): share it.
        pushShares(awards, potIndex, board, 'none', boardAmount, pot.eligible, oddChips);
        return;
      }
      const typeShares = splitAmong(boardAmount, types, OddChipRule.firstLeftOfButton);
      types.forEach((type, t) => {
        let best = -1;
        let winners: number[] = [];
        for (const player of pot.eligible) {
          const value = strength(player, board, type);
          if (value > best) {
            best = value;
            winners = [player];
          } else if (value === best && value >= 0) winners.push(player);
        }
        pushShares(awards, potIndex, board, variant.handTypes[type], typeShares[t], winners, oddChips);
      });
    });
  });
  return awards;
}

function pushShares(
  awards: Operation[], pot: number, board: number, handType: string,
  amount: number, winners: readonly number[], rule: OddChipRule,
): void {
  if (amount <= 0 || winners.length === 0) return;
  const shares = splitAmong(amount, winners, rule);
  winners.forEach((player, i) => {
    if (shares[i] > 0) awards.push({ type: 'award', pot, player, amount: shares[i], board, handType });
  });
}
