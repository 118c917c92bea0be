import assert from 'node:assert/strict';
import { idleTables, type OpenTableActivity } from '../../../src/insights/rules/idle-tables.ts';

const now = new Date('2026-11-30T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const table = (tableId: string, templateId: string, lastHandAt: Date | null, openedAt = hoursAgo(48), seated = 0): OpenTableActivity => ({
  tableId, name: `Table ${tableId}`, templateId, templateName: `Template ${templateId}`, openedAt, lastHandAt, seated,
});

describe('insight rule: idle tables', () => {
  it('when a table dealt its last hand three hours ago then it is idle, with when and for how long', () => {
    const [finding, ...rest] = idleTables({ now, tables: [table('a', 't', hoursAgo(3), hoursAgo(48), 1), table('b', 't', hoursAgo(0.5))] });
    assert.equal(rest.length, 0);
    assert.equal(finding.kind, 'idleTable');
    assert.deepEqual(finding.subject, { tableId: 'a', templateId: 't' });
    assert.equal(finding.dedupeKey, 'idleTable:a');
    assert.equal(finding.evidence.lastHandAt, hoursAgo(3).toISOString());
    assert.equal(finding.evidence.idleMinutes, 180);
    assert.equal(finding.evidence.thresholdMinutes, 120);
    assert.equal(finding.evidence.seated, 1);
    assert.match(finding.summary, /^Table a has dealt no hand for 3 hours \(1 seated\)\.$/);
    assert.match(finding.recommendation, /other Template t tables carry its players/);
  });

  it('when a table never dealt since it opened past the threshold then it is idle from its opening', () => {
    const [finding] = idleTables({ now, tables: [table('a', 't', null, hoursAgo(5))] });
    assert.equal(finding.evidence.lastHandAt, null);
    assert.equal(finding.evidence.idleMinutes, 300);
    assert.match(finding.summary, /since it opened 5 hours ago/);
  });

  it('when every table of a template is idle then it recommends retiring the template', () => {
    const findings = idleTables({ now, tables: [table('a', 't', hoursAgo(30)), table('b', 't', hoursAgo(4))] });
    assert.equal(findings.length, 2);
    for (const finding of findings) assert.match(finding.recommendation, /retire the template/);
    assert.match(findings[0].summary, /for 30 hours/);
  });

  it('when the last hand is within the threshold then nothing is found, and the threshold is a parameter', () => {
    const tables = [table('a', 't', hoursAgo(1.5))];
    assert.deepEqual(idleTables({ now, tables }), []);
    assert.equal(idleTables({ now, tables, thresholdMs: 3_600_000 }).length, 1);
  });
});
