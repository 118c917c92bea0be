import { INSIGHT_KIND, INSIGHT_SEVERITY, type Finding } from '../types.ts';

/** An open table: when it opened, when its last hand ended (null: never), and who sits there now. */
export type OpenTableActivity = {
  tableId: string;
  name: string;
  templateId: string;
  templateName: string;
  openedAt: Date;
  lastHandAt: Date | null;
  seated: number;
};

export type IdleTablesInput = {
  now: Date;
  tables: OpenTableActivity[];
  /** How long without a hand makes a table idle; 2 hours unless said. */
  thresholdMs?: number;
};

export const DEFAULT_IDLE_THRESHOLD_MS = 2 * 60 * 60 * 1000;

const MINUTE = 60_000;

/**
 * Idle tables: open tables where no hand ended for `thresholdMs` (counted
 * from the table's opening when it never dealt). When every open table of its
 * template is idle, nobody plays the game at all and retiring the template
 * is the better move; otherwise closing this one table is.
 */
export function idleTables(input: IdleTablesInput): Finding[] {
  const threshold = input.thresholdMs ?? DEFAULT_IDLE_THRESHOLD_MS;
  const idleSince = (table: OpenTableActivity) => table.lastHandAt ?? table.openedAt;
  const isIdle = (table: OpenTableActivity) => input.now.getTime() - idleSince(table).getTime() >= threshold;
  return input.tables.filter(isIdle).map((table) => {
    const siblings = input.tables.filter((other) => other.templateId === table.templateId);
    const wholeTemplateIdle = siblings.every(isIdle);
    const idleMinutes = Math.floor((input.now.getTime() - idleSince(table).getTime()) / MINUTE);
    const since = table.lastHandAt ? `has dealt no hand for ${describeMinutes(idleMinutes)}` : `has dealt no hand since it opened ${describeMinutes(idleMinutes)} ago`;
    return {
      kind: INSIGHT_KIND.idleTable,
      severity: INSIGHT_SEVERITY.info,
      subject: { tableId: table.tableId, templateId: table.templateId },
      summary: `${table.name} ${since}${table.seated > 0 ? ` (${table.seated} seated)` : ''}.`,
      recommendation: wholeTemplateIdle
        ? `No ${table.templateName} table is being played: close this table, and retire the template (or lower its minimum tables) if the game is not wanted.`
        : `Close this table; the other ${table.templateName} tables carry its players.`,
      evidence: {
        tableName: table.name, templateName: table.templateName,
        lastHandAt: table.lastHandAt?.toISOString() ?? null, openedAt: table.openedAt.toISOString(),
        idleMinutes, thresholdMinutes: Math.floor(threshold / MINUTE), seated: table.seated,
        templateOpenTables: siblings.length, templateIdleTables: siblings.filter(isIdle).length,
      },
      dedupeKey: `${INSIGHT_KIND.idleTable}:${table.tableId}`,
    };
  });
}

function describeMinutes(minutes: number): string {
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.floor(hours / 24)} days`;
}
