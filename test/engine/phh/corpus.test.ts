import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePhhAction } from '../../../src/engine/phh/action.ts';
import type { PhhDocument } from '../../../src/engine/phh/document.ts';
import { parsePhhs } from '../../../src/engine/phh/parse.ts';
import { replayPhh, verifyPhh } from '../../../src/engine/phh/replay.ts';
import { writePhhs } from '../../../src/engine/phh/write.ts';
import { CORPUS_VARIANTS, corpusFileName, playCorpus, type CorpusHand } from '../../../src/tools/phh-corpus.ts';
import { findVariant, hasDraws, usesBringIn } from '../../../src/engine/variants.ts';

// Hands played by the load test bots at the engine's cash tables, exported as the admin route exports them.
const CORPUS = resolve(import.meta.dirname, 'corpus');
const REGENERATE = 'regenerate it with `npm run phh -- corpus test/engine/phh/corpus` and review the diff';

function fixture(variant: string): PhhDocument[] {
  return parsePhhs(readFileSync(join(CORPUS, corpusFileName(variant)), 'utf8'));
}

const played = new Map<string, CorpusHand[]>();
function corpusHands(variant: string): CorpusHand[] {
  let hands = played.get(variant);
  if (!hands) {
    hands = playCorpus(variant);
    played.set(variant, hands);
  }
  return hands;
}

const BETS = new Set(['fold', 'check_or_call', 'complete_bet_or_raise_to', 'post_bring_in']);

function lastBetting(actions: readonly string[]): number {
  let lastBet = -1;
  actions.forEach((text, i) => {
    if (BETS.has(parsePhhAction(text).kind)) lastBet = i;
  });
  return lastBet;
}

/** Where an all-in runout starts: the first board deal (stud: any deal) after the last betting action, or -1. */
function runoutStart(actions: readonly string[], stud = false): number {
  const lastBet = lastBetting(actions);
  return actions.findIndex((text, i) => {
    const kind = parsePhhAction(text).kind;
    return i > lastBet && (kind === 'deal_board' || (stud && kind === 'deal_hole'));
  });
}

/** The players who did not fold. */
function stillIn(doc: PhhDocument): number[] {
  const folded = new Set(doc.actions.map(parsePhhAction).filter((a) => a.kind === 'fold').map((a) => a.player));
  return doc.starting_stacks.map((_, p) => p).filter((p) => !folded.has(p));
}

