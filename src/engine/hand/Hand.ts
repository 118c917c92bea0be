import { UNKNOWN_CARD, formatCards, type Card } from '../cards.ts';
import { drawCard, shuffledDeck, cardsLeft, type DeckState } from '../deck.ts';
import { IllegalActionError } from '../errors.ts';
import { cryptoRandom, type RandomSource } from '../random.ts';
import { rakePots } from '../rake.ts';
import type { Variant } from '../variants.ts';
import { awardShowdown } from './award.ts';
import { activeCount, maxBet, maxRaiseTo, minRaiseTo, raiseRefusal, RAISE_REFUSALS, effectiveStack, totalPot } from './betting-rules.ts';
import { collectBets, postForcedBets } from './chips.ts';
import { handStrength } from './strength.ts';
import type { Operation } from './operations.ts';
import { computePots } from './pots.ts';
import { initialState, verifyConfig } from './setup.ts';
import { HandPhase, OddChipRule, type HandConfig, type HandState, type Pot } from './state.ts';

/** What the player to act may do; raise amounts are totals ("raise to"), 0 when no raise is possible. */
export type LegalActions = {
  player: number;
  fold: boolean;
  check: boolean;
  call: boolean;
  callAmount: number;
  raise: boolean;
  minRaiseTo: number;
  maxRaiseTo: number;
};

export type StartOptions = {
  /** The deck to deal from; `null` deals nothing by itself (replays name every card). Default: a CSPRNG shuffle. */
  deck?: DeckState | null;
  random?: RandomSource;
};

function rotated(count: number, start: number): number[] {
  const order = new Array<number>(count);
  for (let k = 0; k < count; k++) order[k] = (start + k) % count;
  return order;
}

function illegal(code: string, message: string): never {
  throw new IllegalActionError(code, message);
}

/**
 * One hand of poker as a state machine. Dealer steps (posting, dealing from
 * the deck, collecting bets, awarding pots) happen by themselves; players act
 * through verify/can/act triples. Every change appends an operation to
 * `state.log`; `state` is plain data that JSON round-trips exactly.
 */
export class Hand {
  readonly state: HandState;
  readonly variant: Variant;
  private readonly random: RandomSource;

  private constructor(state: HandState, variant: Variant, random: RandomSource) {
    this.state = state;
    this.variant = variant;
    this.random = random;
  }

  /** Posts the forced bets and deals as far as the first decision. */
  static start(config: HandConfig, options: StartOptions = {}): Hand {
    const variant = verifyConfig(config);
    const deck = options.deck === undefined ? shuffledDeck(variant.lowestRank) : options.deck;
    const hand = new Hand(initialState(config, deck), variant, options.random ?? cryptoRandom);
    postForcedBets(hand.state);
    hand.beginStreet(0);
    return hand;
  }

  /** A hand from a serialised state, exactly where it was. */
  static restore(state: HandState, random: RandomSource = cryptoRandom): Hand {
    return new Hand(state, verifyConfig(state.config), random);
  }

  toJSON(): HandState {
    return this.state;
  }

  get phase(): HandPhase {
    return this.state.phase;
  }

  get isComplete(): boolean {
    return this.state.phase === HandPhase.complete;
  }

  /** The player whose turn it is to bet, or -1. */
  get actor(): number {
    return this.state.phase === HandPhase.betting && this.state.actors.length > 0 ? this.state.actors[0] : -1;
  }

  get playerCount(): number {
    return this.state.stacks.length;
  }

  /** The street's name for clients (`preflop` … `river`), `showdown`, or `complete`. */
  get streetName(): string {
    const { phase, street } = this.state;
    if (phase === HandPhase.showdown || phase === HandPhase.complete) return phase;
    return street >= 0 ? this.variant.streets[street].name : this.variant.streets[0].name;
  }

  /** Main pot first, with what has been bet on this street counted in. */
  pots(): Pot[] {
    const s = this.state;
    if (s.phase === HandPhase.complete) return s.pots;
    const reach = s.contributed.map((c, i) => c + s.bets[i]);
    return computePots(s.contributed, reach, s.active, s.dead);
  }

