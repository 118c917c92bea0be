import assert from 'node:assert/strict';
import { parseCards } from '../../../src/engine/cards.ts';
import { ParseError } from '../../../src/engine/errors.ts';
import { formatPhhAction, parsePhhAction, phhActionPlayer, type PhhAction } from '../../../src/engine/phh/index.ts';

const canonical: [string, PhhAction][] = [
  ['d dh p1 AsKd', { kind: 'deal_hole', player: 0, cards: parseCards('AsKd') }],
  ['d dh p3 ????', { kind: 'deal_hole', player: 2, cards: [-1, -1] }],
  ['d db Jc3d5c', { kind: 'deal_board', cards: parseCards('Jc3d5c') }],
  ['p2 f', { kind: 'fold', player: 1 }],
  ['p1 cc', { kind: 'check_or_call', player: 0 }],
  ['p4 cbr 300', { kind: 'complete_bet_or_raise_to', player: 3, amount: 300, amountText: '300' }],
  ['p1 cbr 2.50', { kind: 'complete_bet_or_raise_to', player: 0, amount: 2.5, amountText: '2.50' }],
  ['p3 pb', { kind: 'post_bring_in', player: 2 }],
  ['p2 sd', { kind: 'stand_pat_or_discard', player: 1, cards: [] }],
  ['p2 sd 7h??', { kind: 'stand_pat_or_discard', player: 1, cards: [parseCards('7h')[0], -1] }],
  ['p5 sm', { kind: 'muck', player: 4 }],
  ['p5 sm -', { kind: 'show', player: 4, cards: null }],
  ['p5 sm 7h6h', { kind: 'show', player: 4, cards: parseCards('7h6h') }],
  ['p6 sm ??Ad', { kind: 'show', player: 5, cards: [-1, parseCards('Ad')[0]] }],
  ['', { kind: 'no_op' }],
  ['# Burn card 6s is exposed', { kind: 'no_op', comment: 'Burn card 6s is exposed' }],
  ['p3 cbr 232600 # Dwan shoves', { kind: 'complete_bet_or_raise_to', player: 2, amount: 232600, amountText: '232600', comment: 'Dwan shoves' }],
  ['d db 4h # turn', { kind: 'deal_board', cards: parseCards('4h'), comment: 'turn' }],
  ['p1 f #', { kind: 'fold', player: 0, comment: '' }],
];

function assertParseError(text: string, code: string, mentions: string): void {
  assert.throws(
    () => parsePhhAction(text),
    (error: unknown) => error instanceof ParseError && error.code === code && error.message.includes(mentions),
  );
}

describe('PHH actions', () => {
  for (const [text, expected] of canonical) {
    it(`when "${text}" is parsed then it reads as ${expected.kind} and formats back to itself`, () => {
      const action = parsePhhAction(text);

      assert.deepEqual(action, expected);
      assert.equal(formatPhhAction(action), text);
    });
  }

  it('when an action has extra whitespace around its words then formatting gives single spaces and keeps the comment', () => {
    const action = parsePhhAction('  p1   cbr   300   #  all in ');

    assert.deepEqual(action, { kind: 'complete_bet_or_raise_to', player: 0, amount: 300, amountText: '300', comment: ' all in ' });
    assert.equal(formatPhhAction(action), 'p1 cbr 300 #  all in ');
    assert.deepEqual(parsePhhAction(formatPhhAction(action)), action);
  });

  it('when a comment has no space after the hash then it is kept and written with one', () => {
    const action = parsePhhAction('p2 cc #snap call');

    assert.equal(action.comment, 'snap call');
    assert.equal(formatPhhAction(action), 'p2 cc # snap call');
  });

  it('when an action is only whitespace then it is a no-op without a comment', () => {
    const action = parsePhhAction('   ');

    assert.deepEqual(action, { kind: 'no_op' });
    assert.equal(formatPhhAction(action), '');
  });

  it('when an action names a player then phhActionPlayer gives the 0-based index, and none for the board', () => {
    assert.equal(phhActionPlayer(parsePhhAction('p6 f')), 5);
    assert.equal(phhActionPlayer(parsePhhAction('d dh p2 AsKs')), 1);
    assert.equal(phhActionPlayer(parsePhhAction('d db AsKsQs')), undefined);
    assert.equal(phhActionPlayer(parsePhhAction('# note')), undefined);
  });

  it('when the player is p0 then it throws phh_bad_player', () => {
    assertParseError('p0 f', 'phh_bad_player', 'p0');
    assertParseError('d dh p0 AsKs', 'phh_bad_player', 'p0');
  });

  it('when a hole card deal names no player label then it throws phh_bad_player', () => {
    assertParseError('d dh x1 AsKs', 'phh_bad_player', 'x1');
  });

  it('when a bet amount is not a positive number then it throws phh_bad_amount', () => {
    assertParseError('p1 cbr abc', 'phh_bad_amount', 'abc');
    assertParseError('p1 cbr -5', 'phh_bad_amount', '-5');
    assertParseError('p1 cbr 0', 'phh_bad_amount', '"0"');
    assertParseError('p1 cbr 1e3', 'phh_bad_amount', '1e3');
  });

  it('when cards are malformed then it throws phh_bad_cards', () => {
    assertParseError('d dh p1 Zz', 'phh_bad_cards', 'Zz');
    assertParseError('d db AsK', 'phh_bad_cards', 'AsK');
    assertParseError('d dh p1 askd', 'phh_bad_cards', 'askd');
    assertParseError('p1 sm ?s', 'phh_bad_cards', '?s');
    assertParseError('p1 sd -', 'phh_bad_cards', '-');
  });

  it('when the actor or the verb is unknown or arguments are missing then it throws phh_bad_action', () => {
    assertParseError('x f', 'phh_bad_action', '"x"');
    assertParseError('p1 raise 300', 'phh_bad_action', 'raise');
    assertParseError('p1', 'phh_bad_action', 'no action');
    assertParseError('p1 f now', 'phh_bad_action', 'number of arguments');
    assertParseError('p1 cbr', 'phh_bad_action', 'cbr');
    assertParseError('p1 sm AsKs QdQh', 'phh_bad_action', 'sm');
    assertParseError('d db', 'phh_bad_action', 'dealer');
    assertParseError('d dh p1', 'phh_bad_action', 'dealer');
    assertParseError('d burn 2c', 'phh_bad_action', 'dealer');
  });
});
