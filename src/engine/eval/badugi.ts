/**
 * Badugi (PokerKit's `BadugiHand`): the hand is the largest set of cards of
 * different ranks and different suits, aces low; a four-card badugi beats any
 * three-card hand, and so on down. Hands of one size compare from the highest
 * card down, lower winning: 4-3-2-A is the nut.
 *
 * A strength is `(size << 13) | (8191 - mask)`, `mask` holding the hand's ranks
 * as bits (ace = bit 0 .. king = bit 12): higher wins, equal ties. Read as a
 * number, the mask of a set of ranks orders sets of one size from the highest
 * card down. 4-3-2-A is 40944; a lone king, the worst, is 12287.
 * `describeBadugi` reads it.
 */

export const BADUGI_SIZE_SHIFT = 13;
const RANK_MASK = (1 << BADUGI_SIZE_SHIFT) - 1;

/**
 * Four cards reduce to their four ranks in order and which of them share a
 * suit (one of 15 patterns): 13^4 * 15 entries of two bytes, about 860 KB.
 */
const PATTERNS = 15;
const BY_HAND = new Uint16Array(13 ** 4 * PATTERNS);

/** Per position, the card's ace-low rank scaled to its place in the table index. */
const RANK_PART: Int32Array[] = [0, 1, 2, 3].map((position) => {
  const part = new Int32Array(52);
  for (let card = 0; card < 52; card++) part[card] = ((card >> 2) + 1) % 13 * 13 ** (3 - position) * PATTERNS;
  return part;
});
/** Per position, the card's suit in its two bits of a suit tuple. */
const SUIT_PART: Int32Array[] = [0, 1, 2, 3].map((position) => {
  const part = new Int32Array(52);
  for (let card = 0; card < 52; card++) part[card] = (card & 3) << (2 * (3 - position));
  return part;
});
/** Suit tuple (8 bits) to its pattern: suits renamed in order of first appearance. */
const PATTERN_OF = new Int8Array(256);
{
  const patternIds = new Map<string, number>();
  const suitsOfPattern: number[][] = [];
  for (let tuple = 0; tuple < 256; tuple++) {
    const suits = [6, 4, 2, 0].map((shift) => (tuple >> shift) & 3);
    const renamed = new Map<number, number>();
    const canonical = suits.map((s) => {
      if (!renamed.has(s)) renamed.set(s, renamed.size);
      return renamed.get(s) as number;
    });
    const name = canonical.join('');
    if (!patternIds.has(name)) {
      patternIds.set(name, patternIds.size);
      suitsOfPattern.push(canonical);
    }
    PATTERN_OF[tuple] = patternIds.get(name) as number;
  }
  if (suitsOfPattern.length !== PATTERNS) throw new Error(`${suitsOfPattern.length} suit patterns, expected ${PATTERNS}.`);

  // Per pattern, the subsets of the four positions whose suits all differ.
  const rainbowSubsets = suitsOfPattern.map((suits) => {
    const subsets: number[] = [];
    for (let subset = 1; subset < 16; subset++) {
      let seen = 0;
      for (let p = 0; p < 4; p++) if (subset & (1 << p)) seen |= 1 << suits[p];
      if (bitCount(seen) === bitCount(subset)) subsets.push(subset);
    }
    return Int32Array.from(subsets);
  });
  // Per hand, each subset's strength when its ranks all differ (else 0), then the best rainbow one per pattern.
  const subsetStrength = new Int32Array(16);
  const subsetMask = new Int32Array(16);
  const bits = new Int32Array(4);
  let hand = 0;
  for (let v0 = 0; v0 < 13; v0++)
    for (let v1 = 0; v1 < 13; v1++)
      for (let v2 = 0; v2 < 13; v2++)
        for (let v3 = 0; v3 < 13; v3++, hand++) {
          bits[0] = 1 << v0;
          bits[1] = 1 << v1;
          bits[2] = 1 << v2;
          bits[3] = 1 << v3;
          for (let subset = 1; subset < 16; subset++) {
            const lowest = 31 - Math.clz32(subset & -subset);
            const mask = subsetMask[subset & (subset - 1)] | bits[lowest];
            subsetMask[subset] = mask;
            const size = bitCount(subset);
            subsetStrength[subset] = bitCount(mask) === size ? (size << BADUGI_SIZE_SHIFT) | (RANK_MASK - mask) : 0;
          }
          for (let pattern = 0; pattern < PATTERNS; pattern++) {
            const subsets = rainbowSubsets[pattern];
            let best = 0;
            for (let i = 0; i < subsets.length; i++) best = Math.max(best, subsetStrength[subsets[i]]);
            BY_HAND[hand * PATTERNS + pattern] = best;
          }
        }
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

const R0 = RANK_PART[0];
const R1 = RANK_PART[1];
const R2 = RANK_PART[2];
const R3 = RANK_PART[3];
const S0 = SUIT_PART[0];
const S1 = SUIT_PART[1];
const S2 = SUIT_PART[2];
const S3 = SUIT_PART[3];

/**
 * Badugi strength of four cards (0..51). The same card given twice counts
 * once, which is how fewer cards are scored.
 */
export function badugiOf4(a: number, b: number, c: number, d: number): number {
  return BY_HAND[R0[a] + R1[b] + R2[c] + R3[d] + PATTERN_OF[S0[a] | S1[b] | S2[c] | S3[d]]];
}

/**
 * Strength of the best badugi among the first `count` of `cards` (one or
 * more, different): higher wins, equal ties. Four is the game; fewer repeat a
 * card, more try every four of them, as PokerKit does. Cards are not checked, to
 * keep this fast.
 */
export function evaluateBadugi(cards: ArrayLike<number>, count: number = cards.length): number {
  switch (count) {
    case 4:
      return badugiOf4(cards[0], cards[1], cards[2], cards[3]);
    case 3:
      return badugiOf4(cards[0], cards[1], cards[2], cards[2]);
    case 2:
      return badugiOf4(cards[0], cards[1], cards[1], cards[1]);
    case 1:
      return badugiOf4(cards[0], cards[0], cards[0], cards[0]);
  }
  if (count < 1 || count > cards.length) throw new RangeError(`A badugi hand is made from one or more cards, not ${count}.`);
  // Every hand of four or fewer cards lies inside some four of them.
  let best = 0;
  for (let i = 0; i < count; i++)
    for (let j = i + 1; j < count; j++)
      for (let k = j + 1; k < count; k++)
        for (let l = k + 1; l < count; l++) {
          const strength = badugiOf4(cards[i], cards[j], cards[k], cards[l]);
          if (strength > best) best = strength;
        }
  return best;
}
