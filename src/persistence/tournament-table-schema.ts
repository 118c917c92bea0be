import { z } from 'zod';
import type { CashTableState } from '../engine/cash/state.ts';
import type { TournamentPart, TournamentTableState } from '../engine/tournament/state.ts';
import type { TableRecord } from './types.ts';

// A tournament table's snapshot is a cash table's state (checked by
// snapshot-schema.ts when it loads) with its `tournament` part, checked here
// when its room restores it, and an `away` mark on each seat.

const int = z.number().int();
const stakes = z.looseObject({ smallBlind: int.min(0), bigBlind: int.min(0), ante: int.min(0) });
const deal = z.looseObject({ handNumber: int.min(1), level: int.min(0), stakes, smallBet: int.min(0), bigBet: int.min(0) });
const seatLine = z.looseObject({ seat: int, playerId: z.string(), stack: int.min(0) });
const report = z.looseObject({
  tableId: z.string(), handNumber: int.min(1), seats: z.array(seatLine), startStacks: z.record(z.string(), int.min(0)),
  button: int, smallBlindSeat: int, bigBlindSeat: int,
});
const held = z.looseObject({ playerId: z.string(), stack: int.min(0) });

const tournamentPart: z.ZodType<TournamentPart> = z.looseObject({
  tournamentId: z.string().min(1), number: int, level: int, lastOrdered: int.min(0), order: deal.nullable(), handEndedAt: z.number(),
  report: report.nullable(),
  seated: z.record(z.string(), z.looseObject({ playerId: z.string(), seat: int })),
  released: z.record(z.string(), held),
  added: z.record(z.string(), held),
  movedTo: z.record(z.string(), z.looseObject({ tableId: z.string(), seat: int })),
  closed: z.boolean(),
});

/** The tournament table in a loaded snapshot, or null when the state has no valid tournament part (or another tournament's). */
export function tournamentTableState(state: CashTableState, record: TableRecord): TournamentTableState | null {
  const parsed = tournamentPart.safeParse((state as { tournament?: unknown }).tournament);
  if (!parsed.success || parsed.data.tournamentId !== record.tournamentId) return null;
  const info = state.info.map((seat) => seat && { ...seat, away: Boolean((seat as { away?: unknown }).away) });
  return { ...state, info, tournament: parsed.data };
}

/**
 * A tournament table's settings as its row stores them (`TournamentTableSettings`);
 * `tableSize` is taken for `maxSeats` and `level` is kept, so the row may
 * hold the tournament's `TournamentTableOptions` as they are.
 */
export const tournamentTableRow = z.looseObject({
  variant: z.string().min(1),
  maxSeats: int.min(2).optional(),
  tableSize: int.min(2).optional(),
  number: int.min(1),
  level: int.min(0).optional(),
  stakes,
  smallBet: int.min(0),
  bigBet: int.min(0),
  actionSeconds: z.number().positive().optional(),
  timeBankSeconds: z.number().min(0).optional(),
}).refine((row) => row.maxSeats !== undefined || row.tableSize !== undefined, { message: 'a tournament table needs maxSeats (or tableSize)' });
export type TournamentTableRow = z.infer<typeof tournamentTableRow>;
