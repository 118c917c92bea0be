import assert from 'node:assert/strict';
import { ParseError } from '../../../src/engine/errors.ts';
import { parsePhh, parsePhhs } from '../../../src/engine/phh/index.ts';

const HEADS_UP = [
  "variant = 'NT'",
  'antes = [0, 0]',
  'blinds_or_straddles = [1, 2]',
  'min_bet = 2',
  'starting_stacks = [200, 150]',
  "actions = ['d dh p1 AsKs', 'd dh p2 7h2c', 'p2 cbr 6', 'p1 f']",
].join('\n');

/** A heads-up NT hand with `lines` replacing or adding fields (`field = value`); `null` removes one. */
function hand(changes: Record<string, string | null> = {}): string {
  const fields = new Map(HEADS_UP.split('\n').map((line) => [line.split(' = ')[0], line.split(' = ')[1]]));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) fields.delete(name);
    else fields.set(name, value);
  }
  return [...fields].map(([name, value]) => `${name} = ${value}`).join('\n');
}

function assertRejects(text: string, code: string, mentions: string, read: (text: string) => unknown = parsePhh): void {
  assert.throws(
    () => read(text),
    (error: unknown) => {
      assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      assert.ok(error.message.includes(mentions), `"${error.message}" should mention ${mentions}`);
      return true;
    },
  );
}

