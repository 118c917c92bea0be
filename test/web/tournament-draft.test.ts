import assert from 'node:assert/strict';
import { addLevel, BLANK_TOURNAMENT, levelErrors, removeLevel, setLevel, tournamentBody } from '../../web/src/admin/tournament-draft.ts';

describe('web: the admin\'s new-tournament form (tournament-draft)', () => {
  it('when a sit-and-go is sent then the body is PROTOCOL.md\'s, without a start, payouts or breaks left blank', () => {
    const body = tournamentBody({ ...BLANK_TOURNAMENT, name: 'Turbo' });
    assert.deepEqual(Object.keys(body).sort(), ['buyIn', 'fee', 'kind', 'levels', 'maxEntrants', 'minEntrants', 'name', 'startingStack', 'tableSize', 'variant']);
    assert.deepEqual(body.levels, BLANK_TOURNAMENT.levels);
  });

  it('when a scheduled tournament has a start, payouts and breaks then they are sent as epoch ms, numbers and both break fields', () => {
    const body = tournamentBody({ ...BLANK_TOURNAMENT, kind: 'mtt', startsAt: '2026-12-24T20:00', payouts: '50, 30 20', breakEvery: 4, breakSeconds: 300 });
    assert.equal(body.startsAt, new Date('2026-12-24T20:00').getTime());
    assert.deepEqual(body.payouts, [50, 30, 20]);
    assert.equal(body.breakEvery, 4);
    assert.equal(body.breakSeconds, 300);
  });

  it('when a level is added, edited or removed then only that level changes', () => {
    const added = addLevel(BLANK_TOURNAMENT.levels);
    assert.deepEqual(added[3], { smallBlind: 50, bigBlind: 100, ante: 10, seconds: 300 });
    assert.equal(setLevel(added, 1, 'bigBlind', 40)[1].bigBlind, 40);
    assert.deepEqual(setLevel(added, 1, 'bigBlind', 40)[0], added[0]);
    assert.deepEqual(removeLevel(added, 0).map((l) => l.bigBlind), [30, 50, 100]);
    assert.deepEqual(addLevel([]), [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 }]);
  });

  it('when the API names level fields in its problem then each message goes to the editor, its level or its cell', () => {
    const errors = levelErrors({ levels: 'Add at least one level.', 'levels.2': 'Level 3 must raise the blinds.', 'levels.0.bigBlind': 'must be a whole number', name: 'x' });
    assert.equal(errors.all, 'Add at least one level.');
    assert.equal(errors.rows.get(2), 'Level 3 must raise the blinds.');
    assert.equal(errors.cells.get('0.bigBlind'), 'must be a whole number');
    assert.equal(errors.rows.size + errors.cells.size, 2);
  });
});
