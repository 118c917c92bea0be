import { IllegalActionError } from '../errors.ts';
import { BettingStructure, findVariant, usesBringIn } from '../variants.ts';
import type { DealerState } from './dealer-state.ts';
import type { Stakes } from './state.ts';

/**
 * Mixed games: a table that deals several variants in turn (HORSE, 8-game).
 * Pure data and functions; the dealer asks which game the next hand is
 * (`nextGame`) and records it once dealt (`enterGame`).
 *
 * How long a game plays: `hands` hands, or, without it, one orbit: as many
 * hands as players were dealt the game's first hand (in a flop game the
 * button goes once round; stud has no button, so it is the same count).
 *
 * The button between games: stud hands leave the button and the blinds where
 * the last flop-game hand put them (`planStudHand`), so the first flop-game
 * hand after stud moves them on by one from there, as if the stud hands had
 * not been dealt — the card-room rule, and nobody pays the blinds twice.
 */

/** One game of a rotation, as a template names it: the variant, and how many hands (absent: one orbit). */
export type RotationGame = { variant: string; hands?: number };

/** One game of a table's rotation with the stakes it is dealt at. */
export type RotationEntry = RotationGame & { stakes: Stakes; smallBet: number; bigBet: number };

/** Where a table is in its rotation: the game dealt last (its index) and how many of its hands are still to come after the last one dealt. */
export type RotationPlace = { index: number; handsLeft: number };

/** The rotations card rooms deal, by name. */
export const ROTATION_PRESETS: Readonly<Record<string, readonly string[]>> = {
  HORSE: ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8'],
  '8-game': ['F2L3D', 'FT', 'FO/8', 'FR', 'F7S', 'F7S/8', 'NT', 'PO'],
};

/** The most hands one game of a rotation may last. */
export const MAX_ROTATION_HANDS = 100;
/** The most games in one rotation. */
export const MAX_ROTATION_GAMES = 16;

/** A rotation as a template gives it: a preset's name, or the games in order. */
export type RotationSpec = string | RotationGame[];

/** The games of a rotation spec, or null for an unknown preset. */
export function rotationGames(spec: string | readonly RotationGame[]): RotationGame[] | null {
  if (typeof spec === 'string') {
    const preset = Object.hasOwn(ROTATION_PRESETS, spec) ? ROTATION_PRESETS[spec] : undefined;
    return preset ? preset.map((variant) => ({ variant })) : null;
  }
  return spec.map((game) => ({ ...game }));
}

/** A template's stakes, from which every game's derive. */
export type BaseStakes = { smallBlind: number; bigBlind: number; ante: number; bringIn: number; smallBet: number; bigBet: number };

/**
 * The stakes a game of a rotation is dealt at: stud at the ante and the
 * bring-in with the small and big bet; other fixed-limit games at the blinds
 * with the small and big bet; no-limit and pot-limit at the blinds, with no
 * fixed bets. The ante is stud's alone: flop and draw games have none.
 */
export function gameStakes(variantCode: string, base: BaseStakes): { stakes: Stakes; smallBet: number; bigBet: number } {
  const variant = findVariant(variantCode);
  if (!variant) throw new IllegalActionError('unknown_variant', `The variant "${variantCode}" is not supported.`);
  const fixed = variant.betting === BettingStructure.fixedLimit;
  const bets = fixed ? { smallBet: base.smallBet, bigBet: base.bigBet } : { smallBet: 0, bigBet: 0 };
  if (usesBringIn(variant)) return { stakes: { smallBlind: 0, bigBlind: 0, ante: base.ante, bringIn: base.bringIn }, ...bets };
  return { stakes: { smallBlind: base.smallBlind, bigBlind: base.bigBlind, ante: 0 }, ...bets };
}

/** A rotation's games with their stakes. */
export function rotationEntries(games: readonly RotationGame[], base: BaseStakes): RotationEntry[] {
  return games.map((game) => ({ ...game, ...gameStakes(game.variant, base) }));
}

/**
 * The game the next hand is dealt: the current one while it has hands left,
 * else the next in the list (the first, before any hand). `changes` says
 * whether it is a new game.
 */
export function nextGame(rotation: readonly RotationEntry[], place: RotationPlace | undefined): { index: number; entry: RotationEntry; changes: boolean } {
  if (place && place.handsLeft > 0 && place.index < rotation.length) return { index: place.index, entry: rotation[place.index], changes: false };
  const index = place ? (place.index + 1) % rotation.length : 0;
  return { index, entry: rotation[index], changes: true };
}

/** Where the rotation stands once a hand of game `index` with `dealt` players has been dealt. */
export function enterGame(rotation: readonly RotationEntry[], place: RotationPlace | undefined, dealt: number): RotationPlace {
  const { index, entry, changes } = nextGame(rotation, place);
  const length = changes ? (entry.hands ?? dealt) : (place as RotationPlace).handsLeft;
  return { index, handsLeft: Math.max(0, length - 1) };
}

/** Hands of the current game still to be dealt before the next game: 0 when the next hand changes game. */
export function handsToNextGame(place: RotationPlace | undefined): number {
  return place?.handsLeft ?? 0;
}

/** The variant and stakes the next hand of a dealer is dealt with: its rotation's next game, or its settings. */
export function upcomingGame(s: DealerState): { variant: string; stakes: Stakes; smallBet: number; bigBet: number } {
  const rotation = s.settings.rotation;
  return rotation && rotation.length > 0 ? nextGame(rotation, s.rotationPlace).entry : s.settings;
}

/**
 * Before a hand of `dealt` players is dealt: a rotation table takes its next
 * game's variant and stakes into its settings (so the hand, the wire and the
 * listing show the game being dealt) and counts the hand.
 */
export function enterNextGame(s: DealerState, dealt: number): void {
  const rotation = s.settings.rotation;
  if (!rotation || rotation.length === 0) return;
  const { entry } = nextGame(rotation, s.rotationPlace);
  s.settings.variant = entry.variant;
  s.settings.stakes = { ...entry.stakes };
  s.settings.smallBet = entry.smallBet;
  s.settings.bigBet = entry.bigBet;
  s.rotationPlace = enterGame(rotation, s.rotationPlace, dealt);
}
