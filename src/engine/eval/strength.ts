/**
 * The strength numbers shared by the high and short-deck evaluators, and the
 * exact (slow) scoring the lookup tables are built from.
 *
 * A strength is `(strengthClass << 12) | index`. The class orders categories,
 * the index orders hands inside one category (0 = weakest) and is dense, so
 * equal strengths are exactly the tied hands. Short deck only moves flushes
 * above full houses, so it gets its own flush class and shares everything else:
 * one `handCategory` and one `describeHigh` read both games' strengths.
 */

export const CLASS_SHIFT = 12;
export const INDEX_MASK = (1 << CLASS_SHIFT) - 1;

/** Category order as numbers; higher wins. */
export const StrengthClass = {
  highCard: 1,
  onePair: 2,
  twoPair: 3,
  threeOfAKind: 4,
  straight: 5,
  flush: 6,
  fullHouse: 7,
  shortDeckFlush: 8,
  fourOfAKind: 9,
  straightFlush: 10,
} as const;
export type StrengthClass = (typeof StrengthClass)[keyof typeof StrengthClass];

const ACE = 12;

/**
 * Rank tuples a category's hands are told apart by, most significant first
 * (for a straight only its top card; the wheel's top card is the five).
 */
function shapesOf(strengthClass: number): number[][] {
  const out: number[][] = [];
  switch (strengthClass) {
    case StrengthClass.straight:
    case StrengthClass.straightFlush:
      for (let high = 3; high <= ACE; high++) out.push([high]);
      break;
    case StrengthClass.fourOfAKind:
    case StrengthClass.fullHouse:
      for (let a = 0; a <= ACE; a++) for (let b = 0; b <= ACE; b++) if (a !== b) out.push([a, b]);
      break;
    case StrengthClass.threeOfAKind:
      for (let t = 0; t <= ACE; t++)
        for (let k1 = 0; k1 <= ACE; k1++)
          for (let k2 = 0; k2 < k1; k2++) if (k1 !== t && k2 !== t) out.push([t, k1, k2]);
      break;
    case StrengthClass.twoPair:
      for (let p1 = 0; p1 <= ACE; p1++)
        for (let p2 = 0; p2 < p1; p2++)
          for (let k = 0; k <= ACE; k++) if (k !== p1 && k !== p2) out.push([p1, p2, k]);
      break;
    case StrengthClass.onePair:
      for (let p = 0; p <= ACE; p++)
        for (const kickers of descendingSets(3)) if (!kickers.includes(p)) out.push([p, ...kickers]);
      break;
    case StrengthClass.highCard:
    case StrengthClass.flush:
    case StrengthClass.shortDeckFlush:
      for (const ranks of descendingSets(5)) if (topStraight(ranksToBits(ranks), false) < 0) out.push(ranks);
      break;
    default:
      throw new RangeError(`No hand category has class ${strengthClass}.`);
  }
  return out;
}

function descendingSets(size: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === size) {
      out.push(chosen.slice().reverse());
      return;
    }
    for (let r = from; r <= ACE; r++) {
      chosen.push(r);
      pick(r + 1, chosen);
      chosen.pop();
    }
  };
  pick(0, []);
  return out;
}

function ranksToBits(ranks: readonly number[]): number {
  let bits = 0;
  for (const r of ranks) bits |= 1 << r;
  return bits;
}

/** Packs a tuple into nibbles, first element highest, so packed order is hand order. */
function pack(tuple: readonly number[]): number {
  let packed = 0;
  for (let i = 0; i < 5; i++) packed = (packed << 4) | (i < tuple.length ? tuple[i] : 0);
  return packed;
}

const CLASS_COUNT = StrengthClass.straightFlush + 1;
const patternsByClass: Int32Array[] = [];
const indexByClass: Map<number, number>[] = [];
const tupleLengthByClass: number[] = [];
for (let cls = 1; cls < CLASS_COUNT; cls++) {
  const shapes = shapesOf(cls);
  const packed = Int32Array.from(shapes.map(pack)).sort();
  tupleLengthByClass[cls] = shapes[0].length;
  patternsByClass[cls] = packed;
  indexByClass[cls] = new Map(Array.from(packed, (p, i) => [p, i]));
}

