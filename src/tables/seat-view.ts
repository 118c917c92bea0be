import { UNKNOWN_CARD, type Card } from '../engine/cards.ts';
import type { HandState } from '../engine/hand/state.ts';

/**
 * What a viewer may see of a seat, decided in one place for every view of a
 * table or a hand: the players' wire state (rooms/project.ts), the admin's
 * public view (public-view.ts) and a player's own history
 * (src/api/me-hand-view.ts). The owner of a seat sees their own hole cards
 * (on the wire through the schema's `StateView`); anyone else sees the cards
 * dealt face up and a hand its player showed, and nothing else.
 */

/** How a card the viewer may not see reads (PROTOCOL.md: an unknown card is `??`). */
export const HIDDEN_CARD = '??';

/** PROTOCOL.md's `Seat.status`. */
export const SEAT_STATUS = {
  active: 'active',
  folded: 'folded',
  allin: 'allin',
  sittingOut: 'sittingOut',
  disconnected: 'disconnected',
} as const;
export type SeatStatus = (typeof SEAT_STATUS)[keyof typeof SEAT_STATUS];

/** Who looks at a seat: its own player, or anyone else at (or outside) the table. */
export type SeatViewer = 'owner' | 'public';

/**
 * A seat's status, from whether its player is connected and sitting out.
 * `hand` is the hand in play (null between hands, even while a finished one
 * is still on display) and `player` the seat's index in it (-1 when the seat
 * is not in it). Called for every seat after every change, so it takes no object.
 */
export function seatStatus(connected: boolean, sittingOut: boolean, hand: HandState | null, player: number): SeatStatus {
  const inHand = hand !== null && player >= 0;
  if (!connected) return SEAT_STATUS.disconnected;
  if (sittingOut && !inHand) return SEAT_STATUS.sittingOut;
  if (inHand && !hand.active[player]) return SEAT_STATUS.folded;
  if (inHand && hand.stacks[player] === 0) return SEAT_STATUS.allin;
  return SEAT_STATUS.active;
}

/**
 * Whether `player` showed their hand: shown cards are public (PROTOCOL.md,
 * `shownCards`). A dealt hand knows every card, so its `shown` flag says it;
 * a hand replayed from a history may hold cards nobody knows, and then a show
 * reveals what it can, which its log records.
 */
export function showedHand(hand: HandState, player: number): boolean {
  if (hand.shown[player]) return true;
  return hand.hole[player].includes(UNKNOWN_CARD) && hand.log.some((op) => op.type === 'show' && op.player === player);
}

/** `player`'s hole cards as `viewer` may see them, in the order dealt: null for each card hidden from them (or unknown to anyone). */
export function visibleHole(hand: HandState, player: number, viewer: SeatViewer): (Card | null)[] {
  const hole = hand.hole[player];
  const up = hand.holeUp[player];
  const showed = viewer === 'public' && showedHand(hand, player);
  return hole.map((card, k) => (card !== UNKNOWN_CARD && (viewer === 'owner' || showed || up?.[k]) ? card : null));
}
