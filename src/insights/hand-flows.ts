import type { HandState } from '../engine/hand/state.ts';
import type { HandRecord } from '../persistence/types.ts';

/** A fold to a bet or raise: who folded, whose bet it was, and how big (the street's bet level, in chips). */
export type FoldToBet = { player: number; to: number; facing: number };

/**
 * What the money rules need of one completed hand, read from its stored
 * engine state. Players are hand indices into `playerIds`.
 */
export type HandFlow = {
  handId: string;
  tableId: string;
  endedAt: Date;
  /** Chips per big blind in this hand: the unit results are compared in across stakes. */
  bigBlind: number;
  playerIds: string[];
  /** What each player won (+) or lost (−) in the hand: final stack minus starting stack. */
  net: number[];
  folds: FoldToBet[];
};

/**
 * Reads a hand record's chip movements: each player's result from the
 * engine's starting and final stacks, and every fold that answered a bet or
 * raise. Null when the stored state is not a complete hand state (an older or
 * damaged record), so one bad row never stops a run.
 */
export function handFlow(record: HandRecord): HandFlow | null {
  const state = record.state as Partial<HandState> | null;
  const starting = state?.config?.startingStacks;
  const final = state?.stacks;
  const n = record.playerIds.length;
  if (!isChipList(starting, n) || !isChipList(final, n) || !Array.isArray(state?.log)) return null;
  return {
    handId: record.id,
    tableId: record.tableId,
    endedAt: record.endedAt,
    bigBlind: bigBlindOf(state.config!),
    playerIds: record.playerIds,
    net: final.map((stack, i) => stack - starting[i]),
    folds: foldsToBets(state.log),
  };
}

function isChipList(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every(Number.isFinite);
}

/** The minimum bet of no- and pot-limit games is the big blind; fixed-limit games measure in small bets. */
function bigBlindOf(config: HandState['config']): number {
  const unit = config.minBet ?? config.smallBet ?? Math.max(0, ...(config.blindsOrStraddles ?? []));
  return unit > 0 ? unit : 1;
}

function foldsToBets(log: HandState['log']): FoldToBet[] {
  const folds: FoldToBet[] = [];
  // The street's last bet or raise; a new street (cards dealt, bets collected) starts without one.
  let lastBet: { player: number; to: number } | null = null;
  for (const op of log) {
    if (op.type === 'raise') lastBet = { player: op.player, to: op.to };
    else if (op.type === 'bringIn') lastBet = { player: op.player, to: op.amount };
    else if (op.type === 'collect' || op.type === 'dealBoard' || op.type === 'dealHole') lastBet = null;
    else if (op.type === 'fold' && lastBet && lastBet.player !== op.player) folds.push({ player: op.player, to: lastBet.player, facing: lastBet.to });
  }
  return folds;
}
