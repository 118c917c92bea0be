import { formatCards, parseCards, type Card } from '../cards.ts';
import { ParseError } from '../errors.ts';

/**
 * One entry of a PHH `actions` array, following PokerKit's `parse_action`.
 * `player` is 0-based (the text's `p1` is player 0). `comment` is the text
 * after `#` (PHH calls it commentary); it is absent when there is no `#`.
 */
export type PhhAction =
  /** `d dh pN CARDS`: hole cards dealt to a player; unknown cards are -1 (`??`). */
  | { kind: 'deal_hole'; player: number; cards: Card[]; comment?: string }
  /** `d db CARDS`: board cards. */
  | { kind: 'deal_board'; cards: Card[]; comment?: string }
  /** `pN pb`: posts the bring-in. */
  | { kind: 'post_bring_in'; player: number; comment?: string }
  /** `pN f` */
  | { kind: 'fold'; player: number; comment?: string }
  /** `pN cc` */
  | { kind: 'check_or_call'; player: number; comment?: string }
  /** `pN cbr AMOUNT`: completes, bets or raises to AMOUNT in total; `amountText` is the amount as written. */
  | { kind: 'complete_bet_or_raise_to'; player: number; amount: number; amountText: string; comment?: string }
  /** `pN sd` (stand pat, `cards` empty) or `pN sd CARDS` (discard those). */
  | { kind: 'stand_pat_or_discard'; player: number; cards: Card[]; comment?: string }
  /** `pN sm`: mucks the hole cards. */
  | { kind: 'muck'; player: number; comment?: string }
  /** `pN sm CARDS` shows those cards (`??` keeps one face down); `pN sm -` (cards null) shows the cards dealt. */
  | { kind: 'show'; player: number; cards: Card[] | null; comment?: string }
  /** An empty action or a bare `# commentary`. */
  | { kind: 'no_op'; comment?: string };

export type PhhActionKind = PhhAction['kind'];

// PHH cards are case-sensitive and an unknown card is only ever `??`.
const CARDS_PATTERN = /^(?:[2-9TJQKA][cdhs]|\?\?)+$/;
const AMOUNT_PATTERN = /^\d+(?:\.\d+)?$/;
const PLAYER_PATTERN = /^p(\d+)$/;

/** Parses one PHH action string such as `p2 cbr 300 # hero call`. */
export function parsePhhAction(text: string): PhhAction {
  const hash = text.indexOf('#');
  const body = hash < 0 ? text : text.slice(0, hash);
  const comment = hash < 0 ? undefined : stripOneSpace(text.slice(hash + 1));
  const words = body.split(/\s+/).filter((word) => word !== '');
  const base = comment === undefined ? {} : { comment };
  if (words.length === 0) return { kind: 'no_op', ...base };

  const [actor, verb, ...args] = words;
  if (actor === 'd') {
    if (verb === 'db' && args.length === 1) return { kind: 'deal_board', cards: readCards(text, args[0]), ...base };
    if (verb === 'dh' && args.length === 2) {
      return { kind: 'deal_hole', player: readPlayer(text, args[0]), cards: readCards(text, args[1]), ...base };
    }
    throw new ParseError(
      'phh_bad_action',
      `Action "${text}" is not a dealer action; write "d db CARDS" to deal the board or "d dh pN CARDS" to deal hole cards.`,
    );
  }

  if (!PLAYER_PATTERN.test(actor)) {
    throw new ParseError(
      'phh_bad_action',
      `Action "${text}" starts with "${actor}", which is not an actor; write "d" for the dealer or "pN" for player N.`,
    );
  }
  const player = readPlayer(text, actor);
  const arity = (allowed: number[]): void => {
    if (!allowed.includes(args.length)) {
      throw new ParseError('phh_bad_action', `Action "${text}" has the wrong number of arguments for "${verb}"; ${usage(verb)}.`);
    }
  };
  switch (verb) {
    case 'f':
      arity([0]);
      return { kind: 'fold', player, ...base };
    case 'cc':
      arity([0]);
      return { kind: 'check_or_call', player, ...base };
    case 'pb':
      arity([0]);
      return { kind: 'post_bring_in', player, ...base };
    case 'cbr': {
      arity([1]);
      const amountText = args[0];
      const amount = Number(amountText);
      if (!AMOUNT_PATTERN.test(amountText) || !Number.isFinite(amount) || amount <= 0) {
        throw new ParseError(
          'phh_bad_amount',
          `Action "${text}" has amount "${amountText}", which is not a positive number; write the total to complete, bet or raise to, like 300 or 2.5.`,
        );
      }
      return { kind: 'complete_bet_or_raise_to', player, amount, amountText, ...base };
    }
    case 'sd':
      arity([0, 1]);
      return { kind: 'stand_pat_or_discard', player, cards: args.length === 0 ? [] : readCards(text, args[0]), ...base };
    case 'sm':
      arity([0, 1]);
      if (args.length === 0) return { kind: 'muck', player, ...base };
      return { kind: 'show', player, cards: args[0] === '-' ? null : readCards(text, args[0]), ...base };
    default:
      throw new ParseError(
        'phh_bad_action',
        verb === undefined
          ? `Action "${text}" names a player but no action; add one of f, cc, cbr AMOUNT, pb, sd, sm.`
          : `Action "${text}" has unknown action "${verb}"; player actions are f, cc, cbr AMOUNT, pb, sd [CARDS], sm [CARDS|-].`,
      );
  }
}

