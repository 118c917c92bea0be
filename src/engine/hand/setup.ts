import { IllegalActionError } from '../errors.ts';
import type { DeckState } from '../deck.ts';
import { BettingStructure, findVariant, usesBringIn, type Variant } from '../variants.ts';
import { HandPhase, type HandConfig, type HandState } from './state.ts';

function isChipCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Checks a hand's configuration; a bad one is refused with a sentence saying what to fix. */
export function verifyConfig(config: HandConfig): Variant {
  const variant = findVariant(config.variant);
  if (!variant) throw new IllegalActionError('unknown_variant', `The variant "${config.variant}" is not supported.`);
  const n = config.startingStacks.length;
  if (n < 2) throw new IllegalActionError('too_few_players', 'A hand needs at least two players.');
  const perPlayer: [string, readonly number[] | undefined][] = [
    ['startingStacks', config.startingStacks],
    ['antes', config.antes],
    ['deadBlinds', config.deadBlinds],
    ['posts', config.posts],
  ];
  for (const [name, values] of perPlayer) {
    if (values === undefined) continue;
    if (values.length !== n) throw new IllegalActionError('bad_config', `${name} must have one entry per player (${n}).`);
    if (!values.every(isChipCount)) throw new IllegalActionError('bad_config', `${name} must be whole, non-negative chip counts.`);
  }
  if (config.blindsOrStraddles.length !== n || !config.blindsOrStraddles.every((v) => Number.isSafeInteger(v))) {
    throw new IllegalActionError('bad_config', `blindsOrStraddles must have one whole number per player (${n}).`);
  }
  if (config.startingStacks.some((stack) => stack <= 0)) {
    throw new IllegalActionError('bad_config', 'Every player in a hand needs chips.');
  }
  if (variant.betting === BettingStructure.fixedLimit) {
    if (!isChipCount(config.smallBet) || !isChipCount(config.bigBet) || config.smallBet <= 0 || config.bigBet < config.smallBet) {
      throw new IllegalActionError('bad_config', 'A fixed-limit hand needs a small bet and a big bet at least as large.');
    }
  } else if (!isChipCount(config.minBet) || config.minBet <= 0) {
    throw new IllegalActionError('bad_config', 'A no-limit or pot-limit hand needs a positive minimum bet.');
  }
  if (config.bringIn !== undefined && !isChipCount(config.bringIn)) {
    throw new IllegalActionError('bad_config', 'A bring-in must be a whole, non-negative chip count.');
  }
  if (usesBringIn(variant)) {
    if (config.blindsOrStraddles.some((blind) => blind !== 0)) {
      throw new IllegalActionError('bad_config', `${variant.name} has no blinds or straddles; it opens with a bring-in.`);
    }
    if ((config.bringIn ?? 0) >= (config.smallBet ?? 0)) throw new IllegalActionError('bad_config', 'The bring-in must be less than the small bet.');
  } else if ((config.bringIn ?? 0) > 0) {
    throw new IllegalActionError('bad_config', `${variant.name} has no bring-in; only stud does.`);
  }
  if (config.maxRunouts !== undefined && (!Number.isSafeInteger(config.maxRunouts) || config.maxRunouts < 1)) {
    throw new IllegalActionError('bad_config', 'maxRunouts must be a whole number of at least 1.');
  }
  return variant;
}

/** The state of a hand before anything is posted or dealt. */
export function initialState(config: HandConfig, deck: DeckState | null): HandState {
  const n = config.startingStacks.length;
  const zeros = (): number[] => new Array<number>(n).fill(0);
  const flags = (value: boolean): boolean[] => new Array<boolean>(n).fill(value);
  const lists = <T>(): T[][] => {
    const result: T[][] = [];
    for (let i = 0; i < n; i++) result.push([]);
    return result;
  };
  return {
    config,
    phase: HandPhase.dealing,
    street: -1,
    stacks: [...config.startingStacks],
    bets: zeros(),
    contributed: zeros(),
    dead: 0,
    active: flags(true),
    hole: lists(),
    holeUp: lists(),
    shown: flags(false),
    boards: [[]],
    sharedBoard: 0,
    deck,
    burned: [],
    pendingHole: zeros(),
    pendingBoard: 0,
    pendingBurn: false,
    pendingDraw: flags(false),
    actors: [],
    acted: flags(false),
    opener: 0,
    raiseSize: 0,
    raiseCount: 0,
    allInRaises: [],
    bringInPending: false,
    completionPending: false,
    allIn: false,
    runoutVotes: new Array<number | null>(n).fill(null),
    runouts: 1,
    showdownQueue: [],
    pots: [],
    winnings: zeros(),
    log: [],
  };
}