describe('parsePhh', () => {
  it('when a valid heads-up hand is read then every field comes back with its value', () => {
    const doc = parsePhh(hand({ players: "['Ann', 'Bo']", hand: '7' }));

    assert.deepEqual(doc, {
      variant: 'NT',
      antes: [0, 0],
      blinds_or_straddles: [1, 2],
      min_bet: 2,
      starting_stacks: [200, 150],
      actions: ['d dh p1 AsKs', 'd dh p2 7h2c', 'p2 cbr 6', 'p1 f'],
      hand: 7,
      players: ['Ann', 'Bo'],
      user_defined: {},
    });
  });

  it('when amounts are decimals then they stay JavaScript numbers', () => {
    const doc = parsePhh(
      hand({ blinds_or_straddles: '[0.25, 0.5]', min_bet: '0.5', starting_stacks: '[50.75, 20]', actions: "['p2 cbr 1.50']" }),
    );

    assert.deepEqual(doc.blinds_or_straddles, [0.25, 0.5]);
    assert.equal(doc.min_bet, 0.5);
    assert.deepEqual(doc.starting_stacks, [50.75, 20]);
    assert.deepEqual(doc.actions, ['p2 cbr 1.50']);
  });

  it('when a blind is negative then it is accepted, as PHH allows', () => {
    const doc = parsePhh(hand({ blinds_or_straddles: '[1, -2]' }));

    assert.deepEqual(doc.blinds_or_straddles, [1, -2]);
  });

  it('when a starting stack or the time limit is inf then it reads as Infinity, as PHH allows for unknowns', () => {
    const doc = parsePhh(hand({ starting_stacks: '[inf, 150]', time_limit: 'inf' }));

    assert.deepEqual(doc.starting_stacks, [Infinity, 150]);
    assert.equal(doc.time_limit, Infinity);
  });

  it('when the hand has a local time then it is kept as its canonical text', () => {
    assert.equal(parsePhh(hand({ time: '20:15' })).time, '20:15:00');
    assert.equal(parsePhh(hand({ time: '20:15:07.250' })).time, '20:15:07.250');
  });

  it('when fields start with an underscore then they are kept verbatim under user_defined as plain objects', () => {
    const doc = parsePhh(`${hand()}\n_sponsors = ['', 'GGPoker']\n_meta = { source = 'stream', clips = [1, 2] }\n[_extra]\nnote = 'x'`);

    assert.deepEqual(doc.user_defined, {
      _sponsors: ['', 'GGPoker'],
      _meta: { source: 'stream', clips: [1, 2] },
      _extra: { note: 'x' },
    });
    assert.equal(Object.getPrototypeOf(doc.user_defined._meta), Object.prototype);
  });

  it('when an action string carries a commentary then the string is kept whole', () => {
    const doc = parsePhh(hand({ actions: "['d dh p1 AsKs # hero', '# break', 'p1 f']" }));

    assert.deepEqual(doc.actions, ['d dh p1 AsKs # hero', '# break', 'p1 f']);
  });

  it('when a field the variant requires is missing then it throws phh_missing_field naming it', () => {
    assertRejects(hand({ min_bet: null }), 'phh_missing_field', 'min_bet');
    assertRejects(hand({ antes: null }), 'phh_missing_field', 'antes');
    assertRejects(hand({ variant: null }), 'phh_missing_field', 'variant');
  });

  it('when a stud hand lacks its bring-in then it throws phh_missing_field naming bring_in', () => {
    const stud = ["variant = 'F7S'", 'antes = [1, 1]', 'small_bet = 4', 'big_bet = 8', 'starting_stacks = [100, 100]', 'actions = []'];

    assertRejects(stud.join('\n'), 'phh_missing_field', 'bring_in');
    assert.equal(parsePhh([...stud, 'bring_in = 2'].join('\n')).bring_in, 2);
  });

  it('when a field belongs to another betting structure then it throws phh_field_not_allowed', () => {
    const fixed = hand({ variant: "'FT'", min_bet: null, small_bet: '2', big_bet: '4' });

    assert.equal(parsePhh(fixed).small_bet, 2);
    assertRejects(`${fixed}\nmin_bet = 2`, 'phh_field_not_allowed', 'min_bet');
  });

  it('when the variant code is unknown then it throws phh_unknown_variant', () => {
    assertRejects(hand({ variant: "'NLHE'" }), 'phh_unknown_variant', 'NLHE');
  });

  it('when a per-player array has the wrong length then it throws phh_length_mismatch naming the field', () => {
    assertRejects(hand({ antes: '[0, 0, 0]' }), 'phh_length_mismatch', 'antes');
    assertRejects(hand({ players: "['Ann']" }), 'phh_length_mismatch', 'players');
    assertRejects(hand({ finishing_stacks: '[1, 2, 3]' }), 'phh_length_mismatch', 'finishing_stacks');
    assertRejects(hand({ seats: '[1]' }), 'phh_length_mismatch', 'seats');
  });

  it('when there is a single player then it throws phh_too_few_players', () => {
    assertRejects(
      hand({ antes: '[0]', blinds_or_straddles: '[0]', starting_stacks: '[100]', actions: '[]' }),
      'phh_too_few_players',
      'starting_stacks',
    );
  });

  it('when a field is not a PHH field and has no underscore then it throws phh_unknown_field naming it', () => {
    assertRejects(`${hand()}\nsponsor = 'GGPoker'`, 'phh_unknown_field', 'sponsor');
    assertRejects(`${hand()}\nuser_defined = {}`, 'phh_unknown_field', 'user_defined');
  });

  it('when a .phhs file is read as one hand then the error says to use parsePhhs', () => {
    assertRejects(`[1]\n${hand()}`, 'phh_unknown_field', 'parsePhhs');
  });

  it('when a field has the wrong type then it throws phh_field_type naming it', () => {
    assertRejects(hand({ min_bet: "'2'" }), 'phh_field_type', 'min_bet');
    assertRejects(hand({ antes: '[0, true]' }), 'phh_field_type', 'antes[1]');
    assertRejects(hand({ actions: "['p1 f', 3]" }), 'phh_field_type', 'actions[1]');
    assertRejects(hand({ year: '2023.5' }), 'phh_field_type', 'year');
    assertRejects(hand({ ante_trimming_status: "'yes'" }), 'phh_field_type', 'ante_trimming_status');
    assertRejects(hand({ time: "'20:15:00'" }), 'phh_field_type', 'time');
    assertRejects(hand({ antes: '[nan, 0]' }), 'phh_field_type', 'antes[0]');
  });

  it('when a number other than a blind is negative then it throws phh_negative_value', () => {
    assertRejects(hand({ starting_stacks: '[200, -150]' }), 'phh_negative_value', 'starting_stacks[1]');
    assertRejects(hand({ antes: '[-1, 0]' }), 'phh_negative_value', 'antes[0]');
    assertRejects(hand({ min_bet: '-2' }), 'phh_negative_value', 'min_bet');
    assertRejects(hand({ level: '-1' }), 'phh_negative_value', 'level');
  });

  it('when a number is infinite where PHH wants a finite one then it throws phh_bad_number', () => {
    assertRejects(hand({ antes: '[inf, 0]' }), 'phh_bad_number', 'antes[0]');
    assertRejects(hand({ blinds_or_straddles: '[1, -inf]' }), 'phh_bad_number', 'blinds_or_straddles[1]');
  });

  it('when the month or day is outside the calendar then it throws phh_out_of_range', () => {
    assertRejects(hand({ month: '13' }), 'phh_out_of_range', 'month');
    assertRejects(hand({ day: '0' }), 'phh_out_of_range', 'day');
  });

  it('when an action is malformed then it throws the action error code and names its position', () => {
    assertRejects(hand({ actions: "['d dh p1 AsKs', 'p0 f']" }), 'phh_bad_player', 'actions[1]');
    assertRejects(hand({ actions: "['p1 cbr abc']" }), 'phh_bad_amount', 'actions[0]');
    assertRejects(hand({ actions: "['d dh p1 Zz']" }), 'phh_bad_cards', 'Zz');
  });

  it('when an action names a player beyond the table then it throws phh_bad_player', () => {
    assertRejects(hand({ actions: "['p3 f']" }), 'phh_bad_player', 'p3');
  });

  it('when a short-deck hand deals a card below six then it throws phh_bad_cards', () => {
    assert.deepEqual(parsePhh(hand({ variant: "'NS'", actions: "['d dh p1 6s??']" })).actions, ['d dh p1 6s??']);
    assertRejects(hand({ variant: "'NS'", actions: "['d dh p1 5sAd']" }), 'phh_bad_cards', 'short-deck');
  });

  it('when the text is not TOML then it throws phh_toml with the line', () => {
    assertRejects(`${hand()}\nauthor = `, 'phh_toml', 'line 7');
  });
});

