import type { Card } from '../cards.ts';
import { shuffledDeck, type DeckState } from '../deck.ts';
import { cryptoRandom, type RandomSource } from '../random.ts';
import type { Variant } from '../variants.ts';
import { advance } from './advance.ts';
import * as betting from './betting.ts';
import { maxBet, maxRaiseTo, minRaiseTo, totalPot } from './betting-rules.ts';
import { postForcedBets } from './chips.ts';
import { passes, type HandContext } from './context.ts';
import * as dealing from './dealing.ts';
import * as draws from './draws.ts';
import { rakeTaken } from './finishing.ts';
import type { Operation } from './operations.ts';
import * as runouts from './runouts.ts';
import { initialState, verifyConfig } from './setup.ts';
import * as showdown from './showdown.ts';
import { HandPhase, type HandConfig, type HandState, type Pot } from './state.ts';

export type { LegalActions } from './betting.ts';

export type StartOptions = {
  /** The deck to deal from; `null` deals nothing by itself (replays name every card). Default: a CSPRNG shuffle. */
  deck?: DeckState | null;
  random?: RandomSource;
};

/**
 * One hand of poker as a state machine. Dealer steps (posting, dealing from
 * the deck, collecting bets, awarding pots) happen by themselves; players act
 * through verify/can/act triples. Every change appends an operation to
 * `state.log`; `state` is plain data that JSON round-trips exactly.
 *
 * A thin facade: each step is done by its part (`dealing`, `betting`,
 * `runouts`, `showdown`, `finishing`), and `advance` then takes the hand to
 * its next decision; only `advance` changes the phase.
 */
export class Hand {
  readonly state: HandState;
  readonly variant: Variant;
  private readonly ctx: HandContext;

  private constructor(state: HandState, variant: Variant, random: RandomSource) {
    this.state = state;
    this.variant = variant;
    this.ctx = { state, variant, random };
  }

