/**
 * A seat's legal actions as its owner sees them (PROTOCOL.md, `Seat.legal`);
 * stud's `bringIn` and a draw game's `draw` and `maxDiscards` when the table sends them.
 */
export type LegalView = {
  fold: boolean; check: boolean; call: boolean; callAmount: number; minRaiseTo: number; maxRaiseTo: number;
  bringIn?: boolean; draw?: boolean; maxDiscards?: number;
};

/** An `act` message payload. */
export type BotAction = { action: 'fold' | 'check' | 'call' | 'bet' | 'raise' | 'bringIn'; amount?: number };

/** How often the player who must bring in completes instead (to the small bet). */
export const COMPLETE_BRING_IN = 0.25;

/** How often a bot does what, in one street: chances that add up to at most 1; the rest is check or call. */
type Mix = { foldToBet: number; raise: number };

/**
 * The mix of a typical online six-max regular (VPIP about 25%, PFR about 15%,
 * aggression about 2): before the flop most hands are folded to the first
 * bet (the blinds count as one), after it a bet is folded to about as often
 * as it is called, and a checked pot is bet into often. Hands are short and
 * varied, as at tables of people, rather than everyone calling to showdown.
 */
export const MIX: { preflop: Mix; postflop: Mix; unopenedPostflopBet: number } = {
  preflop: { foldToBet: 0.72, raise: 0.12 },
  postflop: { foldToBet: 0.45, raise: 0.12 },
  unopenedPostflopBet: 0.4,
};

/** Of the bets and raises, this share goes all-in; the rest are the minimum. */
const ALL_IN = 0.03;

/**
 * The bot's action for one decision. `preflop` says whether the board is
 * still empty (phase `preflop`); `random` returns numbers in [0, 1) and is
 * read once. Facing a bet: fold, raise, else call. With nothing to call:
 * bet (or raise the big blind's option) at the street's rate, else check.
 */
export function chooseAction(legal: LegalView, random: () => number, preflop = false): BotAction {
  const roll = random();
  const mix = preflop ? MIX.preflop : MIX.postflop;
  const canRaise = legal.minRaiseTo > 0;
  const raise = (share: number): BotAction => {
    // Where in the raising band the roll fell decides between the minimum and all-in.
    const amount = share < ALL_IN ? legal.maxRaiseTo : legal.minRaiseTo;
    // Before the flop the blinds are a bet, so the big blind's option is a raise: a `bet` there is refused (raise_due).
    return { action: legal.check && !preflop ? 'bet' : 'raise', amount };
  };
  if (legal.call) {
    if (roll < mix.foldToBet) return { action: 'fold' };
    if (canRaise && roll >= 1 - mix.raise) return raise((1 - roll) / mix.raise);
    return { action: 'call' };
  }
  if (legal.check) {
    const bet = preflop ? mix.raise : MIX.unopenedPostflopBet;
    if (canRaise && roll >= 1 - bet) return raise((1 - roll) / bet);
    return { action: 'check' };
  }
  return { action: 'fold' };
}

/**
 * Stud's forced first player: posts the bring-in, or now and then completes
 * it (a raise to the least the betting allows, the small bet). `random` is read once.
 */
export function chooseBringIn(legal: LegalView, random: () => number): BotAction {
  return random() < COMPLETE_BRING_IN && legal.minRaiseTo > 0 ? { action: 'raise', amount: legal.minRaiseTo } : { action: 'bringIn' };
}

/**
 * A draw: how many to throw away is even from none (standing pat) to
 * `maxDiscards`, and which are chosen at random. `random` is read once per
 * card held plus once.
 */
export function chooseDiscard<C>(hand: readonly C[], maxDiscards: number, random: () => number): C[] {
  const count = Math.floor(random() * (Math.min(maxDiscards, hand.length) + 1));
  const keyed = hand.map((card) => ({ card, key: random() }));
  keyed.sort((a, b) => a.key - b.key);
  return keyed.slice(0, count).map((k) => k.card);
}

/** Whether the view offers any action at all (it is this seat's turn). */
export function canAct(legal: LegalView | undefined): legal is LegalView {
  return Boolean(legal && (legal.fold || legal.check || legal.call));
}
