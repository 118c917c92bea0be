import { exportPhh } from '../src/engine/phh/export.ts';
import { replayPhh } from '../src/engine/phh/replay.ts';
import type { PhhDocument } from '../src/engine/phh/document.ts';
import { seededRandom } from '../src/engine/random.ts';
import { playRandomHand, SIX_MAX } from './engine.ts';
import { printFigure, type Figure } from './figure.ts';


/** PHH hands replayed (parsed actions, legality checked, stacks computed) per second. */
export function benchPhhReplay(seconds = 2): Figure[] {
  const random = seededRandom(7);
  const docs: PhhDocument[] = [];
  for (let i = 0; i < 2000; i++) docs.push(exportPhh(playRandomHand(SIX_MAX, random).state));
  for (const doc of docs) {
    const result = replayPhh(doc);
    if (!result.ok) throw new Error(`an exported hand does not replay: ${result.reason}`);
  }
  let hands = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - start < budget) {
    for (const doc of docs) replayPhh(doc);
    hands += docs.length;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return [{ name: 'phh.replay', value: Math.round(hands / elapsed), unit: 'hands/s' }];
}

if (import.meta.main) for (const figure of benchPhhReplay()) printFigure(figure);
