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

/** Which hands split a pot: high only, or high and ace-to-five low 8 or better. */
export const HandType = {
  high: 'high',
  shortDeckHigh: 'shortDeckHigh',
  omahaHigh: 'omahaHigh',
  omahaLow8: 'omahaLow8',
  low8: 'low8',
} as const;
export type HandType = (typeof HandType)[keyof typeof HandType];

/** Who opens a betting round: position (after the blinds), or by up cards (stud). */
export const Opening = {
  position: 'position',
  lowUpCard: 'lowUpCard',
  highUpHand: 'highUpHand',
} as const;
export type Opening = (typeof Opening)[keyof typeof Opening];

export type Street = {
  /** The phase name clients see (`preflop`, `flop`, `third`, `draw1` …). */
  readonly name: string;
  readonly burn: boolean;
  /** One entry per hole card dealt this street: true when dealt face up. */
  readonly hole: readonly boolean[];
  readonly board: number;
  /** Players may discard and draw before this street's betting. */
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

export const VARIANTS: Readonly<Record<string, Variant>> = {
  NT: {
    code: 'NT', name: "No-limit Texas hold'em", lowestRank: 0, streets: holdemStreets(2),
    betting: BettingStructure.noLimit, maxRaises: null, handTypes: [HandType.high],
  },
  FT: {
    code: 'FT', name: "Fixed-limit Texas hold'em", lowestRank: 0, streets: holdemStreets(2),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.high],
  },
  NS: {
    code: 'NS', name: "No-limit short-deck hold'em", lowestRank: 4, streets: holdemStreets(2),
    betting: BettingStructure.noLimit, maxRaises: null, handTypes: [HandType.shortDeckHigh],
  },
  PO: {
    code: 'PO', name: 'Pot-limit Omaha', lowestRank: 0, streets: holdemStreets(4),
    betting: BettingStructure.potLimit, maxRaises: null, handTypes: [HandType.omahaHigh],
  },
  'FO/8': {
    code: 'FO/8', name: 'Fixed-limit Omaha hi-lo 8 or better', lowestRank: 0, streets: holdemStreets(4),
    betting: BettingStructure.fixedLimit, maxRaises: 4, handTypes: [HandType.omahaHigh, HandType.omahaLow8],
  },
};

export function findVariant(code: string): Variant | undefined {
  return Object.hasOwn(VARIANTS, code) ? VARIANTS[code] : undefined;
}

/** Cards each player holds after all streets are dealt. */
export function holeCardCount(variant: Variant): number {
  let count = 0;
  for (const street of variant.streets) count += street.hole.length;
  return count;
}
