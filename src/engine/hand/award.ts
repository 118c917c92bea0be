import type { Card } from '../cards.ts';
import type { Variant } from '../variants.ts';
import { computePots } from './pots.ts';
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
  /** The players whose hands contend at this showdown (PokerKit's rule: every hand type some contender holds splits every pot). */
  contenders?: readonly boolean[];
};

type Strengths = (player: number, board: number, type: number) => number;

function strengthsOf(input: ShowdownInput): Strengths {
  const cache = new Map<number, number>();
  return (player, board, type) => {
    const key = (player * 16 + board) * 8 + type;
    let value = cache.get(key);
    if (value === undefined) {
      value = handStrength(input.variant.handTypes[type], input.hole[player], input.boards[board]);
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * PokerKit's hand killing before its showdown awards: a player whose hand,
 * on no board and of no hand type, is at least as good as the best hand
 * eligible for some pot (any pot, eligible or not) can win nothing, and is
 * out of the pots. Returns who is left. Removing them can merge pots, which
 * changes how odd chips fall, so a PokerKit replay must do the same.
 */
export function pokerKitContenders(
  input: ShowdownInput, active: readonly boolean[], contributed: readonly number[], dead: number,
): boolean[] {
  const strength = strengthsOf(input);
  const pots = computePots(contributed, contributed, active, dead);
  const canWin = (player: number): boolean => {
    for (let board = 0; board < input.boards.length; board++) {
      for (let type = 0; type < input.variant.handTypes.length; type++) {
        const own = strength(player, board, type);
        if (own < 0) continue;
        for (const pot of pots) {
          let best = -1;
          for (const rival of pot.eligible) best = Math.max(best, strength(rival, board, type));
          if (own >= best) return true;
        }
      }
    }
    return false;
  };
  const left = active.map((isIn, player) => isIn && canWin(player));
  return left.some(Boolean) ? left : [...active];
}

/**
 * Awards each pot (already raked) at showdown. A pot is split evenly between
 * the boards (leftover chips to the first board); on each board, between the
 * hand types some player holds (high first, so the high half takes the odd
 * chip; quartering falls out of it); each part goes to the best hands among
 * the pot's eligible players. Returns the award operations in order.
 *
 * Which hand types split a pot: Felt's rule (no `contenders`) counts the
 * pot's own eligible players, so a side pot nobody in it has a low for goes
 * to the high hand alone. PokerKit's counts every contender of the hand, and
 * a part that nobody eligible for the pot can win is shared by all of them.
 */
export function awardShowdown(pots: readonly Pot[], input: ShowdownInput): Operation[] {
  const { variant, boards, oddChips, contenders } = input;
  const awards: Operation[] = [];
  const strength = strengthsOf(input);
  const heldByContender = (board: number, type: number): boolean =>
    (contenders ?? []).some((isIn, player) => isIn && strength(player, board, type) >= 0);
  pots.forEach((pot, potIndex) => {
    const boardShares = splitAmong(pot.amount - pot.rake, boards.map((_, b) => b), OddChipRule.firstLeftOfButton);
    boardShares.forEach((boardAmount, board) => {
      const types: number[] = [];
      for (let type = 0; type < variant.handTypes.length; type++) {
        const held = contenders ? heldByContender(board, type) : pot.eligible.some((player) => strength(player, board, type) >= 0);
        if (held) types.push(type);
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
        // PokerKit: nobody eligible holds this type, so every eligible hand ties at "none".
        if (winners.length === 0 && contenders) winners = [...pot.eligible];
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
