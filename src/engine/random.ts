import { randomFillSync } from 'node:crypto';

/** A source of uniform integers in [0, bound). */
export type RandomSource = (bound: number) => number;

const POOL_SIZE = 2048;
const pool = new Uint32Array(POOL_SIZE);
let poolIndex = POOL_SIZE;

function nextUint32(): number {
  if (poolIndex === POOL_SIZE) {
    // One system call fills many draws: a shuffle costs a few table reads, not 51 syscalls.
    randomFillSync(pool);
    poolIndex = 0;
  }
  return pool[poolIndex++];
}

/**
 * A uniform integer in [0, bound) from `node:crypto`. Rejection sampling
 * removes the modulo bias that `x % bound` alone would have.
 */
export const cryptoRandom: RandomSource = (bound: number): number => {
  const limit = 0x100000000 - (0x100000000 % bound);
  let x = nextUint32();
  while (x >= limit) x = nextUint32();
  return x % bound;
};

/** A small seeded generator (mulberry32) for tests, benchmarks and bots; never for dealing. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return (bound: number): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const x = (t ^ (t >>> 14)) >>> 0;
    return Math.floor((x / 0x100000000) * bound);
  };
}