  /** Posts the forced bets and deals as far as the first decision. */
  static start(config: HandConfig, options: StartOptions = {}): Hand {
    const variant = verifyConfig(config);
    const deck = options.deck === undefined ? shuffledDeck(variant.lowestRank) : options.deck;
    const hand = new Hand(initialState(config, deck), variant, options.random ?? cryptoRandom);
    postForcedBets(hand.state);
    advance(hand.ctx);
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

  /** The player whose turn it is to discard and draw, or -1. */
  get drawer(): number {
    return draws.drawer(this.state);
  }

  /** Whoever must decide now: the player to draw, else the player to bet; -1 when it is nobody's turn. */
  get toAct(): number {
    const player = this.drawer;
    return player >= 0 ? player : this.actor;
  }

  get playerCount(): number {
    return this.state.stacks.length;
  }

  /** The street's name for clients (`preflop` … `river`), `showdown`, or `complete`. */
  get streetName(): string {
    const { phase, street } = this.state;
    if (phase === HandPhase.showdown || phase === HandPhase.complete) return phase;
    return this.variant.streets[Math.max(0, street)].name;
  }

  /** Main pot first, with what has been bet on this street counted in. */
  pots(): Pot[] {
    return showdown.currentPots(this.state);
  }

  totalPot(): number {
    return totalPot(this.state);
  }

  /** Total rake taken from this hand (complete hands only). */
  rake(): number {
    return rakeTaken(this.state);
  }

  /** Runs the step, then lets the dealer take the hand to its next decision. */
  private step(op: Operation): Operation {
    advance(this.ctx);
    return op;
  }

  // ── dealing (replays name the cards; a hand with a deck deals its own) ──

  /** A replay deals named hole cards (`-1` for unseen ones) to a player owed cards this street. */
  verifyDealHole(player: number, cards: readonly Card[]): void {
    dealing.verifyDealHole(this.ctx, player, cards);
  }

  canDealHole(player: number, cards: readonly Card[]): boolean {
    return passes(() => this.verifyDealHole(player, cards));
  }

  dealHole(player: number, cards: readonly Card[]): Operation {
    this.verifyDealHole(player, cards);
    return this.step(dealing.dealHole(this.ctx, player, cards));
  }

  verifyDealBoard(cards: readonly Card[]): void {
    dealing.verifyDealBoard(this.ctx, cards);
  }

  canDealBoard(cards: readonly Card[]): boolean {
    return passes(() => this.verifyDealBoard(cards));
  }

  dealBoard(cards: readonly Card[]): Operation {
    this.verifyDealBoard(cards);
    return this.step(dealing.dealBoard(this.ctx, cards));
  }

  // ── betting ────────────────────────────────────────────────────────────

  /** Whether it is the player's turn to bet at all (whatever they may do on it). */
  verifyTurn(player: number): void {
    betting.verifyTurn(this.state, player);
  }

  /** Folding is allowed whenever it is the player's turn, except when the bring-in is due. */
  verifyFold(player: number): void {
    betting.verifyFold(this.ctx, player);
  }

  canFold(player: number): boolean {
    return passes(() => this.verifyFold(player));
  }

  fold(player: number): Operation {
    this.verifyFold(player);
    return this.step(betting.fold(this.state, player));
  }

  verifyCheck(player: number): void {
    betting.verifyCheck(this.ctx, player);
  }

  canCheck(player: number): boolean {
    return passes(() => this.verifyCheck(player));
  }

  check(player: number): Operation {
    this.verifyCheck(player);
    return this.step(betting.check(this.state, player));
  }

  verifyCall(player: number): void {
    betting.verifyCall(this.ctx, player);
  }

  canCall(player: number): boolean {
    return passes(() => this.verifyCall(player));
  }

  call(player: number): Operation {
    this.verifyCall(player);
    return this.step(betting.call(this.state, player));
  }

  /** Stud: the player to act posts the bring-in (capped by the stack); completing it instead is a raise to the small bet. */
  verifyBringIn(player: number): void {
    betting.verifyBringIn(this.state, player);
  }

  canBringIn(player: number): boolean {
    return passes(() => this.verifyBringIn(player));
  }

  bringIn(player: number): Operation {
    this.verifyBringIn(player);
    return this.step(betting.bringIn(this.state, player));
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

  verifyRaiseTo(player: number, to: number): void {
    betting.verifyRaiseTo(this.ctx, player, to);
  }

  canRaiseTo(player: number, to: number): boolean {
    return passes(() => this.verifyRaiseTo(player, to));
  }

  /** Bets or raises so that the player's total on this street is `to`. */
  raiseTo(player: number, to: number): Operation {
    this.verifyRaiseTo(player, to);
    return this.step(betting.raiseTo(this.state, player, to));
  }

  /** The legal actions of the player to act (to bet or to draw), or null when nobody is to act. */
  legalActions(): betting.LegalActions | null {
    return draws.drawLegalActions(this.state) ?? betting.legalActions(this.ctx);
  }

  // ── draws ─────────────────────────────────────────────────────────────

  /**
   * The player to draw discards `discard` (none: standing pat). `drawn`
   * names the replacements when rebuilding a hand without a deck; a replay
   * may also leave them to `dealHole`.
   */
  verifyDraw(player: number, discard: readonly Card[], drawn?: readonly Card[]): void {
    draws.verifyDraw(this.ctx, player, discard, drawn);
  }

  canDraw(player: number, discard: readonly Card[], drawn?: readonly Card[]): boolean {
    return passes(() => this.verifyDraw(player, discard, drawn));
  }

  draw(player: number, discard: readonly Card[], drawn?: readonly Card[]): Operation {
    this.verifyDraw(player, discard, drawn);
    return this.step(draws.draw(this.ctx, player, discard, drawn));
  }

  // ── running it more than once ─────────────────────────────────────────

  verifyChooseRunouts(player: number, count: number): void {
    runouts.verifyChooseRunouts(this.state, player, count);
  }

  canChooseRunouts(player: number, count: number): boolean {
    return passes(() => this.verifyChooseRunouts(player, count));
  }

  /** A player asks to run the board `count` times; it runs that often only if everyone asks the same. */
  chooseRunouts(player: number, count: number): Operation {
    this.verifyChooseRunouts(player, count);
    return this.step(runouts.chooseRunouts(this.state, player, count));
  }

  // ── showdown ───────────────────────────────────────────────────────────

  /** `cards` names the cards of a hand dealt face down unseen (a replay); omit it to show the hand as dealt. */
  verifyShow(player: number, cards?: readonly Card[]): void {
    showdown.verifyShow(this.ctx, player, cards);
  }

  canShow(player: number, cards?: readonly Card[]): boolean {
    return passes(() => this.verifyShow(player, cards));
  }

  show(player: number, cards?: readonly Card[]): Operation {
    this.verifyShow(player, cards);
    return this.step(showdown.show(this.state, player, cards));
  }

  verifyMuck(player: number): void {
    showdown.verifyMuck(this.state, player);
  }

  canMuck(player: number): boolean {
    return passes(() => this.verifyMuck(player));
  }

  /** Gives up the hand at showdown: the player can win nothing. */
  muck(player: number): Operation {
    this.verifyMuck(player);
    return this.step(showdown.muck(this.state, player));
  }

  /**
   * Whether the player's hand could still win or tie any part of a pot
   * against the hands already shown. A player who cannot may muck unseen.
   */
  couldWin(player: number): boolean {
    return showdown.couldWin(this.ctx, player);
  }

  /** The dealer's default at showdown: the next player shows a hand that can win, and mucks one that cannot. */
  showOrMuck(): Operation | null {
    const s = this.state;
    if (s.phase !== HandPhase.showdown || s.showdownQueue.length === 0) return null;
    const player = s.showdownQueue[0];
    return this.couldWin(player) ? this.show(player) : this.muck(player);
  }
}
