import { IllegalActionError } from '../errors.ts';
import { BettingStructure, findVariant, usesBringIn, type Variant } from '../variants.ts';
import type { Stakes } from './state.ts';

function isChips(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function refuse(message: string): never {
  throw new IllegalActionError('bad_stakes', message);
}

/**
 * Refuses stakes a hand could not be dealt with: chip amounts are whole and
 * non-negative, the big blind is positive and at least the small blind, and a
 * straddle (when above zero) is larger than the big blind, because the hand
 * engine starts the action after the largest blind or straddle. With a stud
 * `variant` (a bring-in game), there are no blinds, straddle or big-blind
 * ante, and the bring-in is positive; other games have no bring-in.
 */
export function verifyStakes(stakes: Stakes, variant?: Variant): void {
  const { smallBlind, bigBlind, ante, straddle, bringIn } = stakes;
  if (!isChips(smallBlind) || !isChips(bigBlind) || !isChips(ante)) refuse('Blinds and antes must be whole, non-negative chip counts.');
  if (bringIn !== undefined && !isChips(bringIn)) refuse('A bring-in must be a whole, non-negative chip count.');
  if (variant && usesBringIn(variant)) {
    if (smallBlind !== 0 || bigBlind !== 0 || (straddle ?? 0) !== 0 || stakes.bigBlindAnte) {
      refuse(`${variant.name} has no blinds or straddle: set them to 0, with an ante and a bring-in.`);
    }
    if (!bringIn) refuse(`${variant.name} needs a positive bring-in, posted by the lowest up card.`);
    return;
  }
  if (bringIn) refuse('Only stud games have a bring-in; set it to 0.');
  if (bigBlind === 0 || smallBlind > bigBlind) refuse('The big blind must be positive and at least the small blind.');
  if (straddle !== undefined && (!isChips(straddle) || (straddle > 0 && straddle <= bigBlind))) {
    refuse('A straddle must be a whole chip count larger than the big blind, or 0 for none.');
  }
}

/** The game a table runs by: its variant, stakes and bets, and seats no more than the variant deals. */
export type TableGame = { variant: string; stakes: Stakes; smallBet: number; bigBet: number; rotation?: readonly TableGame[] };

/**
 * Refuses a game a table could not deal: an unknown variant, stakes that do
 * not fit it (see `verifyStakes`), fixed-limit bets that are not a positive
 * small bet and a big bet at least as large, a bring-in not below the small
 * bet, or more seats than the variant deals (stud: 8); with a rotation, any
 * of its games that breaks one of these.
 */
export function verifyTableGame(game: TableGame, maxSeats?: number): void {
  for (const entry of game.rotation ?? []) verifyTableGame(entry, maxSeats);
  const variant = findVariant(game.variant);
  if (!variant) throw new IllegalActionError('unknown_variant', `The variant "${game.variant}" is not supported.`);
  verifyStakes(game.stakes, variant);
  if (variant.betting === BettingStructure.fixedLimit) {
    const { smallBet, bigBet } = game;
    if (!Number.isSafeInteger(smallBet) || !Number.isSafeInteger(bigBet) || smallBet <= 0 || bigBet < smallBet) {
      refuse('A fixed-limit game needs a positive small bet and a big bet at least as large.');
    }
    if ((game.stakes.bringIn ?? 0) >= smallBet) refuse(`The bring-in must be less than the small bet (${smallBet}).`);
  }
  if (maxSeats !== undefined && maxSeats > variant.maxPlayers) {
    throw new IllegalActionError('bad_table', `${variant.name} deals at most ${variant.maxPlayers} players; a table of ${maxSeats} seats is too many.`);
  }
}
