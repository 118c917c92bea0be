/**
 * Variants are data: a deck, a list of streets, a betting structure and the
 * evaluators that split the pot. Adding stud or draw means adding a record
 * here (streets with up cards, draws, a bring-in opening), not a subclass.
 */

export const BettingStructure = {
  noLimit: 'noLimit',
  potLimit: 'potLimit',
  fixedLimit: 'fixedLimit',
} as const;
export type BettingStructure = (typeof BettingStructure)[keyof typeof BettingStructure];

/**
 * Which hands split a pot. `low8` is ace-to-five low eight or better (stud
 * hi-lo), `lowA5` ace-to-five low with no qualifier (razz), `low27`
 * deuce-to-seven low (2-7 draw), `badugi` badugi.
 */
export const HandType = {
  high: 'high',
  shortDeckHigh: 'shortDeckHigh',
  omahaHigh: 'omahaHigh',
  omahaLow8: 'omahaLow8',
  low8: 'low8',
  lowA5: 'lowA5',
  low27: 'low27',
  badugi: 'badugi',
} as const;
export type HandType = (typeof HandType)[keyof typeof HandType];

/**
 * Who opens a betting round: position (after the blinds), or by up cards
 * (stud, PokerKit's openings): the lowest up card brings in (deuce low, ties
 * by suit, clubs lowest), razz's highest (king high, ties by suit, spades
 * highest); on later streets the best up hand opens (razz: the lowest), ties
 * to the first player in hand order.
 */
export const Opening = {
  position: 'position',
  lowUpCard: 'lowUpCard',
  highUpCard: 'highUpCard',
  highUpHand: 'highUpHand',
  lowUpHand: 'lowUpHand',
} as const;
export type Opening = (typeof Opening)[keyof typeof Opening];

export type Street = {
  /** The phase name clients see (`preflop`, `flop`, `third`, `draw1` …). */
  readonly name: string;
  readonly burn: boolean;
  /** One entry per hole card dealt this street: true when dealt face up. */
  readonly hole: readonly boolean[];
  readonly board: number;
  /** Players may discard and draw before this street's betting (their replacements are dealt face down). */
  readonly draw: boolean;
  readonly opening: Opening;
  /** Fixed limit: whether this street uses the small bet or the big bet. */
  readonly limit: 'small' | 'big';
};

export type Variant = {
  readonly code: string;
  readonly name: string;
  /** The lowest rank in the deck: 0 for 52 cards, 4 (sixes) for short deck. */
  readonly lowestRank: number;
  readonly streets: readonly Street[];
  readonly betting: BettingStructure;
  /** Fixed limit: bets and raises allowed per street (a bet and three raises). */
  readonly maxRaises: number | null;
  readonly handTypes: readonly HandType[];
  /** The most players one deck deals: stud's seven cards each stop at eight (the common card covers the rest). */
  readonly maxPlayers: number;
};

function holdemStreets(holeCards: number): Street[] {
  const down = new Array<boolean>(holeCards).fill(false);
  return [
    { name: 'preflop', burn: false, hole: down, board: 0, draw: false, opening: Opening.position, limit: 'small' },
    { name: 'flop', burn: true, hole: [], board: 3, draw: false, opening: Opening.position, limit: 'small' },
    { name: 'turn', burn: true, hole: [], board: 1, draw: false, opening: Opening.position, limit: 'big' },
    { name: 'river', burn: true, hole: [], board: 1, draw: false, opening: Opening.position, limit: 'big' },
  ];
}

/**
 * Stud (PokerKit's streets): two down and one up on third street, one up on
 * fourth to sixth, one down on seventh, a burn before each after the first.
 * Third and fourth street bet the small bet, fifth to seventh the big bet.
 */
function studStreets(low: boolean): Street[] {
  const later = low ? Opening.lowUpHand : Opening.highUpHand;
  const street = (name: string, hole: boolean[], limit: 'small' | 'big', first = false): Street => ({
    name, burn: !first, hole, board: 0, draw: false, opening: first ? (low ? Opening.highUpCard : Opening.lowUpCard) : later, limit,
  });
  return [
    street('third', [false, false, true], 'small', true),
    street('fourth', [true], 'small'),
    street('fifth', [true], 'big'),
    street('sixth', [true], 'big'),
    street('seventh', [false], 'big'),
  ];
}

