import assert from 'node:assert/strict';
import type { TemplateInput } from '../../src/persistence/types.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { templateViolations } from '../../src/tables/template-rules.ts';

const nlhe: TemplateInput = DEFAULT_TEMPLATES[0];
const limit: TemplateInput = DEFAULT_TEMPLATES.find((template) => template.variant === 'FT')!;

/** The fields a template breaks rules on. */
const fields = (template: TemplateInput): string[] => templateViolations(template).map((violation) => violation.field);

describe('tables: template rules', () => {
  it('when the default templates are checked then every one of them passes', () => {
    for (const template of DEFAULT_TEMPLATES) assert.deepEqual(templateViolations(template), [], template.name);
  });

  it('when the variant is unknown then the violation names the variants Felt plays', () => {
    const [violation] = templateViolations({ ...nlhe, variant: 'NX' });

    assert.equal(violation.field, 'variant');
    assert.match(violation.message, /NT/);
  });

  it('when a blind or ante is negative or fractional then it is refused and the relations are not judged', () => {
    assert.deepEqual(fields({ ...nlhe, smallBlind: -1 }), ['smallBlind']);
    assert.deepEqual(fields({ ...nlhe, ante: 0.5 }), ['ante']);
  });

  it('when the big blind is 0 or below the small blind then it is refused', () => {
    assert.deepEqual(fields({ ...nlhe, smallBlind: 0, bigBlind: 0, minBuyIn: 0 }), ['bigBlind']);
    assert.deepEqual(fields({ ...nlhe, smallBlind: 3, bigBlind: 2 }), ['smallBlind']);
  });

  it('when an ante game has no small blind then it passes', () => {
    assert.deepEqual(fields({ ...nlhe, variant: 'NS', smallBlind: 0, bigBlind: 2, ante: 1 }), []);
  });

  it('when a straddle is under twice the big blind then it is refused, and twice or none passes', () => {
    assert.deepEqual(fields({ ...nlhe, straddle: 3 }), ['straddle']);
    assert.deepEqual(fields({ ...nlhe, straddle: 4 }), []);
    assert.deepEqual(fields({ ...nlhe, straddle: 0 }), []);
  });

  it('when a fixed-limit template has no small bet or a big bet other than twice it then it is refused', () => {
    assert.deepEqual(fields({ ...limit, smallBet: 0, bigBet: 0 }), ['smallBet']);
    assert.deepEqual(fields({ ...limit, smallBet: 2, bigBet: 3 }), ['bigBet']);
    assert.deepEqual(fields({ ...limit, smallBet: 5, bigBet: 10 }), []);
  });

  it('when a no-limit or pot-limit template sets fixed bets then it is refused', () => {
    assert.deepEqual(fields({ ...nlhe, smallBet: 2, bigBet: 4 }), ['smallBet']);
    assert.deepEqual(fields({ ...nlhe, variant: 'PO', bigBet: 4 }), ['smallBet']);
  });

  it('when the minimum buy-in is under a big blind or above the maximum then it is refused', () => {
    assert.deepEqual(fields({ ...nlhe, minBuyIn: 1 }), ['minBuyIn']);
    assert.deepEqual(fields({ ...nlhe, minBuyIn: 300, maxBuyIn: 200 }), ['maxBuyIn']);
    assert.deepEqual(fields({ ...nlhe, minBuyIn: 200, maxBuyIn: 200 }), []);
  });

  it('when the seats are outside what the engine supports then they are refused', () => {
    assert.deepEqual(fields({ ...nlhe, maxSeats: 1 }), ['maxSeats']);
    assert.deepEqual(fields({ ...nlhe, maxSeats: 11 }), ['maxSeats']);
    assert.deepEqual(fields({ ...nlhe, maxSeats: 2 }), []);
    assert.deepEqual(fields({ ...nlhe, maxSeats: 10 }), []);
  });

  it('when rake, clocks, idle time or minimum tables are out of range then each is named', () => {
    const broken = { ...nlhe, rakeBasisPoints: 10_001, rakeCap: -1, actionSeconds: 1, timeBankSeconds: -5, idleMinutes: 0, minTables: -1 };

    assert.deepEqual(fields(broken).sort(), ['actionSeconds', 'idleMinutes', 'minTables', 'rakeBasisPoints', 'rakeCap', 'timeBankSeconds']);
  });

  it('when several rules break then every one is reported with a sentence', () => {
    const violations = templateViolations({ ...nlhe, name: ' ', smallBlind: 5, maxSeats: 12 });

    assert.deepEqual(violations.map((violation) => violation.field), ['name', 'smallBlind', 'maxSeats']);
    for (const violation of violations) assert.match(violation.message, /\.$/);
  });
});

