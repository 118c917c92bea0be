import assert from 'node:assert/strict';
import type { TemplateInput, TemplateRecord } from '../../src/persistence/types.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { gameSettings, rotationCodes } from '../../src/tables/game-settings.ts';
import { settingsFromTemplate } from '../../src/tables/settings.ts';
import { templateViolations } from '../../src/tables/template-rules.ts';

const base = DEFAULT_TEMPLATES[0];
const stud: TemplateInput = { ...base, variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4, maxSeats: 8 };
const horse: TemplateInput = { ...base, variant: 'FT', rotation: 'HORSE', smallBlind: 1, bigBlind: 2, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4, maxSeats: 8 };

/** Each broken rule as field and code. */
const broken = (template: TemplateInput): string[] => templateViolations(template).map((violation) => `${violation.field}:${violation.code}`);
const record = (template: TemplateInput): TemplateRecord => ({ ...template, id: 'x', retiredAt: null });

describe('tables: templates of every game and rotations', () => {
  it('when a stud, a razz, a stud hi-lo, a draw game, HORSE and 8-game template are checked then each passes', () => {
    assert.deepEqual(broken(stud), []);
    assert.deepEqual(broken({ ...stud, variant: 'FR' }), []);
    assert.deepEqual(broken({ ...stud, variant: 'F7S/8', ante: 0 }), []);
    assert.deepEqual(broken({ ...base, variant: 'F2L3D', smallBet: 2, bigBet: 4 }), []);
    assert.deepEqual(broken({ ...base, variant: 'N2L1D' }), []);
    assert.deepEqual(broken({ ...base, variant: 'FB', smallBet: 2, bigBet: 4 }), []);
    assert.deepEqual(broken(horse), []);
    assert.deepEqual(broken({ ...horse, rotation: '8-game', variant: 'F2L3D' }), []);
    assert.deepEqual(broken({ ...horse, variant: 'NT', rotation: [{ variant: 'NT', hands: 6 }, { variant: 'PO' }], smallBet: 0, bigBet: 0, ante: 0, bringIn: 0 }), []);
  });

  it('when a stud template has blinds, no bring-in, a bring-in of the small bet, a straddle or nine seats then each is refused on its field', () => {
    assert.deepEqual(broken({ ...stud, smallBlind: 1, bigBlind: 2 }), ['smallBlind:bad_small_blind']);
    assert.deepEqual(broken({ ...stud, bringIn: 0 }), ['bringIn:bad_bring_in']);
    assert.deepEqual(broken({ ...stud, bringIn: 2 }), ['bringIn:bad_bring_in']);
    assert.deepEqual(broken({ ...stud, straddle: 4 }), ['straddle:bad_straddle']);
    assert.deepEqual(broken({ ...stud, bigBlindAnte: true }), ['bigBlindAnte:bad_big_blind_ante']);
    assert.deepEqual(broken({ ...stud, maxSeats: 9 }), ['maxSeats:bad_max_seats']);
    assert.deepEqual(broken({ ...stud, bringIn: -1 }), ['bringIn:bad_bring_in']);
  });

  it('when a flop or draw game has a bring-in or the open-pair rule then it is refused', () => {
    assert.deepEqual(broken({ ...base, bringIn: 1 }), ['bringIn:bad_bring_in']);
    assert.deepEqual(broken({ ...base, openPairBigBet: true }), ['openPairBigBet:bad_open_pair_big_bet']);
    assert.deepEqual(broken({ ...horse, rotation: [{ variant: 'FT' }], bringIn: 0, ante: 0, openPairBigBet: true }), ['openPairBigBet:bad_open_pair_big_bet']);
  });

  it('when a stud template or a rotation with stud turns on the open-pair big bet then it passes and the table deals by it', () => {
    assert.deepEqual(broken({ ...stud, openPairBigBet: true }), []);
    assert.deepEqual(broken({ ...horse, openPairBigBet: true }), []);
    assert.equal(settingsFromTemplate(record({ ...stud, openPairBigBet: true })).openPairBigBet, true);
    assert.equal(settingsFromTemplate(record(stud)).openPairBigBet, undefined, 'off by default, as in PokerKit');
  });

  it('when a rotation is an unknown preset, empty, has an unknown game, a bad hand count, or does not start with the variant then it is refused on its field with its code', () => {
    assert.deepEqual(broken({ ...horse, rotation: 'HOSE' }), ['rotation:unknown_rotation']);
    assert.deepEqual(broken({ ...horse, rotation: [] }), ['rotation:bad_rotation']);
    assert.deepEqual(broken({ ...horse, rotation: [{ variant: 'FT' }, { variant: 'XX' }] }), ['rotation:unknown_variant']);
    assert.deepEqual(broken({ ...horse, rotation: [{ variant: 'FT', hands: 0 }, { variant: 'F7S' }] }), ['rotation:bad_rotation']);
    assert.deepEqual(broken({ ...horse, rotation: [{ variant: 'FT', hands: 2.5 }, { variant: 'F7S' }] }), ['rotation:bad_rotation']);
    assert.deepEqual(broken({ ...horse, variant: 'FR' }), ['variant:variant_not_first_game']);
  });

  it('when a rotation lacks the stakes one of its games needs then the missing stake is named', () => {
    assert.deepEqual(broken({ ...horse, bringIn: 0 }), ['bringIn:bad_bring_in']);
    assert.deepEqual(broken({ ...horse, smallBlind: 0, bigBlind: 0 }), ['bigBlind:bad_big_blind']);
    assert.deepEqual(broken({ ...horse, smallBet: 0, bigBet: 0 }), ['smallBet:bad_small_bet']);
    assert.deepEqual(broken({ ...horse, maxSeats: 9 }), ['maxSeats:bad_max_seats']);
  });

  it('when a stud template becomes table settings then its stakes are the ante and the bring-in with no blinds', () => {
    const settings = settingsFromTemplate(record(stud));
    assert.equal(settings.variant, 'F7S');
    assert.deepEqual(settings.stakes, { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 });
    assert.equal(settings.rotation, undefined);
  });

  it('when a HORSE template becomes table settings then the first game is set and every game carries its stakes', () => {
    const settings = settingsFromTemplate(record(horse));
    assert.equal(settings.variant, 'FT');
    assert.deepEqual(settings.stakes, { smallBlind: 1, bigBlind: 2, ante: 0 });
    assert.deepEqual(settings.rotation?.map((game) => game.variant), ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8']);
    assert.deepEqual(settings.rotation?.[3].stakes, { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 });
    assert.deepEqual(rotationCodes(horse), ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8']);
    assert.deepEqual(gameSettings(record(base)), {}, 'a template of one flop game keeps its own stakes');
  });
});
