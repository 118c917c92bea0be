import type { TournamentDefinition } from '../../src/tournaments/rules/structure.ts';

const LEVELS = [
  { smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 },
  { smallBlind: 20, bigBlind: 40, ante: 5, seconds: 300 },
  { smallBlind: 50, bigBlind: 100, ante: 10, seconds: 300 },
];

/** A six-handed hold'em sit-and-go: 100 + 10, 1,500 chips, three levels. */
export function sitAndGo(overrides: Partial<TournamentDefinition> = {}): TournamentDefinition {
  return {
    name: 'Turbo SNG', kind: 'sng', variant: 'NT', buyIn: 100, fee: 10, startingStack: 1500, tableSize: 6,
    minEntrants: 2, maxEntrants: 6, levels: LEVELS.map((level) => ({ ...level })), ...overrides,
  };
}

/** A scheduled hold'em tournament starting at `startsAt` (epoch ms). */
export function scheduled(startsAt: number, overrides: Partial<TournamentDefinition> = {}): TournamentDefinition {
  return {
    name: 'Nightly', kind: 'mtt', variant: 'NT', buyIn: 200, fee: 20, startingStack: 5000, tableSize: 9,
    minEntrants: 2, maxEntrants: 500, startsAt, levels: LEVELS.map((level) => ({ ...level })), ...overrides,
  };
}
