import type { TournamentTable } from '../../../src/tournaments/rules/positions.ts';
import type { TournamentDefinition } from '../../../src/tournaments/rules/structure.ts';

export const refused = (code: string) => ({ name: 'IllegalActionError', code });

/** A valid scheduled tournament; `overrides` replace fields. */
export function mtt(overrides: Partial<TournamentDefinition> = {}): TournamentDefinition {
  return {
    name: 'Sunday 100',
    kind: 'mtt',
    variant: 'NT',
    buyIn: 100,
    fee: 10,
    startingStack: 10_000,
    tableSize: 9,
    minEntrants: 10,
    maxEntrants: 500,
    startsAt: 1_900_000_000_000,
    levels: [
      { smallBlind: 25, bigBlind: 50, ante: 0, seconds: 600 },
      { smallBlind: 50, bigBlind: 100, ante: 0, seconds: 600 },
      { smallBlind: 75, bigBlind: 150, ante: 25, seconds: 600 },
      { smallBlind: 100, bigBlind: 200, ante: 25, seconds: 600 },
    ],
    ...overrides,
  };
}

/** A valid nine-player sit-and-go; `overrides` replace fields. */
export function sng(overrides: Partial<TournamentDefinition> = {}): TournamentDefinition {
  const { startsAt: _, ...rest } = mtt({ kind: 'sng', minEntrants: 9, maxEntrants: 9 });
  return { ...rest, ...overrides };
}

/**
 * A tournament table from a picture of its seats: a string is a player (id
 * and stack 1000), null an empty seat. `last` is the last hand's positions.
 */
export function tableOf(
  table: number,
  seats: (string | null)[],
  last: { button: number; small: number; big: number } = { button: -1, small: -1, big: -1 },
  handInPlay = false,
): TournamentTable {
  return {
    table,
    seats: seats.map((id) => (id === null ? null : { playerId: id, stack: 1000 })),
    button: last.button,
    smallBlindSeat: last.small,
    bigBlindSeat: last.big,
    handInPlay,
  };
}
