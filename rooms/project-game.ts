import type { DealerSettings } from '../src/engine/table/dealer-state.ts';
import { handsToNextGame, type RotationPlace } from '../src/engine/table/rotation.ts';
import type { HandState } from '../src/engine/hand/state.ts';
import { BettingStructure, findVariant, hasDraws } from '../src/engine/variants.ts';
import type { TableState } from '../schema/TableState.ts';

/** The wire's game fields (see `project.ts`): what is dealt, at what stakes, and a mixed game's rotation. */

/** The rotations' variant codes last written, by the settings they came from: a rotation never changes while a table runs. */
const codes = new WeakMap<object, string[]>();

export const NO_DRAWS: readonly number[] = [];

/** Sets the variant being dealt (a rotation's current game), its stakes, the rotation and the hands left of the game. */
export function projectGame(wire: TableState, settings: DealerSettings, place: RotationPlace | undefined): void {
  const { stakes } = settings;
  if (wire.variant !== settings.variant) wire.variant = settings.variant;
  if (wire.smallBlind !== stakes.smallBlind) wire.smallBlind = stakes.smallBlind;
  if (wire.bigBlind !== stakes.bigBlind) wire.bigBlind = stakes.bigBlind;
  if (wire.ante !== stakes.ante) wire.ante = stakes.ante;
  // The wire's bets mean fixed limit only: a no-limit game whose settings carry bets (a tournament's levels, a rotation's template) shows 0.
  const fixedLimit = findVariant(settings.variant)?.betting === BettingStructure.fixedLimit;
  const smallBet = fixedLimit ? settings.smallBet : 0;
  const bigBet = fixedLimit ? settings.bigBet : 0;
  if (wire.smallBet !== smallBet) wire.smallBet = smallBet;
  if (wire.bigBet !== bigBet) wire.bigBet = bigBet;
  if (wire.bringIn !== (stakes.bringIn ?? 0)) wire.bringIn = stakes.bringIn ?? 0;
  const left = handsToNextGame(place);
  if (wire.handsToNextGame !== left) wire.handsToNextGame = left;
  const rotation = settings.rotation;
  if (rotation && !codes.has(rotation)) {
    const list = rotation.map((entry) => entry.variant);
    codes.set(rotation, list);
    wire.rotation.splice(0, wire.rotation.length, ...list);
  }
}

/** Whether a variant code is a draw game's. */
export function isDrawGame(code: string): boolean {
  const variant = findVariant(code);
  return variant !== undefined && hasDraws(variant);
}

/** How many cards `player` drew at each draw of the hand so far: the count is public, the cards are not. */
export function drawCounts(hand: HandState, player: number): number[] {
  const counts: number[] = [];
  for (const op of hand.log) if (op.type === 'draw' && op.player === player) counts.push(op.drawn.length || op.discarded.length);
  return counts;
}
