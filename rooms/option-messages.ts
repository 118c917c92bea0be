import { z } from 'zod';
import { Rejection } from './rejection.ts';

// Client → server payloads of the table options (docs/protocol.md, "Table options"), checked in the handlers like the others.

/** `runItTwice`: the answer of a player all in who is asked whether to run the board twice. */
export const RunItTwiceMessage = z.strictObject({ agree: z.boolean() });

/** `straddle`: the player's standing wish to straddle when their position allows it. */
export const StraddleMessage = z.strictObject({ on: z.boolean() });

/** `bombPot`: a vote for the next hand to be a bomb pot, or its withdrawal. */
export const BombPotMessage = z.strictObject({ vote: z.boolean() });

/** A tournament table has none of a cash table's options. */
export function notATournamentOption(): never {
  throw new Rejection('tournament_table', 'A tournament table has no table options: no straddles, bomb pots or running it twice.');
}
