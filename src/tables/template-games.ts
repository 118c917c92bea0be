import { MAX_ROTATION_GAMES, MAX_ROTATION_HANDS, ROTATION_PRESETS, rotationGames, type RotationGame } from '../engine/table/rotation.ts';
import { BettingStructure, findVariant, usesBringIn, VARIANTS, type Variant } from '../engine/variants.ts';
import type { TemplateInput } from '../persistence/types.ts';

/** A broken rule of a template's games; `template-rules.ts` adds it to the rest. */
export type GameViolation = { field: keyof TemplateInput; code: string; message: string };

/**
 * The rules of the templates whose stakes are not one flop game's blinds:
 * stud, razz and stud hi-lo (an ante and a bring-in) and mixed games (a
 * rotation, whose games each take their stakes from the template; see
 * `engine/table/rotation.ts`).
 */

/** The games a template deals, in turn: its rotation's, or its one variant; null when they are not all known. */
export function templateGameList(t: TemplateInput): RotationGame[] | null {
  if (t.rotation === undefined || t.rotation === null) return findVariant(t.variant) ? [{ variant: t.variant }] : null;
  const games = Array.isArray(t.rotation) || typeof t.rotation === 'string' ? rotationGames(t.rotation) : null;
  if (!games || games.length === 0 || !games.every((game) => typeof game === 'object' && game !== null && findVariant(game.variant))) return null;
  return games;
}

/** Whether a template's amounts follow these rules rather than a flop game's: it has a rotation, or it is stud. */
export function usesGameRules(t: TemplateInput): boolean {
  if (t.rotation !== undefined && t.rotation !== null) return true;
  const variant = findVariant(t.variant);
  return variant !== undefined && usesBringIn(variant);
}

/**
 * What is wrong with a rotation: it is a preset's name (`HORSE`, `8-game`)
 * or 1 to `MAX_ROTATION_GAMES` games `{variant, hands?}`, each a variant Felt
 * plays, `hands` 1 to `MAX_ROTATION_HANDS` (absent: one orbit); the
 * template's `variant` is the rotation's first game.
 */
export function rotationViolations(t: TemplateInput): GameViolation[] {
  const fail = (field: keyof TemplateInput, code: string, message: string): GameViolation[] => [{ field, code, message }];
  const spec = t.rotation as unknown;
  if (typeof spec === 'string') {
    if (!Object.hasOwn(ROTATION_PRESETS, spec)) {
      return fail('rotation', 'unknown_rotation', `"${spec}" is not a rotation Felt knows; name one of ${Object.keys(ROTATION_PRESETS).join(', ')}, or list the games.`);
    }
  } else if (!Array.isArray(spec) || spec.length === 0 || spec.length > MAX_ROTATION_GAMES) {
    return fail('rotation', 'bad_rotation', `A rotation is a preset's name or a list of 1 to ${MAX_ROTATION_GAMES} games {variant, hands?}.`);
  } else {
    for (const [k, game] of spec.entries()) {
      const { variant, hands } = (game ?? {}) as { variant?: unknown; hands?: unknown };
      if (typeof game !== 'object' || game === null || Object.keys(game).some((key) => key !== 'variant' && key !== 'hands')) {
        return fail('rotation', 'bad_rotation', `Game ${k + 1} of the rotation must be {variant, hands?}.`);
      }
      if (typeof variant !== 'string' || !findVariant(variant)) {
        return fail('rotation', 'unknown_variant', `Game ${k + 1} of the rotation, "${String(variant)}", is not a variant Felt plays; use one of ${Object.keys(VARIANTS).join(', ')}.`);
      }
      if (hands !== undefined && (!Number.isSafeInteger(hands) || (hands as number) < 1 || (hands as number) > MAX_ROTATION_HANDS)) {
        return fail('rotation', 'bad_rotation', `Game ${k + 1} of the rotation plays 1 to ${MAX_ROTATION_HANDS} hands (leave hands out for one orbit); got ${String(hands)}.`);
      }
    }
  }
  const first = templateGameList(t)?.[0]?.variant;
  if (first !== undefined && t.variant !== first) {
    return fail('variant', 'variant_not_first_game', `With a rotation, variant is its first game: ${first}, not ${t.variant}.`);
  }
  return [];
}

