import { IllegalActionError } from '../errors.ts';
import { Hand } from './Hand.ts';
import type { Operation } from './operations.ts';
import type { HandConfig } from './state.ts';

/** Applies one recorded operation again; dealer bookkeeping (posts, collections, awards) re-derives itself. */
export function reapply(hand: Hand, op: Operation): void {
  switch (op.type) {
    case 'dealHole':
      hand.dealHole(op.player, op.cards);
      return;
    case 'dealBoard':
      hand.dealBoard(op.cards);
      return;
    case 'draw':
      hand.draw(op.player, op.discarded, op.drawn);
      return;
    case 'bringIn':
      hand.bringIn(op.player);
      return;
    case 'fold':
      hand.fold(op.player);
      return;
    case 'check':
      hand.check(op.player);
      return;
    case 'call':
      hand.call(op.player);
      return;
    case 'raise':
      hand.raiseTo(op.player, op.to);
      return;
    case 'runouts':
      hand.chooseRunouts(op.player, op.count);
      return;
    case 'show':
      hand.show(op.player, op.cards);
      return;
    case 'muck':
      hand.muck(op.player);
      return;
    default:
      return;
  }
}

function comparable(log: readonly Operation[]): string {
  return JSON.stringify(log.filter((op) => op.type !== 'burn'));
}

/**
 * Rebuilds a hand from its configuration and operation log alone: the log is
 * the hand. Throws when the log is not one the rules produce (an action out
 * of order, or dealer steps that do not follow from the actions).
 */
export function rebuildHand(config: HandConfig, log: readonly Operation[]): Hand {
  const hand = Hand.start(config, { deck: null });
  for (const op of log) reapply(hand, op);
  if (comparable(hand.state.log) !== comparable(log)) {
    throw new IllegalActionError('log_mismatch', 'The operation log does not follow from its own actions.');
  }
  return hand;
}
