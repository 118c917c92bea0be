import type { Room } from '@colyseus/sdk';
import { seatOf } from '../support/felt.ts';

/**
 * A test bot: whenever the decoded state says it is this player's turn, it
 * sends a legal action read from its own `legal` (only its view has it).
 * `choose` picks the action; the default checks or calls.
 */
export function autoPlay(
  room: Room,
  playerId: string,
  choose: (legal: any) => { action: string; amount?: number } = (legal) => ({ action: legal.check ? 'check' : 'call' }),
): () => void {
  let sentFor = '';
  const listener = (state: any): void => {
    const seat = seatOf(state, playerId);
    if (!seat || state.toAct !== seat.seat || !seat.legal) return;
    const legal = seat.legal;
    if (!legal.fold && !legal.check && !legal.call) return;
    // One action per turn: the same hand, street and bets mean we already answered.
    const turn = `${state.handNumber}:${state.phase}:${seat.bet}:${state.toJSON().pots?.length ?? 0}:${JSON.stringify(legal)}`;
    if (turn === sentFor) return;
    sentFor = turn;
    room.send('act', choose(legal));
  };
  room.onStateChange(listener);
  // A turn that came before the bot started gets no patch of its own: answer it now.
  if (room.state) listener(room.state);
  return () => room.onStateChange.remove(listener);
}
