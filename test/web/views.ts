import type { SeatView, TableView } from '../../web/src/shared/table-view.ts';

/** A seat as the table room sends it, with overrides. */
export function seat(index: number, name: string, overrides: Partial<SeatView> = {}): SeatView {
  return {
    seat: index, playerId: `p-${name}`, name, stack: 100, bet: 0, status: 'active', lastAction: '',
    cards: [], shownCards: [], upCards: [], drew: [], straddle: false, legal: null, ...overrides,
  };
}

/** A six-max no-limit table in a hand, with overrides; `seats` by index. */
export function table(overrides: Partial<TableView> & { seats?: (SeatView | undefined)[] } = {}): TableView {
  const seats = overrides.seats ?? [];
  return {
    tableId: 't1', name: 'Test table', variant: 'NT', smallBlind: 1, bigBlind: 2, ante: 0, minBuyIn: 40, maxBuyIn: 200, maxSeats: 6,
    smallBet: 0, bigBet: 0, bringIn: 0, handNumber: 1, phase: 'preflop', board: [], pots: [{ amount: 3, eligible: seats.filter(Boolean).map((s) => (s as SeatView).seat) }],
    button: 0, toAct: 0, actionDeadline: 0, waiting: [], tournamentId: '',
    boards: [], rotation: '', rotationGames: [], handsToNextGame: 0, bombPot: false, straddleOffered: false,
    straddles: 'none', runItTwiceAsk: 0, bombPotVote: false, bombPotVotes: 0,
    ...overrides,
    seats: Array.from({ length: overrides.maxSeats ?? 6 }, (_, i) => seats[i]),
  };
}
