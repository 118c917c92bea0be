import { IllegalActionError } from '../errors.ts';
import type { Stakes } from './state.ts';

function isChips(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Refuses stakes a hand could not be dealt with: chip amounts are whole and
 * non-negative, the big blind is positive and at least the small blind, and a
 * straddle (when above zero) is larger than the big blind, because the hand
 * engine starts the action after the largest blind or straddle.
 */
export function verifyStakes(stakes: Stakes): void {
  const { smallBlind, bigBlind, ante, straddle } = stakes;
  if (!isChips(smallBlind) || !isChips(bigBlind) || !isChips(ante)) {
    throw new IllegalActionError('bad_stakes', 'Blinds and antes must be whole, non-negative chip counts.');
  }
  if (bigBlind === 0 || smallBlind > bigBlind) {
    throw new IllegalActionError('bad_stakes', 'The big blind must be positive and at least the small blind.');
  }
  if (straddle !== undefined && (!isChips(straddle) || (straddle > 0 && straddle <= bigBlind))) {
    throw new IllegalActionError('bad_stakes', 'A straddle must be a whole chip count larger than the big blind, or 0 for none.');
  }
}
