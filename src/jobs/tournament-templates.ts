import { InvalidDefinitionError, type TournamentRecord, type TournamentTemplateInput, type TournamentTemplateRecord } from '../persistence/tournament-types.ts';
import { verifiedDefinition } from '../persistence/tournaments.ts';
import { PersistenceError } from '../persistence/types.ts';
import { TournamentKind, TournamentStatus, type TournamentDefinition } from '../tournaments/rules/structure.ts';
import { parseSchedule, scheduleMatches, scheduleProblem } from './cron-schedule.ts';
import type { JobContext, JobDefinition } from './types.ts';

export const TOURNAMENT_TEMPLATES_JOB = 'tournament-templates';

const MINUTE_MS = 60_000;

/** A scheduled tournament opens at least a minute before it starts, and at most a week. */
export const MAX_LEAD_MINUTES = 7 * 24 * 60;

/** "2026-12-24 20:00 UTC": how a scheduled tournament's start reads in its name. */
function startLabel(startsAt: number): string {
  return `${new Date(startsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The definition of the tournament a template opens (a scheduled one starting at `startsAt`). */
export function definitionFromTemplate(template: Pick<TournamentTemplateInput, 'name' | 'definition'>, startsAt?: number): TournamentDefinition {
  if (template.definition.kind === TournamentKind.mtt) {
    return { ...template.definition, name: `${template.name} · ${startLabel(startsAt ?? 0)}`, startsAt: startsAt ?? 0 };
  }
  return { ...template.definition, name: template.name };
}

function refuse(rule: string, field: string, message: string): never {
  throw new InvalidDefinitionError(rule, field, message);
}

/**
 * Refuses a template the job could not open tournaments from, with an
 * `InvalidDefinitionError` naming the rule and the field: a name
 * (`bad_name`) that leaves room for a scheduled tournament's start; its definition
 * (with the name the tournaments will get) must pass `verifyDefinition`
 * (fields `definition.<field>`); a scheduled one needs a `schedule` node-cron
 * reads (`bad_schedule`) and `leadMinutes` from 1 to a week
 * (`bad_lead_minutes`), and is not refilled (`bad_refill`); a sit-and-go has
 * no schedule (`bad_schedule`).
 */
export function verifyTournamentTemplate(input: TournamentTemplateInput): void {
  const sample = definitionFromTemplate(input, Date.UTC(2026, 0, 1));
  if (typeof input.name !== 'string' || input.name.trim().length === 0 || sample.name.length > 100) {
    const most = 100 - (sample.name.length - (typeof input.name === 'string' ? input.name.length : 0));
    refuse('bad_name', 'name', `A tournament template needs a name of 1 to ${most} characters (a scheduled one's tournaments add their start to it).`);
  }
  try {
    verifiedDefinition(sample);
  } catch (error) {
    if (!(error instanceof InvalidDefinitionError)) throw error;
    const field = error.field === 'name' ? 'name' : `definition.${error.field}`;
    refuse(error.rule, field, error.message);
  }
  if (input.definition.kind === TournamentKind.mtt) {
    if (input.schedule === null) refuse('bad_schedule', 'schedule', 'A scheduled tournament template needs a schedule (a cron expression, UTC) such as "0 20 * * *".');
    const problem = scheduleProblem(input.schedule);
    if (problem) refuse('bad_schedule', 'schedule', problem);
    if (!Number.isSafeInteger(input.leadMinutes) || input.leadMinutes < 1 || input.leadMinutes > MAX_LEAD_MINUTES) {
      refuse('bad_lead_minutes', 'leadMinutes', `A scheduled tournament opens 1 to ${MAX_LEAD_MINUTES} minutes before it starts; got ${input.leadMinutes}.`);
    }
    if (input.refill) refuse('bad_refill', 'refill', 'Only sit-and-go templates are refilled; a scheduled one opens on its schedule.');
  } else if (input.schedule !== null) {
    refuse('bad_schedule', 'schedule', 'A sit-and-go starts when full; its template has no schedule (set refill to keep one open).');
  }
}

export type TemplateOpening = { templateId: string; tournamentId: string; kind: TournamentKind };

export type TemplatesRunResult = {
  opened: TemplateOpening[];
  /** Templates that could not open their tournament this minute, and why (the others went on). */
  failed: { templateId: string; error: string }[];
};

/** The tournament, or null when the database already has it (this slot's, or a registering sit-and-go): another run got there first. */
async function openOnce(ctx: JobContext, template: TournamentTemplateRecord, definition: TournamentDefinition, slot?: string): Promise<TournamentRecord | null> {
  try {
    return await ctx.db.tournaments.create({ definition, templateId: template.id, ...(slot ? { templateSlot: slot } : {}) }, ctx.now);
  } catch (error) {
    if (error instanceof PersistenceError && error.code === 'tournament_exists') return null;
    throw error;
  }
}

/**
 * One minute of the templates: each active scheduled template whose
 * schedule has this minute opens its tournament, starting `leadMinutes`
 * after the slot (once per slot: the slot is stored with it); each active
 * sit-and-go template that is refilled opens a new tournament when none of
 * its own is registering (the last filled and started, or there was none).
 */
export async function openFromTemplates(ctx: JobContext): Promise<TemplatesRunResult> {
  const result: TemplatesRunResult = { opened: [], failed: [] };
  for (const template of await ctx.db.tournamentTemplates.list()) {
    try {
      let opened: TournamentRecord | null = null;
      if (template.definition.kind === TournamentKind.mtt) {
        if (template.schedule === null || !scheduleMatches(parseSchedule(template.schedule), ctx.now)) continue;
        const startsAt = ctx.now.getTime() + template.leadMinutes * MINUTE_MS;
        opened = await openOnce(ctx, template, definitionFromTemplate(template, startsAt), ctx.slot);
      } else {
        if (!template.refill) continue;
        const { total } = await ctx.db.tournaments.list({ status: [TournamentStatus.registering], templateId: template.id, limit: 1, offset: 0 });
        if (total > 0) continue;
        opened = await openOnce(ctx, template, definitionFromTemplate(template));
      }
      if (opened) result.opened.push({ templateId: template.id, tournamentId: opened.id, kind: opened.kind });
    } catch (error) {
      // One broken template (edited by hand, or a rule tightened since) must not keep the others from opening.
      ctx.log.error({ err: error, templateId: template.id }, 'a tournament template could not open its tournament');
      result.failed.push({ templateId: template.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** Every minute: scheduled templates whose minute it is, and sit-and-go templates with none registering. */
export function tournamentTemplatesJob(): JobDefinition {
  return {
    name: TOURNAMENT_TEMPLATES_JOB,
    cron: '* * * * *',
    run: async (ctx) => {
      const { opened, failed } = await openFromTemplates(ctx);
      return { opened: opened.length, tournamentIds: opened.map((opening) => opening.tournamentId), failed: failed.length };
    },
  };
}