/** The ranks that tell a strength apart, most significant first (see shapesOf). */
export function tupleOf(strength: number): number[] {
  const cls = strength >> CLASS_SHIFT;
  const patterns = patternsByClass[cls];
  const index = strength & INDEX_MASK;
  if (patterns === undefined || index >= patterns.length) throw new RangeError(`${strength} is not a hand strength.`);
  const packed = patterns[index];
  const tuple: number[] = [];
  for (let i = 0; i < tupleLengthByClass[cls]; i++) tuple.push((packed >> (4 * (4 - i))) & 15);
  return tuple;
}

/**
 * The top card of the best straight among the rank bits, or -1. In short deck
 * the ace plays low only in A-6-7-8-9, which counts as a nine-high straight.
 */
export function topStraight(bits: number, shortDeck: boolean): number {
  for (let high = ACE; high >= 4; high--) {
    const run = 31 << (high - 4);
    if ((bits & run) === run) return high;
  }
  const lowRun = shortDeck ? 0b1000011110000 : 0b1000000001111;
  return (bits & lowRun) === lowRun ? (shortDeck ? 7 : 3) : -1;
}

/** The best hand among up to 13 rank bits all of one suit, or 0 below five cards. */
export function scoreSuitedRanks(bits: number, shortDeck: boolean): number {
  if (bitCount(bits) < 5) return 0;
  const high = topStraight(bits, shortDeck);
  if (high >= 0) return strengthOfNibbles(StrengthClass.straightFlush, high, 1);
  return strengthOfNibbles(shortDeck ? StrengthClass.shortDeckFlush : StrengthClass.flush, appendTop(0, bits, 5), 5);
}

/**
 * The best hand of five or more cards with these rank counts (index = rank),
 * ignoring suits: the caller has already ruled out a flush. Works on rank
 * bit sets because it runs for every table entry at load time.
 */
export function scoreRankCounts(counts: ArrayLike<number>, shortDeck: boolean): number {
  let bits = 0;
  let pairs = 0;
  let trips = 0;
  let quads = 0;
  for (let r = 0; r <= ACE; r++) {
    const n = counts[r];
    const bit = 1 << r;
    if (n > 0) bits |= bit;
    if (n === 2) pairs |= bit;
    else if (n === 3) trips |= bit;
    else if (n === 4) quads |= bit;
  }
  if (quads !== 0) {
    const q = topRank(quads);
    return strengthOfNibbles(StrengthClass.fourOfAKind, appendTop(q, bits & ~(1 << q), 1), 2);
  }
  if (trips !== 0) {
    const t = topRank(trips);
    const pairable = (trips & ~(1 << t)) | pairs;
    if (pairable !== 0) return strengthOfNibbles(StrengthClass.fullHouse, (t << 4) | topRank(pairable), 2);
  }
  const high = topStraight(bits, shortDeck);
  if (high >= 0) return strengthOfNibbles(StrengthClass.straight, high, 1);
  if (trips !== 0) {
    const t = topRank(trips);
    return strengthOfNibbles(StrengthClass.threeOfAKind, appendTop(t, bits & ~(1 << t), 2), 3);
  }
  if (bitCount(pairs) >= 2) {
    const p1 = topRank(pairs);
    const p2 = topRank(pairs & ~(1 << p1));
    return strengthOfNibbles(StrengthClass.twoPair, appendTop((p1 << 4) | p2, bits & ~(1 << p1) & ~(1 << p2), 1), 3);
  }
  if (pairs !== 0) {
    const p = topRank(pairs);
    return strengthOfNibbles(StrengthClass.onePair, appendTop(p, bits & ~(1 << p), 3), 4);
  }
  return strengthOfNibbles(StrengthClass.highCard, appendTop(0, bits, 5), 5);
}

function topRank(bits: number): number {
  return 31 - Math.clz32(bits);
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Appends the `n` highest ranks of `bits` to `nibbles`, one nibble each. */
function appendTop(nibbles: number, bits: number, n: number): number {
  let out = nibbles;
  for (let b = bits, left = n; left > 0 && b !== 0; left--) {
    const r = topRank(b);
    out = (out << 4) | r;
    b &= ~(1 << r);
  }
  return out;
}

/** The strength of a hand of `strengthClass` told apart by a tuple packed as `length` nibbles, first element highest. */
function strengthOfNibbles(strengthClass: number, nibbles: number, length: number): number {
  const index = indexByClass[strengthClass].get(nibbles << (4 * (5 - length)));
  if (index === undefined) throw new RangeError(`${nibbles.toString(16)} is not a hand of class ${strengthClass}.`);
  return (strengthClass << CLASS_SHIFT) | index;
}
