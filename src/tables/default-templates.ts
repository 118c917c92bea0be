import type { TemplateInput } from '../persistence/types.ts';

const COMMON = {
  ante: 0, bigBlindAnte: false, straddle: 0, smallBet: 0, bigBet: 0,
  actionSeconds: 20, timeBankSeconds: 30, rakeBasisPoints: 500, idleMinutes: 60, minTables: 1,
};

/** What an empty database starts with, so a new player finds tables at once. */
export const DEFAULT_TEMPLATES: TemplateInput[] = [
  { ...COMMON, name: "NL Hold'em 1/2 6-max", variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, rakeCap: 4 },
  { ...COMMON, name: "NL Hold'em 5/10 9-max", variant: 'NT', smallBlind: 5, bigBlind: 10, minBuyIn: 200, maxBuyIn: 1000, maxSeats: 9, rakeCap: 20 },
  { ...COMMON, name: 'PL Omaha 1/2 6-max', variant: 'PO', smallBlind: 1, bigBlind: 2, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, rakeCap: 4 },
  { ...COMMON, name: "Limit Hold'em 2/4", variant: 'FT', smallBlind: 1, bigBlind: 2, smallBet: 2, bigBet: 4, minBuyIn: 40, maxBuyIn: 400, maxSeats: 9, rakeCap: 4 },
  { ...COMMON, name: 'Short Deck 1/2 ante', variant: 'NS', smallBlind: 0, bigBlind: 2, ante: 1, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6, rakeCap: 4 },
];