/**
 * The amounts of a stud template or a rotation, every one already a chip
 * count: games with blinds (flop and draw games) need a positive big blind
 * at least the small blind, and stud alone has none (both 0); stud needs a
 * bring-in from 1 to below the small bet, and nothing else has one; fixed-limit
 * games need a small bet and a big bet of twice it, and a template with none
 * has no fixed bets; no straddle and no big-blind ante (a stud table has no
 * big blind; in a rotation, the ante is stud's only); the minimum buy-in
 * covers a big blind and a small bet, and is at most the maximum.
 */
export function gameAmountViolations(t: TemplateInput, games: readonly RotationGame[]): GameViolation[] {
  const violations: GameViolation[] = [];
  const fail = (field: keyof TemplateInput, message: string): void => void violations.push({ field, code: `bad_${snake(field)}`, message });
  const variants = games.map((game) => findVariant(game.variant) as Variant);
  const stud = variants.some(usesBringIn);
  const blinds = variants.some((variant) => !usesBringIn(variant));
  const fixed = variants.some((variant) => variant.betting === BettingStructure.fixedLimit);
  const bringIn = t.bringIn ?? 0;
  const what = games.length > 1 ? 'This rotation' : (variants[0]?.name ?? 'This game');
  if (blinds) {
    if (t.bigBlind === 0) fail('bigBlind', `${what} has games with blinds: the big blind must be at least 1 chip.`);
    if (t.smallBlind > t.bigBlind) fail('smallBlind', `The small blind (${t.smallBlind}) must not exceed the big blind (${t.bigBlind}).`);
  } else if (t.smallBlind !== 0 || t.bigBlind !== 0) {
    fail(t.smallBlind !== 0 ? 'smallBlind' : 'bigBlind', `${what} has no blinds: set smallBlind and bigBlind to 0 (it has an ante and a bring-in).`);
  }
  if (t.straddle !== 0) fail('straddle', `${what} has no straddle: set it to 0.`);
  if (t.bigBlindAnte) fail('bigBlindAnte', `${what} has no big-blind ante: every stud player antes, and other games of a rotation have no ante.`);
  if (fixed) {
    if (t.smallBet <= 0) fail('smallBet', `${what} deals fixed-limit games: set a small bet of at least 1 chip.`);
    else if (t.bigBet !== 2 * t.smallBet) fail('bigBet', `In fixed limit the big bet is twice the small bet: ${2 * t.smallBet}, not ${t.bigBet}.`);
  } else if (t.smallBet !== 0 || t.bigBet !== 0) {
    fail('smallBet', `${what} has no fixed-limit game: set smallBet and bigBet to 0 (the minimum bet is the big blind).`);
  }
  if (stud) {
    if (bringIn <= 0) fail('bringIn', `${what} deals stud: set a bring-in of at least 1 chip, posted by the lowest up card (razz: the highest).`);
    else if (t.smallBet > 0 && bringIn >= t.smallBet) fail('bringIn', `The bring-in (${bringIn}) must be less than the small bet (${t.smallBet}).`);
  } else if (bringIn !== 0) fail('bringIn', 'Only stud games have a bring-in; set it to 0.');
  if (t.openPairBigBet && !stud) fail('openPairBigBet', 'The open-pair big bet is a stud rule: leave it off.');
  const least = Math.max(blinds ? t.bigBlind : 0, stud ? t.smallBet : 0, 1);
  if (t.minBuyIn < least) fail('minBuyIn', `The minimum buy-in must be at least ${least} (a big blind, and a small bet where stud is dealt); got ${t.minBuyIn}.`);
  if (t.minBuyIn > t.maxBuyIn) fail('maxBuyIn', `The maximum buy-in (${t.maxBuyIn}) must be at least the minimum buy-in (${t.minBuyIn}).`);
  return violations;
}

/** A table seats no more players than every one of its games deals (stud: 8). */
export function seatViolations(t: TemplateInput, games: readonly RotationGame[]): GameViolation[] {
  const most = Math.min(...games.map((game) => (findVariant(game.variant) as Variant).maxPlayers));
  if (t.maxSeats <= most) return [];
  const which = games.length > 1 ? 'A game of this rotation deals' : `${(findVariant(games[0].variant) as Variant).name} deals`;
  return [{ field: 'maxSeats', code: 'bad_max_seats', message: `${which} at most ${most} players; a table of ${t.maxSeats} seats is too many.` }];
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
