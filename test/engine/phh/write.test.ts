import assert from 'node:assert/strict';
import { TomlDate } from 'smol-toml';
import { ParseError } from '../../../src/engine/errors.ts';
import { parsePhh, parsePhhs, writePhh, writePhhs, type PhhDocument } from '../../../src/engine/phh/index.ts';

function headsUp(changes: Partial<PhhDocument> = {}): PhhDocument {
  return {
    variant: 'NT',
    antes: [0, 0],
    blinds_or_straddles: [1, 2],
    min_bet: 2,
    starting_stacks: [200, 150],
    actions: ['d dh p1 AsKs', 'd dh p2 7h2c', 'p2 cbr 6', 'p1 f'],
    user_defined: {},
    ...changes,
  };
}

/** Every PHH field set, in scrambled key order, with awkward values. */
function everyField(): PhhDocument {
  return {
    user_defined: {
      _sponsors: ['', 'GGPoker', "Bob's Bar"],
      _meta: { 'camera angle': 2, nested: { on: true, when: new TomlDate('1979-05-27T07:32:00-08:00') } },
      _ratio: 0.1 + 0.2,
      _odd: [NaN, -Infinity, 1e300],
    },
    time_banks: [30, 12.5, 0],
    time_limit: Infinity,
    currency_symbol: '$',
    currency: 'USD',
    winnings: [0, 1500.5, 0],
    finishing_stacks: [900, 2500.5, 0],
    players: ['Ann "the Ace"', "Bo O'Brien", 'Cy\tTab'],
    table: 'Final table',
    seat_count: 9,
    seats: [1, 4, 9],
    level: 12,
    hand: 'A-17',
    year: 2024,
    month: 2,
    day: 29,
    time_zone_abbreviation: 'PST',
    time_zone: 'America/Los_Angeles',
    time: '23:59:58.125',
    country: 'United States of America',
    postal_code: '89109',
    region: 'Nevada',
    city: 'Las Vegas',
    address: '3400 S Las Vegas Blvd\nSuite 1',
    venue: 'The Mirage',
    url: 'https://example.com/hand?id=1&x=#top',
    event: 'Event #43: $50,000 PPC',
    author: 'Juho Kim',
    actions: ['d dh p1 ????', '  p2  cbr 2.50 # it\'s a raise', '', '# standalone', 'p3 sm -'],
    starting_stacks: [1000, 1000.25, 1000],
    min_bet: 0.5,
    blinds_or_straddles: [0.25, 0.5, -1],
    antes: [0, 0, 0.1],
    ante_trimming_status: false,
    variant: 'PO',
  };
}

function assertRoundTrip(doc: PhhDocument): string {
  const text = writePhh(doc);
  const again = parsePhh(text);
  assert.deepStrictEqual(again, doc);
  assert.equal(writePhh(again), text);
  return text;
}

