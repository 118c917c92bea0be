import { activeCount } from './betting-rules.ts';
import { bettingOver, closeBetting, openBetting } from './betting.ts';
import type { HandContext } from './context.ts';
import { cardsPending, dealFromDeck, queueNextRunoutStreet, queueStreet, runningMoreBoards } from './dealing.ts';
import { finish } from './finishing.ts';
import { mayRunMoreThanOnce, openRunoutVote, runoutVoteDone, settleRunouts } from './runouts.ts';
import { openShowdown, showdownOver } from './showdown.ts';
import { HandPhase } from './state.ts';

/**
 * The one place a hand changes phase. Called after the forced bets and after
 * every step, it reads the state and takes the dealer's steps that follow
 * (deal, open or close a betting round, start a street, a runout vote, the
 * showdown, the end) until someone must act: a player, or a replay naming
 * the next cards. The parts it calls do their step and never set the phase.
 *
 *   dealing ─▶ betting ─▶ dealing (next street) … ─▶ showdown ─▶ complete
 *                 └──▶ runoutVote ─▶ dealing          (one player left ─▶ complete)
 *
 * A new kind of step (a draw, a bring-in) is a player's action its part
 * applies; this function only waits while the state says it is owed.
 */
export function advance(ctx: HandContext): void {
  const s = ctx.state;
  for (;;) {
    switch (s.phase) {
      case HandPhase.dealing:
        // Only a muck in an all-in hand leaves one player while cards are due.
        if (activeCount(s) <= 1) {
          end(ctx);
          break;
        }
        if (s.street < 0) queueStreet(ctx, 0);
        dealFromDeck(ctx);
        if (cardsPending(s)) return;
        if (!runningMoreBoards(ctx)) {
          openBetting(ctx);
          s.phase = HandPhase.betting;
        } else if (!queueNextRunoutStreet(ctx)) {
          openShowdown(s);
          s.phase = HandPhase.showdown;
        }
        break;
      case HandPhase.betting:
        if (!bettingOver(s)) return;
        closeBetting(ctx);
        afterBetting(ctx);
        break;
      case HandPhase.runoutVote:
        if (activeCount(s) <= 1) {
          end(ctx);
          break;
        }
        if (!runoutVoteDone(s)) return;
        settleRunouts(s);
        startStreet(ctx, s.street + 1);
        break;
      case HandPhase.showdown:
        if (!showdownOver(s)) return;
        end(ctx);
        break;
      default:
        return;
    }
  }
}

/** After a betting round: the end, the showdown, a vote on running it more than once, or the next street. */
function afterBetting(ctx: HandContext): void {
  const s = ctx.state;
  if (activeCount(s) === 1) end(ctx);
  else if (s.street === ctx.variant.streets.length - 1) {
    openShowdown(s);
    s.phase = HandPhase.showdown;
  } else if (s.allIn && mayRunMoreThanOnce(ctx)) {
    openRunoutVote(s);
    s.phase = HandPhase.runoutVote;
  } else startStreet(ctx, s.street + 1);
}

function startStreet(ctx: HandContext, index: number): void {
  queueStreet(ctx, index);
  ctx.state.phase = HandPhase.dealing;
}

function end(ctx: HandContext): void {
  ctx.state.phase = HandPhase.complete;
  finish(ctx);
}