describe('parsePhhs', () => {
  const first = hand({ hand: '1' });
  const second = hand({ hand: '2', starting_stacks: '[300, 40]' });
  const third = hand({ hand: '3', actions: "['p2 f # quick fold']" });

  it('when a .phhs holds three hands then all three come back in order', () => {
    const docs = parsePhhs(`[1]\n${first}\n\n[2]\n${second}\n\n[3]\n${third}\n`);

    assert.deepEqual(
      docs.map((doc) => doc.hand),
      [1, 2, 3],
    );
    assert.deepEqual(docs[1].starting_stacks, [300, 40]);
    assert.deepEqual(docs[2].actions, ['p2 f # quick fold']);
    assert.deepEqual(docs[0], parsePhh(first));
  });

  it('when the hand headers are out of numeric order then the hands keep file order', () => {
    const docs = parsePhhs(`[3]\n${third}\n# a comment with [2] in it\n[1]\n${first}\n["2"]\n${second}`);

    assert.deepEqual(
      docs.map((doc) => doc.hand),
      [3, 1, 2],
    );
  });

  it('when a string in a hand contains a header-like line then it does not change the order', () => {
    const tricky = hand({ hand: '2', author: "'''\n[1]\n'''", event: '"[3] \\" [1]"' });
    const docs = parsePhhs(`[2]\n${tricky}\n[3]\n${third}\n[1]\n${first}`);

    assert.deepEqual(
      docs.map((doc) => doc.hand),
      [2, 3, 1],
    );
    assert.equal(docs[0].event, '[3] " [1]');
    assert.equal(docs[0].author, '[1]\n');
  });

  it('when the file is empty then there are no hands', () => {
    assert.deepEqual(parsePhhs(''), []);
  });

  it('when one hand is invalid then the error names its header', () => {
    assertRejects(`[1]\n${first}\n[2]\n${hand({ min_bet: null })}`, 'phh_missing_field', 'Hand [2]', parsePhhs);
  });

  it('when a top-level value is not a table then it throws phh_not_a_hand', () => {
    assertRejects(`variant = 'NT'\n[1]\n${first}`, 'phh_not_a_hand', 'variant', parsePhhs);
  });
});