  totalPot(): number {
    return totalPot(this.state);
  }

  // ── dealing ────────────────────────────────────────────────────────────

  private beginStreet(index: number): void {
    const s = this.state;
    const street = this.variant.streets[index];
    s.street = index;
    s.phase = HandPhase.dealing;
    s.pendingBurn = street.burn && s.deck !== null;
    for (let i = 0; i < this.playerCount; i++) {
      s.pendingHole[i] = s.active[i] ? street.hole.length : 0;
      s.pendingDraw[i] = s.active[i] && street.draw;
    }
    s.pendingBoard = street.board;
    this.continueDealing();
  }

  /** With a deck, deals everything this street needs; then moves on once nothing is pending. */
  private continueDealing(): void {
    const s = this.state;
    const deck = s.deck;
    if (deck) {
      if (s.pendingBurn && cardsLeft(deck) > 0) {
        s.burned.push(drawCard(deck, this.random));
        s.log.push({ type: 'burn' });
      }
      s.pendingBurn = false;
      this.dealHoleFromDeck(deck);
      if (s.pendingBoard > 0) this.applyBoard(this.drawCards(deck, s.pendingBoard));
    }
    if (s.pendingBoard > 0 || s.pendingHole.some((count) => count > 0) || s.pendingDraw.some(Boolean)) return;
    if (s.runouts > 1 && s.boards[0].length === this.boardSize()) this.beginExtraBoard();
    else this.beginBetting();
  }

  private drawCards(deck: DeckState, count: number): Card[] {
    if (cardsLeft(deck) < count) illegal('deck_empty', 'The deck has run out of cards.');
    const cards: Card[] = [];
    for (let k = 0; k < count; k++) cards.push(drawCard(deck, this.random));
    return cards;
  }

