import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePhh } from '../../../src/engine/phh/parse.ts';
import { replayPhh, verifyPhh } from '../../../src/engine/phh/replay.ts';

const SAMPLE = resolve(import.meta.dirname, '../../../../shared/phh-sample');

const HEADER = `variant = 'NT'
ante_trimming_status = true
antes = [0, 0, 0]
blinds_or_straddles = [1, 2, 0]
min_bet = 2
starting_stacks = [100, 100, 100]
`;

function hand(actions: string[], extra = ''): ReturnType<typeof parsePhh> {
  return parsePhh(`${HEADER}actions = [${actions.map((a) => `'${a}'`).join(', ')}]\n${extra}`);
}

describe('PHH replay', () => {
  it('when every hand of the shared sample is replayed then each ends with its recorded stacks', function () {
    if (!existsSync(SAMPLE)) {
      this.test!.title += ` (skipped: the PHH sample is absent at ${SAMPLE})`;
      this.skip();
    }
    const files = readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.phh'));
    const failures = files
      .map((file) => [file, verifyPhh(parsePhh(readFileSync(join(SAMPLE, file), 'utf8')))] as const)
      .filter(([, outcome]) => !outcome.ok);
    assert.deepEqual(failures, []);
    assert.equal(files.length, 514);
  });

  it('when a history ends with matching stacks then it passes', () => {
    const doc = hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 f', 'p1 cbr 6', 'p2 f'], 'finishing_stacks = [102, 98, 100]');
    assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
  });

  it('when recorded stacks disagree with the rules then the failure says which players differ', () => {
    const doc = hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 f', 'p1 cbr 6', 'p2 f'], 'finishing_stacks = [104, 96, 100]');
    const outcome = verifyPhh(doc);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /p1 finished with 102, recorded 104/);
  });

  it('when an action is illegal then the failure names the action and why', () => {
    const outcome = verifyPhh(hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 cbr 3']));
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /action 4 "p3 cbr 3": The smallest bet or raise now is to 4/);
  });

  it('when the actions stop before the hand ends then it fails', () => {
    const outcome = verifyPhh(hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 cc']));
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /actions end before the hand does/);
  });

  it('when amounts are decimal then they are scaled to whole chips and back', () => {
    const doc = parsePhh(`variant = 'NT'
antes = [0, 0]
blinds_or_straddles = [0.25, 0.5]
min_bet = 0.5
starting_stacks = [10.10, 20]
actions = ['d dh p1 ????', 'd dh p2 ????', 'p2 cbr 1.25', 'p1 f']
finishing_stacks = [9.6, 20.5]
`);
    const result = replayPhh(doc);
    assert.ok(result.ok);
    assert.equal(result.scale, 100);
    assert.deepEqual(result.finishingStacks, [9.6, 20.5]);
  });

  it('when hole cards are left out of a history then unseen cards are dealt, as PokerKit does', () => {
    const outcome = verifyPhh(hand(['p3 f', 'p1 cbr 6', 'p2 f'], 'finishing_stacks = [102, 98, 100]'));
    assert.deepEqual(outcome, { ok: true, repairs: 0 });
  });

  it('when a history leaves out a fold then it is inserted as PokerKit does, and counted', () => {
    const outcome = verifyPhh(hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p1 cbr 6', 'p2 f'], 'finishing_stacks = [102, 98, 100]'));
    assert.deepEqual(outcome, { ok: true, repairs: 1 });
  });

  it('when an all-in player shows unknown cards on each street and the real ones at the end then the real ones win', () => {
    const doc = hand(
      ['d dh p1 ????', 'd dh p2 ????', 'd dh p3 ????', 'p3 f', 'p1 cbr 100', 'p2 cc', 'p1 sm ????', 'p2 sm ????',
        'd db 2c3c4h', 'p1 sm ????', 'd db 7d', 'd db 8s', 'p1 sm AsAd', 'p2 sm KsKd'],
      'finishing_stacks = [200, 0, 100]',
    );
    assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
  });

  it('when an all-in player whose cards are known keeps them face down at each street and mucks at the end then the other wins', () => {
    const doc = hand(
      ['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 f', 'p1 cbr 100', 'p2 cc', 'p1 sm AsAd', 'p2 sm ????',
        'd db 2c3c4h', 'p2 sm ????', 'd db 7d', 'p2 sm ????', 'd db 8s', 'p2 sm'],
      'finishing_stacks = [200, 0, 100]',
    );
    assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
  });

  it('when an older export keeps a dead blind in _dead_blinds then it still replays to its stacks', () => {
    const doc = hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 f', 'p1 f'], 'finishing_stacks = [99, 102, 99]\n_dead_blinds = [0, 0, 1]');
    assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
    assert.equal(verifyPhh({ ...doc, user_defined: {} }).ok, false, 'without the dead blind the stacks would not add up');
  });

  it('when the uncalled winner shows after the hand then the show is accepted and changes nothing', () => {
    const doc = hand(['d dh p1 AsAd', 'd dh p2 KsKd', 'd dh p3 QsQd', 'p3 f', 'p1 cbr 6', 'p2 f', 'p1 sm AsAd'], 'finishing_stacks = [102, 98, 100]');
    assert.deepEqual(verifyPhh(doc), { ok: true, repairs: 0 });
  });
});