describe('PHH corpus', () => {
  for (const variant of CORPUS_VARIANTS) {
    describe(variant, () => {
      it('when the corpus is played again from its seed then it is the committed file, byte for byte', () => {
        const text = writePhhs(corpusHands(variant).map((hand) => hand.doc));
        assert.ok(text === readFileSync(join(CORPUS, corpusFileName(variant)), 'utf8'), `${corpusFileName(variant)} is stale; ${REGENERATE}`);
      });

      it('when every hand is replayed then it ends on its finishing stacks', () => {
        const docs = fixture(variant);
        assert.ok(docs.length >= 60 && docs.length <= 100, `${docs.length} hands`);
        const failures = docs.flatMap((doc, i) => {
          const outcome = verifyPhh(doc);
          return outcome.ok && doc.finishing_stacks ? [] : [`#${i + 1}: ${outcome.ok ? 'no finishing_stacks' : outcome.reason}`];
        });
        assert.deepEqual(failures, []);
      });

      const game = findVariant(variant)!;
      const stud = usesBringIn(game);
      const draws = hasDraws(game);

      if (!stud && !draws) it('when a hand runs out an all-in board then every player in it shows before the next board deal, and nobody after', () => {
        let runouts = 0;
        const failures: string[] = [];
        fixture(variant).forEach((doc, i) => {
          const start = runoutStart(doc.actions);
          if (start < 0) return;
          runouts++;
          const actions = doc.actions.map(parsePhhAction);
          const folded = new Set(actions.filter((a) => a.kind === 'fold').map((a) => a.player));
          const inHand = doc.starting_stacks.map((_, p) => p).filter((p) => !folded.has(p));
          const showers = new Set(actions.slice(0, start).filter((a) => a.kind === 'show').map((a) => a.player));
          const late = actions.slice(start).filter((a) => a.kind === 'show' || a.kind === 'muck');
          if (late.length > 0 || inHand.some((p) => !showers.has(p))) failures.push(`#${i + 1}: ${doc.actions.join(', ')}`);
        });
        assert.deepEqual(failures, []);
        assert.ok(runouts > 0, 'the corpus has all-in runouts');
      });

      if (stud) it('when a stud hand is all-in before seventh street then everyone still in shows before the next street, and again after seventh', () => {
        let runouts = 0;
        const failures: string[] = [];
        fixture(variant).forEach((doc, i) => {
          const start = runoutStart(doc.actions, true);
          if (start < 0) return;
          runouts++;
          const actions = doc.actions.map(parsePhhAction);
          const showsBefore = new Set(actions.slice(lastBetting(doc.actions) + 1, start).filter((a) => a.kind === 'show').map((a) => a.player));
          let lastDeal = -1;
          actions.forEach((a, k) => {
            if (a.kind === 'deal_hole' || a.kind === 'deal_board') lastDeal = k;
          });
          const showsAfter = new Set(actions.slice(lastDeal + 1).filter((a) => a.kind === 'show').map((a) => a.player));
          const dealt = (p: number, upTo: number): number => actions.slice(0, upTo)
            .reduce((sum, a) => sum + (a.kind === 'deal_hole' && a.player === p ? a.cards.length : 0), 0);
          // Seventh street's card is face down: who got it in the runout shows again.
          const seventhInRunout = (p: number): boolean => dealt(p, actions.length) === 7 && dealt(p, start) < 7;
          if (stillIn(doc).some((p) => !showsBefore.has(p) || (seventhInRunout(p) && !showsAfter.has(p)))) {
            failures.push(`#${i + 1}: ${doc.actions.join(', ')}`);
          }
        });
        assert.deepEqual(failures, []);
        assert.ok(runouts > 0, 'the corpus has all-in stud hands');
      });

      if (draws) it('when players draw then each round writes every discard before any replacement', () => {
        const failures: string[] = [];
        fixture(variant).forEach((doc, i) => {
          // A round ends at a bet, or (all-in, no betting) when a player who has discarded discards again.
          let discarded = new Set<number>();
          let dealtSinceDiscard = false;
          for (const action of doc.actions.map(parsePhhAction)) {
            if (action.kind === 'stand_pat_or_discard') {
              if (discarded.has(action.player)) {
                discarded = new Set();
                dealtSinceDiscard = false;
              }
              if (dealtSinceDiscard) failures.push(`#${i + 1}: ${doc.actions.join(', ')}`);
              discarded.add(action.player);
            } else if (action.kind === 'deal_hole' && discarded.size > 0) dealtSinceDiscard = true;
            else if (BETS.has(action.kind)) {
              discarded = new Set();
              dealtSinceDiscard = false;
            }
          }
        });
        assert.deepEqual(failures, []);
      });

      if (!stud) it('when a hand had dead blinds then they are entries of antes and no hand has _dead_blinds', () => {
        const hands = corpusHands(variant);
        let withDeadBlinds = 0;
        for (const { state, doc } of hands) {
          assert.equal(doc.user_defined._dead_blinds, undefined, `hand ${doc.hand} has _dead_blinds`);
          const dead = state.config.deadBlinds ?? [];
          if (!dead.some((amount) => amount > 0)) continue;
          withDeadBlinds++;
          const n = state.stacks.length;
          const expected = state.config.antes.map((ante, slot) => ante + (dead[n === 2 ? 1 - slot : slot] ?? 0));
          assert.deepEqual(doc.antes, expected, `hand ${doc.hand}`);
          assert.equal(doc.ante_trimming_status, false, `hand ${doc.hand}`);
        }
        assert.ok(withDeadBlinds > 0, 'the corpus has dead blinds');
        assert.ok(fixture(variant).every((doc) => !('_dead_blinds' in doc.user_defined)));
      });

      it('when the corpus is read then it holds live posts, side pots, rake, heads-up and full tables', () => {
        const docs = fixture(variant);
        const replays = docs.map(replayPhh);
        const count = (test: (doc: PhhDocument, i: number) => boolean): number => docs.filter(test).length;
        const sidePots = count((_, i) => {
          const replay = replays[i];
          return replay.ok && replay.hand.state.pots.length > 1;
        });
        const raked = count((doc) => doc.finishing_stacks!.reduce((a, b) => a + b) < doc.starting_stacks.reduce((a, b) => a + b));
        const has = (pattern: RegExp): boolean => count((doc) => doc.actions.some((action) => pattern.test(action))) > 0;
        const coverage = {
          ...(stud ? { bringIns: has(/^p\d+ pb$/) } : { livePosts: count((doc) => doc.blinds_or_straddles!.some((blind) => blind < 0)) > 0 }),
          ...(draws ? { standsPat: has(/^p\d+ sd$/), discards: has(/^p\d+ sd \S+$/) } : {}),
          sidePots: sidePots > 0,
          raked: raked > 0,
          headsUp: count((doc) => doc.starting_stacks.length === 2) > 0,
          sixOrMore: count((doc) => doc.starting_stacks.length >= 6) > 0,
          showdowns: has(/^p\d+ sm /),
        };
        assert.ok(Object.values(coverage).every(Boolean), JSON.stringify(coverage));
      });
    });
  }
});
