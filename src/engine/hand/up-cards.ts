import { UNKNOWN_CARD, rankOf, type Card } from '../cards.ts';
import { Opening } from '../variants.ts';
import type { HandState } from './state.ts';

/**
 * Stud's up cards: who brings in and who opens each street (PokerKit's
 * `_begin_betting`), and the open pair of fourth street.
 *
 * - The bring-in (`lowUpCard`): the lowest up card, deuce low and ace high,
 *   ties by suit with clubs lowest, then diamonds, hearts, spades. Razz
 *   (`highUpCard`): the highest, king high and ace low, ties by suit with
 *   spades highest. Cards are all different, so this never ties.
 * - Later streets (`highUpHand`): the best up hand by pairs and high cards
 *   only (no straights or flushes: four of a kind, trips, two pair, a pair,
 *   then the highest cards); razz (`lowUpHand`): the lowest, aces low, any
 *   pair worse than no pair. Equal hands go to the first player in hand
 *   order (PokerKit: the lowest player index), whose seat is nearest the
 *   dealer's left at a table.
 */

/** A player's known up cards (none for a player who has folded). */
export function upCards(s: HandState, player: number): Card[] {
  if (!s.active[player]) return [];
  const cards: Card[] = [];
  const hole = s.hole[player];
  const up = s.holeUp[player];
  for (let k = 0; k < hole.length; k++) if (up[k] && hole[k] !== UNKNOWN_CARD) cards.push(hole[k]);
  return cards;
}

/** A card's value in razz's order: ace 0 up to king 12. */
function aceLow(rank: number): number {
  return (rank + 1) % 13;
}

/**
 * A number that orders up hands of one to four cards as PokerKit's opening
 * lookups do: by kind (1 to 4 high cards, a pair with 0 to 2 kickers, two
 * pair, trips with 0 or 1 kicker, quads), then by the ranks that tell hands
 * of that kind apart, most significant first. Higher is a better high hand;
 * with `lowAces`, values are razz's and lower is a better low hand.
 */
export function upHandKey(cards: readonly Card[], lowAces: boolean): number {
  const counts = new Array<number>(13).fill(0);
  for (const card of cards) counts[lowAces ? aceLow(rankOf(card)) : rankOf(card)]++;
  const groups: { value: number; size: number }[] = [];
  for (let value = 12; value >= 0; value--) if (counts[value] > 0) groups.push({ value, size: counts[value] });
  groups.sort((a, b) => b.size - a.size || b.value - a.value);
  const singles = groups.filter((g) => g.size === 1).length;
  const pairs = groups.filter((g) => g.size === 2).length;
  const top = groups.length > 0 ? groups[0].size : 0;
  let kind: number;
  if (top === 4) kind = 10;
  else if (top === 3) kind = 8 + singles;
  else if (pairs === 2) kind = 7;
  else if (pairs === 1) kind = 4 + singles;
  else kind = Math.max(0, singles - 1);
  let key = kind;
  for (let i = 0; i < 4; i++) key = key * 16 + (i < groups.length ? groups[i].value : 0);
  return key;
}

/**
 * The player who opens the betting on a stud street: the bring-in by the
 * lowest (razz: highest) up card on the first street, the best (razz:
 * lowest) up hand after it. Players still in count, all-in or not; -1 when
 * nobody shows a known up card.
 */
export function upCardOpener(s: HandState, opening: Opening): number {
  let best = -1;
  let bestKey = 0;
  for (let i = 0; i < s.stacks.length; i++) {
    const cards = upCards(s, i);
    if (cards.length === 0) continue;
    let key: number;
    switch (opening) {
      case Opening.lowUpCard:
        // A card's number is rank * 4 + suit, suits in the order c, d, h, s: lowest rank, then clubs first.
        key = -Math.min(...cards);
        break;
      case Opening.highUpCard:
        key = Math.max(...cards.map((card) => aceLow(rankOf(card)) * 4 + (card & 3)));
        break;
      case Opening.highUpHand:
        key = upHandKey(cards, false);
        break;
      default:
        key = -upHandKey(cards, true);
        break;
    }
    // Strictly better only: a tie stays with the first player in hand order.
    if (best < 0 || key > bestKey) {
      best = i;
      bestKey = key;
    }
  }
  return best;
}

/** Whether some player still in shows a pair among their up cards (fourth street's open pair). */
export function openPairShowing(s: HandState): boolean {
  for (let i = 0; i < s.stacks.length; i++) {
    const ranks = upCards(s, i).map(rankOf);
    if (new Set(ranks).size < ranks.length) return true;
  }
  return false;
}
