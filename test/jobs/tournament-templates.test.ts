import assert from 'node:assert/strict';
import { Scheduler } from '../../src/jobs/scheduler.ts';
import { openFromTemplates, TOURNAMENT_TEMPLATES_JOB, tournamentTemplatesJob, verifyTournamentTemplate } from '../../src/jobs/tournament-templates.ts';
import { InvalidDefinitionError, type TournamentTemplateInput, type TournamentTemplateRecord } from '../../src/persistence/tournament-types.ts';
import { TournamentTemplate } from '../../src/persistence/entities/TournamentTemplate.ts';
import { describeEachBackend, useFreshDatabase } from '../persistence/databases.ts';
import { contextAt, silentLog } from './helpers.ts';

const MINUTE = 60_000;
const LEVELS = [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 600 }, { smallBlind: 20, bigBlind: 40, ante: 0, seconds: 600 }];

const scheduledTemplate = (overrides: Partial<TournamentTemplateInput> = {}): TournamentTemplateInput => ({
  name: 'Nightly', schedule: '0 20 * * *', leadMinutes: 60, refill: false,
  definition: { kind: 'mtt', variant: 'NT', buyIn: 100, fee: 10, startingStack: 3000, tableSize: 9, minEntrants: 2, maxEntrants: 200, levels: LEVELS },
  ...overrides,
});

const sngTemplate = (overrides: Partial<TournamentTemplateInput> = {}): TournamentTemplateInput => ({
  name: 'Turbo 6', schedule: null, leadMinutes: 0, refill: true,
  definition: { kind: 'sng', variant: 'NT', buyIn: 50, fee: 5, startingStack: 1500, tableSize: 6, minEntrants: 6, maxEntrants: 6, levels: LEVELS },
  ...overrides,
});

