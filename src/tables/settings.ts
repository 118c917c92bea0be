import { DEFAULT_TIMINGS, type CashTableSettings } from '../engine/cash/settings.ts';
import type { TemplateRecord } from '../persistence/types.ts';
import { gameSettings } from './game-settings.ts';
import { optionsOn } from './option-rules.ts';

/** A template's rules as the cash table runs them. */
export function settingsFromTemplate(template: TemplateRecord): CashTableSettings {
  return {
    ...DEFAULT_TIMINGS,
    variant: template.variant,
    stakes: {
      smallBlind: template.smallBlind,
      bigBlind: template.bigBlind,
      ante: template.ante,
      bigBlindAnte: template.bigBlindAnte,
      ...(template.straddle > 0 ? { straddle: template.straddle } : {}),
    },
    smallBet: template.smallBet,
    bigBet: template.bigBet,
    // Stud and rotations: the stakes of the game (the first game) and the rotation's games.
    ...gameSettings(template),
    minBuyIn: template.minBuyIn,
    maxBuyIn: template.maxBuyIn,
    maxSeats: template.maxSeats,
    actionMs: template.actionSeconds * 1000,
    timeBankMs: template.timeBankSeconds * 1000,
    ...(template.rakeBasisPoints > 0
      ? { rake: { basisPoints: template.rakeBasisPoints, cap: template.rakeCap, noFlopNoDrop: true } }
      : {}),
    options: optionsOn(template),
    maxRunouts: template.runItTwice ? 2 : DEFAULT_TIMINGS.maxRunouts,
  };
}

/** `1/2`, `1/2 ante 1`, or a limit game's bets `2/4` — how lobbies write stakes. */
export function stakesLabel(template: Pick<TemplateRecord, 'smallBlind' | 'bigBlind' | 'ante' | 'smallBet' | 'bigBet'>): string {
  const blinds = template.smallBet > 0 ? `${template.smallBet}/${template.bigBet}` : `${template.smallBlind}/${template.bigBlind}`;
  return template.ante > 0 ? `${blinds} ante ${template.ante}` : blinds;
}