describe('writePhh', () => {
  it('when a document is written then fields come in PHH order, single-quoted, arrays on one line, user fields last', () => {
    const text = writePhh({
      user_defined: { _note: 'final table' },
      players: ['Ann', 'Bo'],
      actions: ['d dh p1 AsKs', 'p2 f'],
      starting_stacks: [200, 150],
      min_bet: 2,
      blinds_or_straddles: [1, 2],
      antes: [0, 0],
      ante_trimming_status: true,
      variant: 'NT',
      hand: 3,
    });

    assert.equal(
      text,
      [
        "variant = 'NT'",
        'ante_trimming_status = true',
        'antes = [0, 0]',
        'blinds_or_straddles = [1, 2]',
        'min_bet = 2',
        'starting_stacks = [200, 150]',
        "actions = ['d dh p1 AsKs', 'p2 f']",
        'hand = 3',
        "players = ['Ann', 'Bo']",
        "_note = 'final table'",
        '',
      ].join('\n'),
    );
  });

  it('when a string holds a quote or a control character then it is written as an escaped double-quoted string', () => {
    const text = writePhh(headsUp({ players: ["Bo O'Brien", 'Line\nbreak'], author: 'Back\\slash "q"' }));

    assert.ok(text.includes(`players = ["Bo O'Brien", "Line\\nbreak"]`), text);
    assert.ok(text.includes(`author = 'Back\\slash "q"'`), text);
    assert.deepEqual(parsePhh(text).players, ["Bo O'Brien", 'Line\nbreak']);
  });

  it('when every field is set with awkward values then reading the text back gives the same document and the same text', () => {
    const text = assertRoundTrip(everyField());

    assert.ok(text.startsWith("variant = 'PO'\nante_trimming_status = false\nantes = [0, 0, 0.1]\n"), text);
    assert.ok(text.includes('\ntime = 23:59:58.125\n'), text);
    assert.ok(text.includes('\ntime_limit = inf\n'), text);
    assert.ok(text.includes("\n_meta = {'camera angle' = 2, nested = {on = true, when = 1979-05-27T07:32:00.000-08:00}}\n"), text);
    assert.ok(text.endsWith('_odd = [nan, -inf, 1e+300]\n'), text);
  });

  it('when numbers are decimals, huge or negative zero then they read back as the same numbers', () => {
    assertRoundTrip(
      headsUp({
        blinds_or_straddles: [-0, 2 ** 60],
        starting_stacks: [1e-7, 123456789.125],
        min_bet: 2,
        user_defined: { _big: 2 ** 53 + 2, _tiny: 5e-324 },
      }),
    );
  });

  it('when an optional field is undefined then it is left out', () => {
    const text = writePhh(headsUp({ author: undefined, players: ['Ann', 'Bo'] }));

    assert.ok(!text.includes('author'), text);
    assert.ok(text.includes("players = ['Ann', 'Bo']"), text);
  });

  it('when a document breaks the specification then writing throws the same ParseError parsing would', () => {
    const cases: [PhhDocument, string][] = [
      [headsUp({ antes: [0, 0, 0] }), 'phh_length_mismatch'],
      [headsUp({ min_bet: undefined }), 'phh_missing_field'],
      [headsUp({ actions: ['p0 f'] }), 'phh_bad_player'],
      [headsUp({ time: '7:5' }), 'phh_field_type'],
      [headsUp({ time: '07:05:00.000' }), 'phh_field_type'],
      [headsUp({ user_defined: { note: 'x' } }), 'phh_unknown_field'],
      [headsUp({ user_defined: { _when: new Date() as unknown as TomlDate } }), 'phh_field_type'],
      [headsUp({ user_defined: { _nothing: [null as unknown as string] } }), 'phh_field_type'],
      [{ ...headsUp(), extra: 1 } as unknown as PhhDocument, 'phh_unknown_field'],
    ];

    for (const [doc, code] of cases) {
      assert.throws(
        () => writePhh(doc),
        (error: unknown) => error instanceof ParseError && error.code === code,
        code,
      );
    }
  });
});

describe('writePhhs', () => {
  it('when three hands are written then they sit under [1], [2], [3] and read back equal and in order', () => {
    const docs = [headsUp({ hand: 1 }), everyField(), headsUp({ hand: 3, actions: ['p2 f # gone'] })];

    const text = writePhhs(docs);

    assert.ok(text.startsWith("[1]\nvariant = 'NT'\n"), text);
    assert.ok(text.includes("\n\n[2]\nvariant = 'PO'\n"), text);
    assert.ok(text.includes("\n\n[3]\nvariant = 'NT'\n"), text);
    assert.deepStrictEqual(parsePhhs(text), docs);
    assert.equal(writePhhs(parsePhhs(text)), text);
  });

  it('when there are no hands then the text is empty and reads back as no hands', () => {
    assert.equal(writePhhs([]), '');
    assert.deepEqual(parsePhhs(writePhhs([])), []);
  });

  it('when one hand is invalid then the error names its position', () => {
    assert.throws(
      () => writePhhs([headsUp(), headsUp({ variant: 'XX' as 'NT' })]),
      (error: unknown) => error instanceof ParseError && error.code === 'phh_unknown_variant' && error.message.startsWith('Hand [2]'),
    );
  });
});