/** Draw (PokerKit's streets): the deal and a betting round, then `draws` times a burn, a draw and a betting round. */
function drawStreets(holeCards: number, draws: number): Street[] {
  const streets: Street[] = [
    { name: 'predraw', burn: false, hole: new Array<boolean>(holeCards).fill(false), board: 0, draw: false, opening: Opening.position, limit: 'small' },
  ];
  for (let k = 1; k <= draws; k++) {
    // Triple draw bets the small bet before the draw and after the first, the big bet after the second and third.
    streets.push({ name: `draw${k}`, burn: true, hole: [], board: 0, draw: true, opening: Opening.position, limit: k >= 2 ? 'big' : 'small' });
  }
  return streets;
}

export const VARIANTS: Readonly<Record<string, Variant>> = {
  NT: {
    code: 'NT', name: "No-limit Texas hold'em", lowestRank: 0, streets: holdemStreets(2),
    betting: BettingStructure.noLimit, maxRaises: null, handTypes: [HandType.high], maxPlayers: 10,
  },
  FT: {
    code: 'FT', name: "Fixed-limit Texas hold'em", lowestRank: 0, streets: holdemStreets(2),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.high], maxPlayers: 10,
  },
  NS: {
    code: 'NS', name: "No-limit short-deck hold'em", lowestRank: 4, streets: holdemStreets(2),
    betting: BettingStructure.noLimit, maxRaises: null, handTypes: [HandType.shortDeckHigh], maxPlayers: 10,
  },
  PO: {
    code: 'PO', name: 'Pot-limit Omaha', lowestRank: 0, streets: holdemStreets(4),
    betting: BettingStructure.potLimit, maxRaises: null, handTypes: [HandType.omahaHigh], maxPlayers: 10,
  },
  'FO/8': {
    code: 'FO/8', name: 'Fixed-limit Omaha hi-lo 8 or better', lowestRank: 0, streets: holdemStreets(4),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.omahaHigh, HandType.omahaLow8], maxPlayers: 10,
  },
  F7S: {
    code: 'F7S', name: 'Fixed-limit seven-card stud', lowestRank: 0, streets: studStreets(false),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.high], maxPlayers: 8,
  },
  'F7S/8': {
    code: 'F7S/8', name: 'Fixed-limit seven-card stud hi-lo 8 or better', lowestRank: 0, streets: studStreets(false),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.high, HandType.low8], maxPlayers: 8,
  },
  FR: {
    code: 'FR', name: 'Fixed-limit razz', lowestRank: 0, streets: studStreets(true),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.lowA5], maxPlayers: 8,
  },
  N2L1D: {
    code: 'N2L1D', name: 'No-limit 2-7 single draw', lowestRank: 0, streets: drawStreets(5, 1),
    betting: BettingStructure.noLimit, maxRaises: null, handTypes: [HandType.low27], maxPlayers: 10,
  },
  F2L3D: {
    code: 'F2L3D', name: 'Fixed-limit 2-7 triple draw', lowestRank: 0, streets: drawStreets(5, 3),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.low27], maxPlayers: 10,
  },
  FB: {
    code: 'FB', name: 'Fixed-limit badugi', lowestRank: 0, streets: drawStreets(4, 3),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.badugi], maxPlayers: 10,
  },
};

export function findVariant(code: string): Variant | undefined {
  return Object.hasOwn(VARIANTS, code) ? VARIANTS[code] : undefined;
}

/** Whether the first street opens with a forced bring-in by up cards (stud) rather than blinds. */
export function usesBringIn(variant: Variant): boolean {
  return variant.streets[0].opening !== Opening.position;
}

/** Whether players discard and draw on some street. */
export function hasDraws(variant: Variant): boolean {
  return variant.streets.some((street) => street.draw);
}

/** Cards in the variant's deck: 52, or 36 for short deck. */
export function deckSize(variant: Variant): number {
  return 4 * (13 - variant.lowestRank);
}

/** Cards each player holds after all streets are dealt. */
export function holeCardCount(variant: Variant): number {
  let count = 0;
  for (const street of variant.streets) count += street.hole.length;
  return count;
}
