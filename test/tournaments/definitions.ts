import type { TournamentDefinition } from '../../src/tournaments/rules/structure.ts';

/** Rising blinds, `count` levels of `seconds` each. */
export function levels(count: number, seconds = 600): TournamentDefinition['levels'] {
  return Array.from({ length: count }, (_, i) => ({ smallBlind: 25 * (i + 1), bigBlind: 50 * (i + 1), ante: i >= 3 ? 5 * i : 0, seconds }));
}

/** A sit-and-go of `players` at tables of `tableSize`; `overrides` replace fields. */
export function sitAndGo(players: number, tableSize: number, overrides: Partial<TournamentDefinition> = {}): TournamentDefinition {
  return {
    name: `SNG ${players}`,
    kind: 'sng',
    variant: 'NT',
    buyIn: 100,
    fee: 10,
    startingStack: 1500,
    tableSize,
    minEntrants: players,
    maxEntrants: players,
    levels: levels(10),
    ...overrides,
  };
}

/** A scheduled tournament starting at `startsAt`; `overrides` replace fields. */
export function scheduled(startsAt: number, overrides: Partial<TournamentDefinition> = {}): TournamentDefinition {
  return {
    name: 'Sunday MTT',
    kind: 'mtt',
    variant: 'NT',
    buyIn: 100,
    fee: 10,
    startingStack: 10_000,
    tableSize: 9,
    minEntrants: 10,
    maxEntrants: 5000,
    startsAt,
    levels: levels(15),
    ...overrides,
  };
}
