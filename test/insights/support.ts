import { randomUUID } from 'node:crypto';
import { Hand } from '../../src/engine/hand/Hand.ts';
import type { HandFlow } from '../../src/insights/hand-flows.ts';
import type { HandRecordInput } from '../../src/persistence/types.ts';
import { nlConfig } from '../engine/hand/helpers.ts';

/** A hand's flow as plain data, for the rules' unit tests: big blind 2 unless said. */
export function flow(playerIds: string[], net: number[], options: Partial<HandFlow> = {}): HandFlow {
  return { handId: randomUUID(), tableId: 'table-1', endedAt: new Date('2026-11-30T12:00:00Z'), bigBlind: 2, playerIds, net, folds: [], ...options };
}

/** `count` copies of a hand made by `make` (each with its own id). */
export function times(count: number, make: (i: number) => HandFlow): HandFlow[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** A small deterministic generator, so "random" normal play is the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A real heads-up no-limit 1/2 hand played on the engine, as the room stores
 * it: `loser` (small blind) opens to `openTo` and folds to `winner`'s raise
 * to `raiseTo`; with `openTo` 0 the loser just folds the small blind.
 */
export function headsUpHand(options: { tableId: string; loser: string; winner: string; endedAt: Date; openTo: number; raiseTo?: number; handNumber?: number }): HandRecordInput {
  // Heads-up the engine's hand order puts the big blind first: the winner is 0, the loser (small blind) 1 and acts first.
  const hand = Hand.start(nlConfig([1000, 1000]));
  if (options.openTo > 0) {
    hand.raiseTo(1, options.openTo);
    hand.raiseTo(0, options.raiseTo ?? options.openTo * 3);
  }
  hand.fold(1);
  if (!hand.isComplete) throw new Error('the planted hand did not finish');
  return {
    id: randomUUID(), tableId: options.tableId, handNumber: options.handNumber ?? 1, variant: 'NT',
    startedAt: new Date(options.endedAt.getTime() - 30_000), endedAt: options.endedAt,
    playerIds: [options.winner, options.loser], state: structuredClone(hand.state), rake: 0,
  };
}