describe('tables: template rules for table options', () => {
  const nlhe: TemplateInput = DEFAULT_TEMPLATES[0];
  const stud: TemplateInput = { ...nlhe, variant: 'F7S', smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 };
  const fields = (template: TemplateInput): string[] => templateViolations(template).map((violation) => violation.field);

  it('when a template turns every option on within its rules then it passes', () => {
    assert.deepEqual(templateViolations({
      ...nlhe, runItTwice: true, straddles: 'any', timeBankRefillSeconds: 10, timeBankRefillHands: 20, timeBankCapSeconds: 60,
      bombPotEvery: 12, bombPotAnte: 4, bombPotVote: true, sharedWaitlist: true,
    }), []);
  });

  it('when an option has a value of the wrong kind or out of range then the field is named', () => {
    assert.deepEqual(fields({ ...nlhe, straddles: 'button' as never }), ['straddles']);
    assert.deepEqual(fields({ ...nlhe, runItTwice: 'yes' as never }), ['runItTwice']);
    assert.deepEqual(fields({ ...nlhe, bombPotEvery: -1 }), ['bombPotEvery']);
    assert.deepEqual(fields({ ...nlhe, timeBankRefillSeconds: 5000 }), ['timeBankRefillSeconds']);
    assert.deepEqual(fields({ ...nlhe, bombPotAnte: 1.5 }), ['bombPotAnte']);
  });

  it('when a refill has no hands between refills or a cap under the time bank then those fields are named', () => {
    assert.deepEqual(fields({ ...nlhe, timeBankRefillSeconds: 5, timeBankRefillHands: 0, timeBankCapSeconds: 10 }), ['timeBankRefillHands', 'timeBankCapSeconds']);
  });

  it('when bomb pots have no ante or one above the minimum buy-in then bombPotAnte is named', () => {
    assert.deepEqual(fields({ ...nlhe, bombPotEvery: 5 }), ['bombPotAnte']);
    assert.deepEqual(fields({ ...nlhe, bombPotVote: true, bombPotAnte: nlhe.minBuyIn + 1 }), ['bombPotAnte']);
  });

  it('when a stud template asks to run it twice, for straddles or for bomb pots then each is refused: stud has no board and no blinds', () => {
    assert.deepEqual(fields(stud), []);
    assert.deepEqual(fields({ ...stud, runItTwice: true, straddles: 'utg', bombPotEvery: 3, bombPotAnte: 1 }), ['straddles', 'runItTwice', 'bombPotEvery']);
  });

  it('when a template with a fixed straddle also lets players choose one then straddles is refused', () => {
    assert.deepEqual(fields({ ...nlhe, straddle: 2 * nlhe.bigBlind, straddles: 'utg' }), ['straddles']);
  });
});

describe('tables: template rules for table options at mixed-game tables', () => {
  const horse: TemplateInput = { ...DEFAULT_TEMPLATES[0], variant: 'FT', rotation: 'HORSE', ante: 1, bringIn: 1, smallBet: 2, bigBet: 4 };
  const studOnly: TemplateInput = { ...horse, variant: 'F7S', smallBlind: 0, bigBlind: 0, rotation: [{ variant: 'F7S' }, { variant: 'FR' }] };
  const fields = (template: TemplateInput): string[] => templateViolations(template).map((violation) => violation.field);

  it('when a rotation has a flop game then it may run it twice, let players straddle and deal bomb pots', () => {
    assert.deepEqual(fields(horse), []);
    assert.deepEqual(fields({ ...horse, runItTwice: true, straddles: 'utg', bombPotEvery: 8, bombPotAnte: 2 }), []);
  });

  it('when every game of a rotation is stud then those options are refused, each naming its field', () => {
    assert.deepEqual(fields(studOnly), []);
    assert.deepEqual(fields({ ...studOnly, runItTwice: true, straddles: 'any', bombPotVote: true, bombPotAnte: 2 }), ['straddles', 'runItTwice', 'bombPotVote']);
  });
});