  private dealHoleFromDeck(deck: DeckState): void {
    const s = this.state;
    const rounds = Math.max(...s.pendingHole);
    if (rounds <= 0) return;
    // One card at a time around the table, as a dealer does.
    const dealt: Card[][] = s.pendingHole.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < this.playerCount; i++) {
        if (round < s.pendingHole[i]) dealt[i].push(this.drawCards(deck, 1)[0]);
      }
    }
    for (let i = 0; i < this.playerCount; i++) if (dealt[i].length > 0) this.applyHole(i, dealt[i]);
  }

  private applyHole(player: number, cards: Card[]): void {
    const s = this.state;
    const street = this.variant.streets[s.street];
    const already = street.hole.length - s.pendingHole[player];
    const up = cards.map((_, k) => street.hole[already + k]);
    for (let k = 0; k < cards.length; k++) {
      s.hole[player].push(cards[k]);
      s.holeUp[player].push(up[k]);
    }
    s.pendingHole[player] -= cards.length;
    s.log.push({ type: 'dealHole', player, cards, up });
  }

  /** Board 0 is dealt street by street; further runouts are dealt after it, one board at a time. */
  private targetBoard(): number {
    const size = this.boardSize();
    return this.state.boards.findIndex((board) => board.length < size);
  }

  private boardSize(): number {
    let size = 0;
    for (const street of this.variant.streets) size += street.board;
    return size;
  }

  private applyBoard(cards: Card[]): void {
    const s = this.state;
    const board = Math.max(0, this.targetBoard());
    for (const card of cards) s.boards[board].push(card);
    s.pendingBoard -= cards.length;
    s.log.push({ type: 'dealBoard', board, cards });
  }

  /** After an all-in board run more than once: queue the next street of the next unfinished board. */
  private beginExtraBoard(): void {
    const s = this.state;
    const size = this.boardSize();
    for (let b = 1; b < s.boards.length; b++) {
      const board = s.boards[b];
      if (board.length >= size) continue;
      let dealtBefore = 0;
      for (const street of this.variant.streets) {
        if (board.length < dealtBefore + street.board) {
          s.pendingBoard = dealtBefore + street.board - board.length;
          s.pendingBurn = street.burn && s.deck !== null;
          s.phase = HandPhase.dealing;
          this.continueDealing();
          return;
        }
        dealtBefore += street.board;
      }
    }
    this.beginShowdown();
  }

  private cardInPlay(card: Card): boolean {
    const s = this.state;
    for (const hole of s.hole) if (hole.includes(card)) return true;
    for (const board of s.boards) if (board.includes(card)) return true;
    return false;
  }

  private verifyCards(cards: readonly Card[]): void {
    const seen = new Set<Card>();
    for (const card of cards) {
      if (card === UNKNOWN_CARD) continue;
      if (!Number.isInteger(card) || card < 0 || card > 51 || card >> 2 < this.variant.lowestRank) {
        illegal('bad_cards', `A card in ${formatCards(cards)} is not in this variant's deck.`);
      }
      if (seen.has(card) || this.cardInPlay(card)) illegal('card_in_play', `${formatCards([card])} has already been dealt.`);
      seen.add(card);
    }
  }

  /** A replay deals named hole cards (`-1` for unseen ones) to a player owed cards this street. */
  verifyDealHole(player: number, cards: readonly Card[]): void {
    const s = this.state;
    if (s.deck !== null) illegal('dealer_deals', 'This hand deals from its own deck.');
    if (s.phase !== HandPhase.dealing) illegal('not_dealing', 'No cards are being dealt now.');
    if (!(player >= 0 && player < this.playerCount) || s.pendingHole[player] <= 0) {
      illegal('no_hole_cards_due', `Player ${player + 1} is not owed hole cards now.`);
    }
    if (cards.length === 0 || cards.length > s.pendingHole[player]) {
      illegal('wrong_card_count', `Player ${player + 1} is owed ${s.pendingHole[player]} hole cards, not ${cards.length}.`);
    }
    this.verifyCards(cards);
  }

  canDealHole(player: number, cards: readonly Card[]): boolean {
    return this.can(() => this.verifyDealHole(player, cards));
  }

  dealHole(player: number, cards: readonly Card[]): Operation {
    this.verifyDealHole(player, cards);
    this.applyHole(player, [...cards]);
    const op = this.lastOp();
    this.continueDealing();
    return op;
  }

  verifyDealBoard(cards: readonly Card[]): void {
    const s = this.state;
    if (s.deck !== null) illegal('dealer_deals', 'This hand deals from its own deck.');
    if (s.phase !== HandPhase.dealing || s.pendingBoard <= 0) illegal('no_board_due', 'No board cards are due now.');
    if (cards.length !== s.pendingBoard) illegal('wrong_card_count', `This street deals ${s.pendingBoard} board cards, not ${cards.length}.`);
    if (cards.includes(UNKNOWN_CARD)) illegal('bad_cards', 'Board cards must be known.');
    this.verifyCards(cards);
  }

  canDealBoard(cards: readonly Card[]): boolean {
    return this.can(() => this.verifyDealBoard(cards));
  }

  dealBoard(cards: readonly Card[]): Operation {
    this.verifyDealBoard(cards);
    this.applyBoard([...cards]);
    const op = this.lastOp();
    this.continueDealing();
    return op;
  }

  // ── betting ────────────────────────────────────────────────────────────

  private beginBetting(): void {
    const s = this.state;
    const n = this.playerCount;
    s.phase = HandPhase.betting;
    // The opener sits after the largest blind or straddle (ties: the later seat); after that street, left of the button.
    const order = n === 2 ? [s.config.blindsOrStraddles[1], s.config.blindsOrStraddles[0]] : s.config.blindsOrStraddles;
    let maxKey = Number.NEGATIVE_INFINITY;
    let maxIndex = 0;
    for (let i = 0; i < n; i++) {
      const key = s.bets[i] * Math.sign(order[i]);
      if (key >= maxKey) {
        maxKey = key;
        maxIndex = i;
      }
    }
    s.opener = (maxIndex + 1) % n;
    s.actors = rotated(n, s.opener).filter((i) => s.active[i] && s.stacks[i] > 0 && effectiveStack(s, i) > 0);
    s.acted.fill(false);
    s.raiseSize = 0;
    s.raiseCount = 0;
    s.allInRaises = [];
    const lone = s.actors.length === 1 && s.bets[s.actors[0]] >= maxBet(this.state);
    if (s.actors.length === 0 || lone) this.endBetting();
  }

  private verifyTurn(player: number): void {
    const s = this.state;
    if (s.phase !== HandPhase.betting || s.actors.length === 0) illegal('no_betting', 'Nobody can bet now.');
    if (player !== s.actors[0]) illegal('not_your_turn', `It is player ${s.actors[0] + 1}'s turn, not player ${player + 1}'s.`);
  }

  verifyFold(player: number): void {
    this.verifyTurn(player);
  }

  canFold(player: number): boolean {
    return this.can(() => this.verifyFold(player));
  }

  fold(player: number): Operation {
    this.verifyFold(player);
    const s = this.state;
    this.popActor();
    s.active[player] = false;
    return this.record({ type: 'fold', player });
  }

  verifyCheck(player: number): void {
    this.verifyTurn(player);
    if (this.state.bets[player] < maxBet(this.state)) {
      illegal('cannot_check', `There is a bet of ${maxBet(this.state)} to call; fold, call or raise.`);
    }
  }

  canCheck(player: number): boolean {
    return this.can(() => this.verifyCheck(player));
  }

  check(player: number): Operation {
    this.verifyCheck(player);
    this.popActor();
    return this.record({ type: 'check', player });
  }

  verifyCall(player: number): void {
    this.verifyTurn(player);
    if (this.state.bets[player] >= maxBet(this.state)) illegal('nothing_to_call', 'There is no bet to call; check instead.');
  }

  canCall(player: number): boolean {
    return this.can(() => this.verifyCall(player));
  }

  call(player: number): Operation {
    this.verifyCall(player);
    const s = this.state;
    const amount = Math.min(s.stacks[player], maxBet(this.state) - s.bets[player]);
    this.popActor();
    s.stacks[player] -= amount;
    s.bets[player] += amount;
    return this.record({ type: 'call', player, amount });
  }

  /** Check when nothing is owed, call otherwise (PHH's `cc`). */
  checkOrCall(player: number): Operation {
    return this.state.bets[player] >= maxBet(this.state) ? this.check(player) : this.call(player);
  }

  /** The smallest legal total to bet or raise to (see `minRaiseTo` in betting-rules). */
  minRaiseTo(player: number): number {
    return minRaiseTo(this.state, this.variant, player);
  }

  maxRaiseTo(player: number): number {
    return maxRaiseTo(this.state, this.variant, player);
  }

  private verifyMayRaise(player: number): void {
    this.verifyTurn(player);
    const refusal = raiseRefusal(this.state, this.variant, player);
    if (refusal === null) return;
    const message = refusal === 'raise_cap' ? `The betting is capped at ${this.variant.maxRaises} bets this street.` : RAISE_REFUSALS[refusal];
    illegal(refusal === 'covered' || refusal === 'nobody_to_raise' ? 'cannot_raise' : refusal, message);
  }

  verifyRaiseTo(player: number, to: number): void {
    this.verifyMayRaise(player);
    if (!Number.isSafeInteger(to)) illegal('bad_amount', 'A bet or raise must be a whole number of chips.');
    const min = this.minRaiseTo(player);
    const max = this.maxRaiseTo(player);
    if (to < min) illegal('raise_too_small', `The smallest bet or raise now is to ${min}.`);
    if (to > max) illegal('raise_too_large', `The largest bet or raise now is to ${max}.`);
  }

  canRaiseTo(player: number, to: number): boolean {
    return this.can(() => this.verifyRaiseTo(player, to));
  }

  /** Bets or raises so that the player's total on this street is `to`. */
  raiseTo(player: number, to: number): Operation {
    this.verifyRaiseTo(player, to);
    const s = this.state;
    const n = this.playerCount;
    const increment = to - maxBet(s);
    this.popActor();
    s.stacks[player] -= to - s.bets[player];
    s.bets[player] = to;
    s.completionPending = false;
    s.bringInPending = false;
    s.actors = rotated(n, (player + 1) % n).filter((i) => i !== player && s.active[i] && s.stacks[i] > 0);
    s.opener = player;
    if (increment >= s.raiseSize) {
      s.acted.fill(false);
      s.acted[player] = true;
    }
    s.raiseSize = Math.max(s.raiseSize, increment);
    s.raiseCount++;
    const allIn = s.stacks[player] === 0;
    if (allIn) s.allInRaises.push(increment);
    else s.allInRaises = [];
    return this.record({ type: 'raise', player, to, allIn });
  }

  /** The legal actions of the player to act, or null when nobody is to act. */
  legalActions(): LegalActions | null {
    const player = this.actor;
    if (player < 0) return null;
    const s = this.state;
    const owed = maxBet(this.state) - s.bets[player];
    const raise = raiseRefusal(this.state, this.variant, player) === null;
    return {
      player,
      fold: true,
      check: owed <= 0,
      call: owed > 0,
      callAmount: Math.max(0, Math.min(owed, s.stacks[player])),
      raise,
      minRaiseTo: raise ? this.minRaiseTo(player) : 0,
      maxRaiseTo: raise ? this.maxRaiseTo(player) : 0,
    };
  }

  private popActor(): void {
    const s = this.state;
    const player = s.actors.shift() as number;
    s.acted[player] = true;
  }

  private record(op: Operation): Operation {
    this.state.log.push(op);
    const s = this.state;
    if (s.phase === HandPhase.betting && (s.actors.length === 0 || activeCount(this.state) <= 1)) this.endBetting();
    return op;
  }

  private endBetting(): void {
    const s = this.state;
    const last = this.variant.streets.length - 1;
    s.actors = [];
    const drawsAhead = this.variant.streets.slice(s.street + 1).some((street) => street.draw);
    if (activeCount(this.state) > 1 && !drawsAhead) {
      let withChips = 0;
      for (let i = 0; i < this.playerCount; i++) if (s.active[i] && s.stacks[i] > 0) withChips++;
      if (withChips <= 1) s.allIn = true;
    }
    collectBets(this.state);
    if (activeCount(this.state) === 1) this.finish();
    else if (s.street === last) this.beginShowdown();
    else if (s.allIn && this.mayRunMoreThanOnce()) {
      this.beginRunoutVote();
    } else this.beginStreet(s.street + 1);
  }

  // ── running it more than once ─────────────────────────────────────────

  private mayRunMoreThanOnce(): boolean {
    const s = this.state;
    const undecided = s.runouts === 1 && !s.runoutVotes.some((vote) => vote !== null);
    return undecided && (s.config.maxRunouts ?? 1) > 1 && s.boards[0].length < this.boardSize();
  }

  private beginRunoutVote(): void {
    const s = this.state;
    s.phase = HandPhase.runoutVote;
    for (let i = 0; i < this.playerCount; i++) s.runoutVotes[i] = s.active[i] ? null : 0;
  }

  verifyChooseRunouts(player: number, count: number): void {
    const s = this.state;
    if (s.phase !== HandPhase.runoutVote) illegal('no_runout_vote', 'There is no choice of runouts now.');
    if (!(player >= 0 && player < this.playerCount) || !s.active[player]) illegal('not_in_hand', 'Only players in the hand choose runouts.');
    if (s.runoutVotes[player] !== null) illegal('already_chosen', 'You have already chosen how many times to run it.');
    const max = s.config.maxRunouts ?? 1;
    if (!Number.isSafeInteger(count) || count < 1 || count > max) illegal('bad_runouts', `Choose to run it between 1 and ${max} times.`);
  }

  canChooseRunouts(player: number, count: number): boolean {
    return this.can(() => this.verifyChooseRunouts(player, count));
  }

  /** A player asks to run the board `count` times; it runs that often only if everyone asks the same. */
  chooseRunouts(player: number, count: number): Operation {
    this.verifyChooseRunouts(player, count);
    const s = this.state;
    s.runoutVotes[player] = count;
    const op: Operation = { type: 'runouts', player, count };
    s.log.push(op);
    const votes = s.runoutVotes.filter((vote, i) => s.active[i]) as (number | null)[];
    if (votes.every((vote) => vote !== null)) {
      const agreed = votes.every((vote) => vote === votes[0]) ? (votes[0] as number) : 1;
      s.runouts = agreed;
      s.sharedBoard = s.boards[0].length;
      for (let b = 1; b < agreed; b++) s.boards.push([...s.boards[0]]);
      this.beginStreet(s.street + 1);
    }
    return op;
  }

  // ── showdown ───────────────────────────────────────────────────────────

  private beginShowdown(): void {
    const s = this.state;
    s.showdownQueue = rotated(this.playerCount, s.opener).filter((i) => s.active[i] && !s.shown[i]);
    if (s.showdownQueue.length === 0) this.finish();
    else s.phase = HandPhase.showdown;
  }

  /**
   * Showing is allowed for a player due at showdown; for anyone still in once
   * the hand is all-in (again on a later street, to reveal more of a hand);
   * and, once the hand is over, for a winner nobody called who wants to show.
   */
  private verifyShowdownTurn(player: number, showing: boolean): void {
    const s = this.state;
    if (!(player >= 0 && player < this.playerCount) || !s.active[player]) illegal('not_in_hand', `Player ${player + 1} is not in the hand.`);
    if (s.phase === HandPhase.showdown) {
      if (!s.showdownQueue.includes(player)) illegal('already_shown', `Player ${player + 1} has already shown.`);
      return;
    }
    if (s.phase === HandPhase.complete) {
      if (showing && !s.shown[player]) return;
      illegal('hand_over', 'The hand is over.');
    }
    if (!s.allIn) illegal('not_showdown', 'Cards are shown only at showdown.');
  }

  /** `cards` names the cards of a hand dealt face down unseen (a replay); omit it to show the hand as dealt. */
  verifyShow(player: number, cards?: readonly Card[]): void {
    this.verifyShowdownTurn(player, true);
    if (cards === undefined) return;
    const hole = this.state.hole[player];
    if (cards.length !== hole.length) illegal('wrong_card_count', `Show all ${hole.length} hole cards.`);
    const unknown = cards.filter((card) => card !== UNKNOWN_CARD && !hole.includes(card));
    if (unknown.length > hole.filter((card) => card === UNKNOWN_CARD).length) {
      illegal('not_your_cards', `${formatCards(cards)} are not the cards player ${player + 1} holds.`);
    }
    this.verifyCards(unknown);
  }

  canShow(player: number, cards?: readonly Card[]): boolean {
    return this.can(() => this.verifyShow(player, cards));
  }

  show(player: number, cards?: readonly Card[]): Operation {
    this.verifyShow(player, cards);
    const s = this.state;
    if (cards !== undefined) {
      const known = cards.filter((card) => card !== UNKNOWN_CARD);
      // Keep known cards in place and fill the unseen slots with the ones just revealed.
      const revealed = known.filter((card) => !s.hole[player].includes(card));
      s.hole[player] = s.hole[player].map((card) => (card === UNKNOWN_CARD && revealed.length > 0 ? (revealed.shift() as Card) : card));
    }
    // A hand shown as `??` is not shown yet: its owner shows again at the next showdown pass.
    s.shown[player] = !s.hole[player].includes(UNKNOWN_CARD);
    const op: Operation = { type: 'show', player, cards: [...s.hole[player]] };
    s.log.push(op);
    this.leaveShowdownQueue(player);
    return op;
  }

  verifyMuck(player: number): void {
    this.verifyShowdownTurn(player, false);
  }

  canMuck(player: number): boolean {
    return this.can(() => this.verifyMuck(player));
  }

  /** Gives up the hand at showdown: the player can win nothing. */
  muck(player: number): Operation {
    this.verifyMuck(player);
    const s = this.state;
    s.active[player] = false;
    const op: Operation = { type: 'muck', player };
    s.log.push(op);
    if (activeCount(this.state) === 1 && s.phase !== HandPhase.showdown) this.finish();
    else this.leaveShowdownQueue(player);
    return op;
  }

  private leaveShowdownQueue(player: number): void {
    const s = this.state;
    const at = s.showdownQueue.indexOf(player);
    if (at >= 0) s.showdownQueue.splice(at, 1);
    if (s.phase === HandPhase.showdown && (s.showdownQueue.length === 0 || activeCount(this.state) === 1)) this.finish();
  }

  /**
   * Whether the player's hand could still win or tie any part of a pot
   * against the hands already shown. A player who cannot may muck unseen.
   */
  couldWin(player: number): boolean {
    const s = this.state;
    for (const pot of this.pots()) {
      if (!pot.eligible.includes(player)) continue;
      for (let board = 0; board < s.boards.length; board++) {
        for (const type of this.variant.handTypes) {
          const own = handStrength(type, s.hole[player], s.boards[board]);
          if (own < 0) continue;
          let best = -1;
          for (const rival of pot.eligible) {
            if (rival !== player && s.shown[rival] && s.active[rival]) best = Math.max(best, handStrength(type, s.hole[rival], s.boards[board]));
          }
          if (own >= best) return true;
        }
      }
    }
    return false;
  }

  /** The dealer's default at showdown: the next player shows a hand that can win, and mucks one that cannot. */
  showOrMuck(): Operation | null {
    const s = this.state;
    if (s.phase !== HandPhase.showdown || s.showdownQueue.length === 0) return null;
    const player = s.showdownQueue[0];
    return this.couldWin(player) ? this.show(player) : this.muck(player);
  }

  // ── the end ────────────────────────────────────────────────────────────

  private finish(): void {
    const s = this.state;
    s.phase = HandPhase.complete;
    s.actors = [];
    s.showdownQueue = [];
    collectBets(this.state);
    const pots = computePots(s.contributed, s.contributed, s.active, s.dead);
    const flopSeen = s.boards[0].length > 0 || (this.boardSize() === 0 && s.street > 0);
    const rakes = rakePots(pots.map((pot) => pot.amount), s.config.rake, flopSeen);
    pots.forEach((pot, i) => {
      pot.rake = rakes[i];
      if (rakes[i] > 0) s.log.push({ type: 'rake', pot: i, amount: rakes[i] });
    });
    s.pots = pots;
    let awards: Operation[];
    if (activeCount(this.state) === 1) {
      const winner = s.active.indexOf(true);
      awards = pots.map((pot, i) => ({ type: 'award', pot: i, player: winner, amount: pot.amount - pot.rake, board: 0, handType: 'uncontested' }));
    } else {
      awards = awardShowdown(pots, {
        variant: this.variant, hole: s.hole, boards: s.boards, oddChips: s.config.oddChips ?? OddChipRule.leftOfButton,
      });
    }
    for (const op of awards) {
      if (op.type !== 'award') continue;
      s.winnings[op.player] += op.amount;
      s.stacks[op.player] += op.amount;
      s.log.push(op);
    }
  }

  /** Total rake taken from this hand (complete hands only). */
  rake(): number {
    let total = 0;
    for (const pot of this.state.pots) total += pot.rake;
    return total;
  }

  private lastOp(): Operation {
    return this.state.log[this.state.log.length - 1];
  }

  private can(verify: () => void): boolean {
    try {
      verify();
      return true;
    } catch (error) {
      if (error instanceof IllegalActionError) return false;
      throw error;
    }
  }
}
