// Seven-card hand evaluation throughput: Felt against two npm evaluators on
// the same random hands. Each library gets the hands in its own input format,
// converted before timing, through its fastest seven-card entry point. Then
// Felt's low and badugi evaluators on the same hands: razz and eight-or-better
// on all seven cards, 2-7 on the first five, badugi on the first four.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { badugiOf4 } from '../src/engine/eval/badugi.ts';
import { evaluate7 } from '../src/engine/eval/high.ts';
import { low27Of5 } from '../src/engine/eval/low-27.ts';
import { lowA5Of7 } from '../src/engine/eval/low-a5.ts';
import { evaluateLow8 } from '../src/engine/eval/low.ts';
import { seededRandom } from '../src/engine/random.ts';
import { printFigure, type Figure } from './figure.ts';

type ArrayEvaluator = (cards: number[]) => number;
type ArgsEvaluator = (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => number;

const require = createRequire(import.meta.url);

/**
 * @pokertools/evaluator's `evaluate(codes)` only dispatches on the length to
 * `evaluate7Cards(codes)`; its exports map hides that module, so load it by
 * path to time the evaluator rather than the dispatch. Lower wins.
 */
function loadPokertools(): ArrayEvaluator {
  const main = require.resolve('@pokertools/evaluator');
  return (require(join(dirname(main), 'core', 'evaluator.js')) as { evaluate7Cards: ArrayEvaluator }).evaluate7Cards;
}

/** phe's `evaluateCardCodes` spreads an array into `evaluate_7_cards(a, …, g)`; call that directly. Lower wins. */
function loadPhe(): ArgsEvaluator {
  return require('phe/lib/evaluator7.js') as ArgsEvaluator;
}

const HANDS = 1_000_000;
const SEED = 0xfe17;

/** `count` seven-card hands of Felt cards (rank * 4 + suit, suits c d h s), seven bytes each. */
function dealHands(count: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const deck = Uint8Array.from({ length: 52 }, (_, i) => i);
  const hands = new Uint8Array(count * 7);
  for (let h = 0; h < count; h++) {
    for (let i = 0; i < 7; i++) {
      const j = i + random(52 - i);
      const card = deck[j];
      deck[j] = deck[i];
      deck[i] = card;
      hands[h * 7 + i] = card;
    }
  }
  return hands;
}

/** Both npm libraries number cards rank * 4 + suit with suits s h d c: Felt's suit order reversed. */
function toLibraryCode(card: number): number {
  return (card & ~3) | (3 - (card & 3));
}

function runFelt(hands: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < hands.length; i += 7) {
    sum += evaluate7(hands[i], hands[i + 1], hands[i + 2], hands[i + 3], hands[i + 4], hands[i + 5], hands[i + 6]);
  }
  return sum;
}

function runRazz(hands: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < hands.length; i += 7) {
    sum += lowA5Of7(hands[i], hands[i + 1], hands[i + 2], hands[i + 3], hands[i + 4], hands[i + 5], hands[i + 6]);
  }
  return sum;
}

/** evaluateLow8 takes an array: one view per hand, made before timing. Adds one so that no low (-1) still counts. */
function runLow8(views: readonly Uint8Array[]): number {
  let sum = 0;
  for (let h = 0; h < views.length; h++) sum += evaluateLow8(views[h], 7) + 1;
  return sum;
}

function runLow27(hands: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < hands.length; i += 7) sum += low27Of5(hands[i], hands[i + 1], hands[i + 2], hands[i + 3], hands[i + 4]);
  return sum;
}

function runBadugi(hands: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < hands.length; i += 7) sum += badugiOf4(hands[i], hands[i + 1], hands[i + 2], hands[i + 3]);
  return sum;
}

function runPokertools(evaluate: ArrayEvaluator, hands: number[][]): number {
  let sum = 0;
  for (let i = 0; i < hands.length; i++) sum += evaluate(hands[i]);
  return sum;
}

function runPhe(evaluate: ArgsEvaluator, hands: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < hands.length; i += 7) {
    sum += evaluate(hands[i], hands[i + 1], hands[i + 2], hands[i + 3], hands[i + 4], hands[i + 5], hands[i + 6]);
  }
  return sum;
}

