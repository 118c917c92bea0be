import { parseCard } from '../src/engine/cards.ts';
import type { RoomTable } from '../src/tables/room-table.ts';
import type { DrawAction } from '../src/engine/table/player-action.ts';
import { findVariant, hasDraws } from '../src/engine/variants.ts';
import { Rejection } from './rejection.ts';

/**
 * The `draw {discard: [cards]}` message as a table action: the cards (text,
 * already checked by `DrawMessage`) become engine cards, on a table whose
 * game (a rotation's current one) draws; elsewhere it is `not_a_draw_game`.
 * Which cards are discarded stays with the engine and the owner's view: the
 * wire shows others only how many (`Seat.drew`, `lastAction` `draw N`).
 */
export function drawAction(table: RoomTable, message: { discard: string[] }): DrawAction {
  const variant = findVariant(table.hand?.state.config.variant ?? table.state.settings.variant);
  if (!variant || !hasDraws(variant)) throw new Rejection('not_a_draw_game', `${variant?.name ?? 'This game'} is not a draw game: there is nothing to discard.`);
  return { action: 'draw', discard: message.discard.map(parseCard) };
}
