import { rakePots } from '../rake.ts';
import { awardShowdown, pokerKitContenders, type ShowdownInput } from './award.ts';
import { activeCount } from './betting-rules.ts';
import { collectBets } from './chips.ts';
import type { HandContext } from './context.ts';
import { boardSize } from './dealing.ts';
import type { Operation } from './operations.ts';
import { computePots } from './pots.ts';
import { OddChipRule, type HandState } from './state.ts';

/**
 * The end of a hand: the last bets go in, the pots are formed and raked, and
 * each is awarded, to the one player left or to the best hands at showdown.
 */
export function finish(ctx: HandContext): void {
  const s = ctx.state;
  s.actors = [];
  s.showdownQueue = [];
  collectBets(s);
  const input: ShowdownInput = {
    variant: ctx.variant, hole: s.hole, boards: s.boards, oddChips: s.config.oddChips ?? OddChipRule.leftOfButton,
  };
  // A PokerKit replay awards as PokerKit does: hands that can win nothing are killed first.
  const contenders = input.oddChips === OddChipRule.firstLeftOfButton && activeCount(s) > 1
    ? pokerKitContenders(input, s.active, s.contributed, s.dead)
    : null;
  if (contenders) input.contenders = contenders;
  const pots = computePots(s.contributed, s.contributed, contenders ?? s.active, s.dead);
  const flopSeen = s.boards[0].length > 0 || (boardSize(ctx.variant) === 0 && s.street > 0);
  const rakes = rakePots(pots.map((pot) => pot.amount), s.config.rake, flopSeen);
  pots.forEach((pot, i) => {
    pot.rake = rakes[i];
    if (rakes[i] > 0) s.log.push({ type: 'rake', pot: i, amount: rakes[i] });
  });
  s.pots = pots;
  let awards: Operation[];
  if (activeCount(s) === 1) {
    const winner = s.active.indexOf(true);
    awards = pots.map((pot, i) => ({ type: 'award', pot: i, player: winner, amount: pot.amount - pot.rake, board: 0, handType: 'uncontested' }));
  } else {
    awards = awardShowdown(pots, input);
  }
  for (const op of awards) {
    if (op.type !== 'award') continue;
    s.winnings[op.player] += op.amount;
    s.stacks[op.player] += op.amount;
    s.log.push(op);
  }
}

/** Total rake taken from a complete hand. */
export function rakeTaken(s: HandState): number {
  let total = 0;
  for (const pot of s.pots) total += pot.rake;
  return total;
}