/** The canonical text of an action: single spaces, 1-based players, ` # comment` last. */
export function formatPhhAction(action: PhhAction): string {
  const body = formatBody(action);
  if (action.comment === undefined) return body;
  const note = action.comment === '' ? '#' : `# ${action.comment}`;
  return body === '' ? note : `${body} ${note}`;
}

function formatBody(action: PhhAction): string {
  switch (action.kind) {
    case 'no_op':
      return '';
    case 'deal_board':
      return `d db ${formatCards(action.cards)}`;
    case 'deal_hole':
      return `d dh p${action.player + 1} ${formatCards(action.cards)}`;
    case 'post_bring_in':
      return `p${action.player + 1} pb`;
    case 'fold':
      return `p${action.player + 1} f`;
    case 'check_or_call':
      return `p${action.player + 1} cc`;
    case 'complete_bet_or_raise_to':
      return `p${action.player + 1} cbr ${action.amountText}`;
    case 'stand_pat_or_discard':
      return action.cards.length === 0 ? `p${action.player + 1} sd` : `p${action.player + 1} sd ${formatCards(action.cards)}`;
    case 'muck':
      return `p${action.player + 1} sm`;
    case 'show':
      return `p${action.player + 1} sm ${action.cards === null ? '-' : formatCards(action.cards)}`;
  }
}

/** The 0-based player an action names, or undefined for dealer board cards and no-ops. */
export function phhActionPlayer(action: PhhAction): number | undefined {
  return 'player' in action ? action.player : undefined;
}

// PHH writes `# commentary`; the one space after `#` is the separator, not part of the text.
function stripOneSpace(text: string): string {
  return text.startsWith(' ') ? text.slice(1) : text;
}

function readPlayer(action: string, label: string): number {
  const match = PLAYER_PATTERN.exec(label);
  if (match === null) {
    throw new ParseError('phh_bad_player', `Action "${action}" names player "${label}"; write pN, where N counts from 1.`);
  }
  const number = Number(match[1]);
  if (number < 1) {
    throw new ParseError('phh_bad_player', `Action "${action}" names player "${label}", but players are numbered from p1.`);
  }
  return number - 1;
}

function readCards(action: string, text: string): Card[] {
  if (!CARDS_PATTERN.test(text)) {
    throw new ParseError(
      'phh_bad_cards',
      `Action "${action}" has cards "${text}"; write each card as rank (23456789TJQKA) then suit (cdhs), like AsTd, or ?? for an unknown card.`,
    );
  }
  return parseCards(text);
}

function usage(verb: string): string {
  switch (verb) {
    case 'cbr':
      return 'write "pN cbr AMOUNT"';
    case 'sd':
      return 'write "pN sd" to stand pat or "pN sd CARDS" to discard';
    case 'sm':
      return 'write "pN sm" to muck, "pN sm CARDS" to show, or "pN sm -" to show the cards dealt';
    default:
      return `write "pN ${verb}" with nothing after it`;
  }
}
