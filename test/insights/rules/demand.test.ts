import assert from 'node:assert/strict';
import { demandAboveSupply, type LiveTableLoad } from '../../../src/insights/rules/demand.ts';

const templates = [{ id: 'nl2', name: 'NL 1/2' }, { id: 'plo', name: 'PLO 1/2' }];
const table = (tableId: string, templateId: string, seated: number, waiting: number, maxSeats = 6): LiveTableLoad => ({ tableId, templateId, seated, maxSeats, waiting });

describe('insight rule: demand above supply', () => {
  it('when every table of a template is full and players wait then it finds the template with the numbers', () => {
    const findings = demandAboveSupply({ templates, tables: [table('a', 'nl2', 6, 2), table('b', 'nl2', 6, 1), table('c', 'plo', 3, 0)] });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.kind, 'demandAboveSupply');
    assert.deepEqual(finding.subject, { templateId: 'nl2' });
    assert.equal(finding.dedupeKey, 'demandAboveSupply:nl2');
    assert.deepEqual(finding.evidence, { templateName: 'NL 1/2', tables: 2, seats: 12, seated: 12, waiting: 3, tableIds: ['a', 'b'] });
    assert.match(finding.summary, /NL 1\/2: all 2 of its tables are full and 3 players are waiting/);
    assert.match(finding.recommendation, /Open another NL 1\/2 table/);
  });

  it('when one table of the template still has a seat then nothing is found, even with players waiting elsewhere', () => {
    assert.deepEqual(demandAboveSupply({ templates, tables: [table('a', 'nl2', 6, 4), table('b', 'nl2', 5, 0)] }), []);
  });

  it('when every table is full but nobody waits then nothing is found', () => {
    assert.deepEqual(demandAboveSupply({ templates, tables: [table('a', 'nl2', 6, 0), table('b', 'nl2', 6, 0)] }), []);
  });

  it('when the full tables belong to a template not offered (retired) then nothing is found', () => {
    assert.deepEqual(demandAboveSupply({ templates, tables: [table('a', 'retired', 6, 3)] }), []);
  });
});
