import { INSIGHT_KIND, INSIGHT_SEVERITY, type Finding } from '../types.ts';

/** A live table as the rule needs it: its template, seats taken and the waiting list. */
export type LiveTableLoad = { tableId: string; templateId: string; seated: number; maxSeats: number; waiting: number };

export type DemandInput = {
  tables: LiveTableLoad[];
  /** Templates tables may still be opened from (not retired); tables of other templates are ignored. */
  templates: { id: string; name: string }[];
};

/**
 * Demand above supply: every live table of a template has every seat taken
 * and players wait on at least one of them. Another table of the template
 * would seat them now.
 */
export function demandAboveSupply(input: DemandInput): Finding[] {
  const findings: Finding[] = [];
  for (const template of input.templates) {
    const tables = input.tables.filter((table) => table.templateId === template.id);
    if (tables.length === 0 || tables.some((table) => table.seated < table.maxSeats)) continue;
    const waiting = tables.reduce((sum, table) => sum + table.waiting, 0);
    if (waiting === 0) continue;
    const seats = tables.reduce((sum, table) => sum + table.maxSeats, 0);
    const seated = tables.reduce((sum, table) => sum + table.seated, 0);
    const tableWord = tables.length === 1 ? 'its only table is' : `all ${tables.length} of its tables are`;
    findings.push({
      kind: INSIGHT_KIND.demandAboveSupply,
      severity: INSIGHT_SEVERITY.warning,
      subject: { templateId: template.id },
      summary: `${template.name}: ${tableWord} full and ${waiting} ${waiting === 1 ? 'player is' : 'players are'} waiting for a seat.`,
      recommendation: `Open another ${template.name} table so the waiting players can sit down.`,
      evidence: { templateName: template.name, tables: tables.length, seats, seated, waiting, tableIds: tables.map((table) => table.tableId) },
      dedupeKey: `${INSIGHT_KIND.demandAboveSupply}:${template.id}`,
    });
  }
  return findings;
}