describeEachBackend('jobs: tournament templates', (backend) => {
  const db = useFreshDatabase(backend);

  // Each test sees only its own templates: the job reads every active one.
  afterEach(async () => {
    for (const template of await db().tournamentTemplates.list()) await db().tournamentTemplates.retire(template.id);
  });

  const plant = async (input: TournamentTemplateInput): Promise<TournamentTemplateRecord> => {
    verifyTournamentTemplate(input);
    return db().tournamentTemplates.create(input);
  };
  const ofTemplate = async (templateId: string) => (await db().tournaments.list({ templateId, limit: 100, offset: 0 })).items;

  it('when a scheduled template\'s minute comes then its tournament opens, starting the lead time later, once for that slot', async () => {
    const template = await plant(scheduledTemplate());
    const slot = new Date('2026-12-24T20:00:00.000Z');

    const first = await openFromTemplates(contextAt(db(), slot));
    const again = await openFromTemplates(contextAt(db(), slot));

    const [opened] = await ofTemplate(template.id);
    assert.deepEqual(first.opened, [{ templateId: template.id, tournamentId: opened.id, kind: 'mtt' }]);
    assert.deepEqual(again, { opened: [], failed: [] });
    assert.deepEqual(
      [opened.name, opened.status, opened.startsAt, opened.templateSlot, opened.definition.buyIn],
      ['Nightly · 2026-12-24 21:00 UTC', 'registering', new Date(slot.getTime() + 60 * MINUTE), slot.toISOString(), 100],
    );
    assert.equal((await ofTemplate(template.id)).length, 1);
  });

  it('when the minute is not in the schedule, or the template is retired, then nothing opens', async () => {
    const template = await plant(scheduledTemplate({ schedule: '30 9 * * 1' }));
    const retired = await plant(scheduledTemplate({ schedule: '* * * * *' }));
    await db().tournamentTemplates.retire(retired.id);

    // 2026-12-07 is a Monday.
    const off = await openFromTemplates(contextAt(db(), new Date('2026-12-07T09:31:00.000Z')));
    const on = await openFromTemplates(contextAt(db(), new Date('2026-12-07T09:30:00.000Z')));

    assert.deepEqual(off.opened, []);
    assert.deepEqual(on.opened.map((opening) => opening.templateId), [template.id]);
    assert.deepEqual(await ofTemplate(retired.id), []);
  });

  it('when a sit-and-go template has none registering then one opens, and the next only once that one has started', async () => {
    const template = await plant(sngTemplate());
    const paused = await plant(sngTemplate({ name: 'Not refilled', refill: false }));
    const at = (minutes: number) => contextAt(db(), new Date(Date.UTC(2026, 11, 24, 12, minutes)));

    const first = await openFromTemplates(at(0));
    const waiting = await openFromTemplates(at(1));
    await db().tournaments.setStatus(first.opened[0].tournamentId, 'running');
    const refilled = await openFromTemplates(at(2));

    assert.deepEqual([first.opened.length, waiting.opened.length, refilled.opened.length], [1, 0, 1]);
    const tournaments = await ofTemplate(template.id);
    assert.deepEqual(tournaments.map((t) => [t.status, t.name, t.kind, t.startsAt]).sort(), [['registering', 'Turbo 6', 'sng', null], ['running', 'Turbo 6', 'sng', null]].sort());
    assert.deepEqual(await ofTemplate(paused.id), []);
  });

  it('when two processes run the same minute at once then each template opens its tournament once', async () => {
    const scheduled = await plant(scheduledTemplate({ schedule: '*/15 * * * *' }));
    const sng = await plant(sngTemplate());
    const slot = new Date('2026-12-24T18:45:00.000Z');

    await Promise.all([openFromTemplates(contextAt(db(), slot, 'a')), openFromTemplates(contextAt(db(), slot, 'b'))]);

    assert.equal((await ofTemplate(scheduled.id)).length, 1);
    assert.equal((await ofTemplate(sng.id)).length, 1);
  });

  it('when the scheduler runs the job on two processes then one claims the slot and the tournament opens once', async () => {
    const template = await plant(scheduledTemplate({ schedule: '0 6 * * *', leadMinutes: 30 }));
    const slot = new Date('2026-12-25T06:00:20.000Z');
    const processes = ['p1', 'p2'].map((processId) => new Scheduler({ db: db(), processId, log: silentLog, now: () => slot }).register(tournamentTemplatesJob()));

    const outcomes = await Promise.all(processes.map((scheduler) => scheduler.runDue()));

    const statuses = outcomes.map((outcome) => outcome.get(TOURNAMENT_TEMPLATES_JOB)?.status).sort();
    assert.deepEqual(statuses, ['ok', 'skipped']);
    const [opened] = await ofTemplate(template.id);
    assert.deepEqual(opened.startsAt, new Date('2026-12-25T06:30:00.000Z'));
  });

  it('when one template cannot open its tournament then the failure is reported and the others still open', async () => {
    const broken = await plant(sngTemplate({ name: 'Broken' }));
    // As if a rule had tightened since it was stored: a definition the rules now refuse.
    await db().orm.em.fork().nativeUpdate(TournamentTemplate, { id: broken.id }, { definition: { ...broken.definition, levels: [] } });
    const fine = await plant(sngTemplate({ name: 'Fine' }));

    const result = await openFromTemplates(contextAt(db(), new Date('2026-12-24T12:00:00.000Z')));

    assert.deepEqual(result.opened.map((opening) => opening.templateId), [fine.id]);
    assert.deepEqual(result.failed.map((failure) => failure.templateId), [broken.id]);
  });

  it('when a template is checked then a schedule, lead time and name that cannot work are refused with the field', () => {
    const refused = (input: TournamentTemplateInput): [string, string] => {
      try {
        verifyTournamentTemplate(input);
      } catch (error) {
        if (error instanceof InvalidDefinitionError) return [error.rule, error.field];
        throw error;
      }
      return ['accepted', ''];
    };

    assert.deepEqual(refused(scheduledTemplate()), ['accepted', '']);
    assert.deepEqual(refused(sngTemplate()), ['accepted', '']);
    assert.deepEqual(refused(scheduledTemplate({ schedule: null })), ['bad_schedule', 'schedule']);
    assert.deepEqual(refused(scheduledTemplate({ schedule: '0 20 L * *' })), ['bad_schedule', 'schedule']);
    assert.deepEqual(refused(scheduledTemplate({ leadMinutes: 0 })), ['bad_lead_minutes', 'leadMinutes']);
    assert.deepEqual(refused(scheduledTemplate({ refill: true })), ['bad_refill', 'refill']);
    assert.deepEqual(refused(sngTemplate({ schedule: '0 * * * *' })), ['bad_schedule', 'schedule']);
    assert.deepEqual(refused(scheduledTemplate({ name: 'x'.repeat(78) })), ['bad_name', 'name']);
    assert.deepEqual(refused(sngTemplate({ name: 'x'.repeat(100) })), ['accepted', '']);
    assert.deepEqual(refused(sngTemplate({ definition: { ...sngTemplate().definition, tableSize: 12 } })), ['bad_table_size', 'definition.tableSize']);
  });
});