// Every result feeds this, so V8 cannot drop an evaluation as dead code.
let checksum = 0;

/**
 * Evaluations per second: a warm-up pass sizes a timed batch of passes to
 * about 0.2 s, then the best of five batches counts (the least disturbed).
 */
function measure(pass: () => number, handsPerPass: number): number {
  const warmStart = process.hrtime.bigint();
  checksum += pass();
  const warmNs = Number(process.hrtime.bigint() - warmStart);
  const passes = Math.max(1, Math.ceil(2e8 / Math.max(warmNs, 1)));
  let bestNs = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let p = 0; p < passes; p++) checksum += pass();
    bestNs = Math.min(bestNs, Number(process.hrtime.bigint() - start) / passes);
  }
  return Math.round((handsPerPass / bestNs) * 1e9);
}

/**
 * Throws unless Felt (higher wins) and another library (lower wins) order the
 * hands the same way: sorting by one and comparing neighbours checks every pair.
 */
function assertSameOrder(name: string, felt: readonly number[], other: readonly number[]): void {
  const order = felt.map((_, i) => i).sort((a, b) => felt[a] - felt[b]);
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1];
    const b = order[k];
    const feltSays = Math.sign(felt[b] - felt[a]);
    const otherSays = Math.sign(other[a] - other[b]);
    if (feltSays !== otherSays) {
      throw new Error(`Felt and ${name} disagree on hands ${a} and ${b}: Felt ${felt[a]} vs ${felt[b]}, ${name} ${other[a]} vs ${other[b]}.`);
    }
  }
}

/**
 * Seven-card evaluations per second for Felt, @pokertools/evaluator and phe on
 * one core, then Felt's razz, eight-or-better low, 2-7 and badugi evaluations per second.
 */
export async function benchEvaluators(): Promise<Figure[]> {
  const pokertools = loadPokertools();
  const phe = loadPhe();
  const feltHands = dealHands(HANDS, SEED);
  const libraryHands = feltHands.map(toLibraryCode);
  const pokertoolsHands = Array.from({ length: HANDS }, (_, h) => Array.from(libraryHands.subarray(h * 7, h * 7 + 7)));
  const low8Views = Array.from({ length: HANDS }, (_, h) => feltHands.subarray(h * 7, h * 7 + 7));

  const sample = Math.min(10_000, HANDS);
  const felt = Array.from({ length: sample }, (_, h) => evaluate7(...(Array.from(feltHands.subarray(h * 7, h * 7 + 7)) as Parameters<typeof evaluate7>)));
  assertSameOrder('@pokertools/evaluator', felt, pokertoolsHands.slice(0, sample).map((hand) => pokertools(hand)));
  assertSameOrder('phe', felt, Array.from({ length: sample }, (_, h) => phe(...(Array.from(libraryHands.subarray(h * 7, h * 7 + 7)) as Parameters<ArgsEvaluator>))));

  const figures: Figure[] = [
    { name: 'evaluator.felt', value: measure(() => runFelt(feltHands), HANDS), unit: 'evals/s' },
    { name: 'evaluator.pokertools', value: measure(() => runPokertools(pokertools, pokertoolsHands), HANDS), unit: 'evals/s' },
    { name: 'evaluator.phe', value: measure(() => runPhe(phe, libraryHands), HANDS), unit: 'evals/s' },
    { name: 'evaluator.felt.razz', value: measure(() => runRazz(feltHands), HANDS), unit: 'evals/s' },
    { name: 'evaluator.felt.low8', value: measure(() => runLow8(low8Views), HANDS), unit: 'evals/s' },
    { name: 'evaluator.felt.low27', value: measure(() => runLow27(feltHands), HANDS), unit: 'evals/s' },
    { name: 'evaluator.felt.badugi', value: measure(() => runBadugi(feltHands), HANDS), unit: 'evals/s' },
  ];
  if (!Number.isFinite(checksum) || checksum <= 0) throw new Error(`Evaluator checksum ${checksum} is not a positive sum of strengths.`);
  return figures;
}

if (import.meta.main) for (const figure of await benchEvaluators()) printFigure(figure);
