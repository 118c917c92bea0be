/** A seat's legal actions as its owner sees them (PROTOCOL.md, `Seat.legal`). */
export type LegalView = { fold: boolean; check: boolean; call: boolean; callAmount: number; minRaiseTo: number; maxRaiseTo: number };

/** An `act` message payload. */
export type BotAction = { action: 'fold' | 'check' | 'call' | 'bet' | 'raise'; amount?: number };

/**
 * A loose-passive bot: folds to a bet 15% of the time, bets or raises the
 * minimum 15% of the time (all-in now and then), otherwise checks or calls.
 * Hands stay varied and reach showdown often, the way a table of people does.
 * `random` returns numbers in [0, 1).
 */
export function chooseAction(legal: LegalView, random: () => number): BotAction {
  const roll = random();
  if (legal.call && roll < 0.15) return { action: 'fold' };
  if (legal.minRaiseTo > 0 && roll >= 0.85) {
    const amount = roll >= 0.99 ? legal.maxRaiseTo : legal.minRaiseTo;
    return { action: legal.check ? 'bet' : 'raise', amount };
  }
  if (legal.check) return { action: 'check' };
  if (legal.call) return { action: 'call' };
  return { action: 'fold' };
}

/** Whether the view offers any action at all (it is this seat's turn). */
export function canAct(legal: LegalView | undefined): legal is LegalView {
  return Boolean(legal && (legal.fold || legal.check || legal.call));
}
