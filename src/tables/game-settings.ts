import { gameStakes, rotationEntries, rotationGames, type RotationEntry } from '../engine/table/rotation.ts';
import type { Stakes } from '../engine/table/state.ts';
import { findVariant, usesBringIn } from '../engine/variants.ts';
import type { TemplateRecord } from '../persistence/types.ts';

/**
 * A stud or rotation template's game as the dealer runs it: the stakes of
 * its (first) game, and a rotation's games each with their own stakes
 * (`engine/table/rotation.ts`). Nothing for a template of one flop or draw
 * game, whose stakes are its blinds as they stand.
 */
export function gameSettings(template: TemplateRecord): { stakes?: Stakes; smallBet?: number; bigBet?: number; rotation?: RotationEntry[]; openPairBigBet?: true } {
  const base = {
    smallBlind: template.smallBlind, bigBlind: template.bigBlind, ante: template.ante, bringIn: template.bringIn ?? 0,
    smallBet: template.smallBet, bigBet: template.bigBet,
  };
  // The dealer applies the open-pair rule to stud hands only.
  const openPair = template.openPairBigBet ? { openPairBigBet: true as const } : {};
  const games = template.rotation ? rotationGames(template.rotation) : null;
  if (games && games.length > 0) {
    const rotation = rotationEntries(games, base);
    const { stakes, smallBet, bigBet } = rotation[0];
    return { stakes: { ...stakes }, smallBet, bigBet, rotation, ...openPair };
  }
  const variant = findVariant(template.variant);
  return variant && usesBringIn(variant) ? { ...gameStakes(template.variant, base), ...openPair } : {};
}

/** A template's rotation as variant codes, empty for one variant. */
export function rotationCodes(template: Pick<TemplateRecord, 'rotation'>): string[] {
  const games = template.rotation ? rotationGames(template.rotation) : null;
  return games ? games.map((game) => game.variant) : [];
}
