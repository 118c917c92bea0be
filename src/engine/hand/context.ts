import { IllegalActionError } from '../errors.ts';
import type { RandomSource } from '../random.ts';
import type { Variant } from '../variants.ts';
import type { HandState } from './state.ts';

/** What every part of a hand works on: its plain state, its variant's rules, and the randomness its deck draws with. */
export type HandContext = {
  readonly state: HandState;
  readonly variant: Variant;
  readonly random: RandomSource;
};

export function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/** Every hand index once, starting from `start`. */
export function rotated(count: number, start: number): number[] {
  const order = new Array<number>(count);
  for (let k = 0; k < count; k++) order[k] = (start + k) % count;
  return order;
}

/** The `can` of a verify/can/act triple: whether `verify` passes; other errors still throw. */
export function passes(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch (error) {
    if (error instanceof IllegalActionError) return false;
    throw error;
  }
}
