import type { Room } from '@colyseus/sdk';
import { chooseMove, canMove, sensibleDiscard } from '../../loadtest/game-moves.ts';
import { seatOf } from '../support/felt.ts';

/** A repeatable random source for test bots (a small LCG), so a failing run plays the same way again. */
export function testRandom(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/**
 * A test bot for every game: on its turn (its own `legal` says so) it sends
 * what `choose` picks from `legal`, or, by default, the load-test bots'
 * move (`loadtest/game-moves.ts`). One message per turn.
 */
export function playAnyGame(
  room: Room,
  playerId: string,
  choose?: (legal: any, seat: any, state: any) => { type: string; message: unknown },
  random = testRandom(7),
): () => void {
  let sentFor = '';
  const listener = (state: any): void => {
    const seat = seatOf(state, playerId);
    if (!seat || state.toAct !== seat.seat || !canMove(seat.legal)) return;
    const turn = `${state.handNumber}:${state.phase}:${seat.bet}:${(seat.drew ?? []).length}:${JSON.stringify(seat.legal)}:${JSON.stringify(state.toJSON().pots)}`;
    if (turn === sentFor) return;
    sentFor = turn;
    const move = choose ? choose(seat.legal, seat, state) : chooseMove(seat.legal, seat.cards ?? [], state.variant, state.phase, random);
    room.send(move.type, move.message);
  };
  room.onStateChange(listener);
  return () => room.onStateChange.remove(listener);
}

/** Plays every hand to showdown: brings in, checks or calls, and draws like a lowball player. */
export function toShowdown(legal: any, seat: any, state: any): { type: string; message: unknown } {
  if (legal.draw) return { type: 'draw', message: { discard: sensibleDiscard(seat.cards ?? [], state.variant, legal.maxDiscards) } };
  if (legal.bringIn) return { type: 'act', message: { action: 'bringIn' } };
  return { type: 'act', message: { action: legal.check ? 'check' : 'call' } };
}
