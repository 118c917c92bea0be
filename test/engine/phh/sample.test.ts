import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCards } from '../../../src/engine/cards.ts';
import { formatPhhAction, parsePhh, parsePhhAction, writePhh } from '../../../src/engine/phh/index.ts';

// The PokerKit sample hands live beside the repository, not in it.
const SAMPLE = resolve(import.meta.dirname, '../../../../shared/phh-sample');

function sampleFiles(context: Mocha.Context): string[] {
  if (!existsSync(SAMPLE)) {
    context.test!.title += ` (skipped: the PHH sample is absent at ${SAMPLE})`;
    context.skip();
  }
  return readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.phh'))
    .sort();
}

describe('PHH sample hands', () => {
  it('when every sample file is parsed then each is a valid hand', function () {
    const files = sampleFiles(this);
    const failures: string[] = [];
    const variants = new Set<string>();

    for (const file of files) {
      try {
        const doc = parsePhh(readFileSync(join(SAMPLE, file), 'utf8'));
        variants.add(doc.variant);
        for (const action of doc.actions) parsePhhAction(action);
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }

    assert.deepEqual(failures, []);
    assert.ok(files.length > 0, 'the sample holds .phh files');
    assert.deepEqual([...variants].sort(), ['FT', 'NT', 'PO']);
  });

  it('when every sample is written and read back then the documents are equal and the text is a fixed point', function () {
    const failures: string[] = [];

    for (const file of sampleFiles(this)) {
      const doc = parsePhh(readFileSync(join(SAMPLE, file), 'utf8'));
      const text = writePhh(doc);
      const again = parsePhh(text);
      try {
        assert.deepStrictEqual(again, doc);
        assert.equal(writePhh(again), text);
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }

    assert.deepEqual(failures, []);
  });

  it('when every sample action is parsed then formatting gives the same text back', function () {
    const changed: string[] = [];

    for (const file of sampleFiles(this)) {
      for (const action of parsePhh(readFileSync(join(SAMPLE, file), 'utf8')).actions) {
        if (formatPhhAction(parsePhhAction(action)) !== action) changed.push(`${file}: ${action}`);
      }
    }

    assert.deepEqual(changed, []);
  });

  it('when the Dwan–Ivey hand is read then its TOML comments are dropped and its actions are the plain strings', function () {
    sampleFiles(this);
    const text = readFileSync(join(SAMPLE, 'dwan-ivey-2009.phh'), 'utf8');

    const doc = parsePhh(text);

    assert.ok(text.includes('"p3 cbr 7000",  # Dwan'), 'the file annotates actions with TOML comments');
    assert.equal(doc.actions.length, 18);
    assert.equal(doc.actions[3], 'p3 cbr 7000');
    assert.ok(doc.actions.every((action) => !action.includes('#')));
    assert.deepEqual(doc.players, ['Phil Ivey', 'Patrik Antonius', 'Tom Dwan']);
    assert.deepEqual(parsePhhAction(doc.actions[1]), { kind: 'deal_hole', player: 1, cards: [-1, -1] });
    assert.deepEqual(parsePhhAction(doc.actions[16]), { kind: 'show', player: 2, cards: parseCards('7h6h') });
    assert.equal(doc.ante_trimming_status, true);
    assert.equal(doc.year, 2009);
    assert.equal(doc.finishing_stacks, undefined);
  });

  it('when the Dwan–Ivey hand is written then comments are gone and strings are single-quoted', function () {
    sampleFiles(this);
    const doc = parsePhh(readFileSync(join(SAMPLE, 'dwan-ivey-2009.phh'), 'utf8'));

    const text = writePhh(doc);

    assert.ok(!text.includes('# '), text);
    assert.ok(!text.includes('"'), text);
    assert.ok(text.includes("actions = ['d dh p1 Ac2d', 'd dh p2 ????', 'd dh p3 7h6h', 'p3 cbr 7000',"), text);
    assert.ok(text.endsWith("currency = 'USD'\n"), text);
  });
});
