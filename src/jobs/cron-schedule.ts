import cron, { type ParsedFields } from 'node-cron';

/** A schedule node-cron reads as we need it: five fields (a slot is a minute), UTC, plain numbers, ranges and steps. */
export type Schedule = ParsedFields;

/**
 * Why an expression is not a schedule, as a sentence naming it, or null
 * when it is one: five fields (minute hour day-of-month month day-of-week,
 * no seconds), valid for node-cron, and without `L` or `#` (which
 * `scheduleMatches` cannot read).
 */
export function scheduleProblem(expression: string): string | null {
  if (typeof expression !== 'string' || expression.trim().split(/\s+/).length !== 5 || !cron.validate(expression)) {
    return `"${expression}" is not a five-field cron expression (minute hour day-of-month month day-of-week) such as "*/5 * * * *".`;
  }
  const fields = cron.parse(expression);
  if ([...fields.dayOfMonth, ...fields.dayOfWeek].some((value) => typeof value !== 'number')) {
    return `"${expression}" uses L or #; use plain numbers, ranges and steps.`;
  }
  return null;
}

/** The fields of a schedule `scheduleProblem` accepts; throws with its sentence otherwise. */
export function parseSchedule(expression: string): Schedule {
  const problem = scheduleProblem(expression);
  if (problem) throw new Error(problem);
  return cron.parse(expression);
}

/** Whether the minute of `at` is one of the schedule's, read in UTC. */
export function scheduleMatches(fields: Schedule, at: Date): boolean {
  return fields.minute.includes(at.getUTCMinutes())
    && fields.hour.includes(at.getUTCHours())
    && fields.dayOfMonth.includes(at.getUTCDate())
    && fields.month.includes(at.getUTCMonth() + 1)
    && fields.dayOfWeek.includes(at.getUTCDay());
}
