import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePhhAction } from '../../../src/engine/phh/action.ts';
import type { PhhDocument } from '../../../src/engine/phh/document.ts';
import { parsePhh, parsePhhs } from '../../../src/engine/phh/parse.ts';
import { verifyPhh } from '../../../src/engine/phh/replay.ts';

// Real WSOP 2023 stud, razz and draw hands, and PokerKit's own, beside the repository.
const SHARED = resolve(import.meta.dirname, '../../../../shared/phh-games');
// PokerKit-played hands committed as fixtures (see games-corpus/README.md).
const FIXTURES = resolve(import.meta.dirname, 'games-corpus');
const VARIANTS = ['F7S', 'F7S/8', 'FR', 'N2L1D', 'F2L3D', 'FB'];

function failuresOf(docs: readonly PhhDocument[], names: readonly string[]): string[] {
  return docs.flatMap((doc, i) => {
    const outcome = verifyPhh(doc);
    if (!outcome.ok) return [`${names[i]}: ${outcome.reason}`];
    return doc.finishing_stacks ? [] : [`${names[i]}: no finishing_stacks`];
  });
}

function fixture(variant: string): PhhDocument[] {
  return parsePhhs(readFileSync(join(FIXTURES, `${variant.replace('/', '')}.phhs`), 'utf8'));
}

/** Whether some card is dealt twice in the hand: its deck ran out and took back cards out of play. */
function dealsACardTwice(doc: PhhDocument): boolean {
  const dealt = doc.actions.map(parsePhhAction).flatMap((a) => (a.kind === 'deal_hole' ? a.cards.filter((card) => card >= 0) : []));
  return new Set(dealt).size < dealt.length;
}

describe('PHH stud and draw hands', () => {
  it('when every real and PokerKit-sample hand of ../shared/phh-games is replayed then it ends on its finishing stacks', function () {
    if (!existsSync(SHARED)) {
      this.test!.title += ` (skipped: the hands are absent at ${SHARED})`;
      this.skip();
    }
    const files = readdirSync(SHARED, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.phh')).sort();
    const docs = files.map((file) => parsePhh(readFileSync(join(SHARED, file), 'utf8')));
    assert.deepEqual(failuresOf(docs, files), []);
    assert.equal(files.length, 144);
    assert.deepEqual([...new Set(docs.map((doc) => doc.variant))].sort(), [...VARIANTS].sort());
  });

  for (const variant of VARIANTS) {
    it(`when every PokerKit-played ${variant} fixture is replayed then it ends on PokerKit's finishing stacks`, () => {
      const docs = fixture(variant);
      assert.equal(docs.length, 200);
      assert.deepEqual(failuresOf(docs, docs.map((_, i) => `${variant} #${i + 1}`)), []);
    });
  }

  it('when the fixtures are read then they hold common cards, bring-ins and completions, discards and stands pat, and reshuffled decks', () => {
    const has = (variants: string[], test: (doc: PhhDocument) => boolean): boolean => variants.every((v) => fixture(v).some(test));
    const action = (pattern: RegExp) => (doc: PhhDocument): boolean => doc.actions.some((text) => pattern.test(text));
    const stud = ['F7S', 'F7S/8', 'FR'];
    const draw = ['N2L1D', 'F2L3D', 'FB'];
    assert.deepEqual({
      commonCard: has(stud, action(/^d db /)),
      bringIn: has(stud, action(/^p\d+ pb$/)),
      completion: has(stud, (doc) => /^p\d+ cbr /.test(doc.actions.find((text) => !text.startsWith('d ')) ?? '')),
      standPat: has(draw, action(/^p\d+ sd$/)),
      discard: has(draw, action(/^p\d+ sd \S+$/)),
      reshuffle: has(draw, dealsACardTwice),
    }, { commonCard: true, bringIn: true, completion: true, standPat: true, discard: true, reshuffle: true });
  });
});
