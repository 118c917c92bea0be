import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';
import { newTableId } from '../../src/tables/seed.ts';
import { BACKENDS } from '../persistence/databases.ts';
import { tableState } from '../persistence/table-states.ts';
import { startFelt, type Felt } from '../support/felt.ts';

/** The server's error lines about one table, and a promise of the first; `sink` is where the server logs. */
function errorLines(): { sink: Writable; watch(tableId: string): { lines: Record<string, unknown>[]; first: Promise<Record<string, unknown>> } } {
  let tableId = '';
  const lines: Record<string, unknown>[] = [];
  let heard: (line: Record<string, unknown>) => void = () => {};
  const first = new Promise<Record<string, unknown>>((resolve) => { heard = resolve; });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (line.level !== 50 || !tableId || line.tableId !== tableId) continue;
        lines.push(line);
        heard(line);
      }
      done();
    },
  });
  return {
    sink,
    watch(id) {
      tableId = id;
      return { lines, first };
    },
  };
}

/** How many times the rooms loaded each table's snapshot. */
function countLoads(felt: Felt): Map<string, number> {
  const loads = new Map<string, number>();
  const snapshots = felt.server.db.snapshots;
  const load = snapshots.load.bind(snapshots);
  snapshots.load = (tableId) => {
    loads.set(tableId, (loads.get(tableId) ?? 0) + 1);
    return load(tableId);
  };
  return loads;
}

async function listed(url: string): Promise<string[]> {
  return ((await (await fetch(`${url}/api/tables`)).json()) as { tableId: string }[]).map((table) => table.tableId);
}

for (const backend of BACKENDS) {
  describe(`refused snapshots [${backend.label}]`, function () {
    this.timeout(60_000);

    it('when a table\'s snapshot has a format this Felt does not know then one line says so, the table stays closed and is not claimed again, and the other tables open', async () => {
      const log = errorLines();
      const felt = await startFelt(backend, { FELT_LOG_LEVEL: 'error' }, { logDestination: log.sink });
      try {
        const { db } = felt.server;
        const template = await db.templates.create({ ...DEFAULT_TEMPLATES[0], minTables: 0 });
        const tableId = newTableId();
        const errors = log.watch(tableId);
        const loads = countLoads(felt);
        // As a newer Felt would have left it: a snapshot in a format from the future.
        await db.snapshots.saveMany([{ tableId, version: 3, state: tableState(tableId) }]);
        await db.orm.em.fork().execute('update "snapshot" set "format" = 99 where "table_id" = ?', [tableId]);

        await db.tables.create({ id: tableId, templateId: template.id, name: 'From the future' });
        const line = await errors.first;
        // Each opens in a scan after the refusal, so a retry of the refused table would have come before the second.
        const others = [await felt.openTable(), await felt.openTable()];

        assert.deepEqual(
          { tableId: line.tableId, code: line.code, format: line.format, knownFormats: line.knownFormats },
          { tableId, code: 'snapshot_version', format: 99, knownFormats: [1, 2] },
        );
        assert.match(String(line.msg), new RegExp(`snapshot refused, the table stays closed: .*table ${tableId} has format 99`));
        assert.equal(errors.lines.length, 1);
        assert.equal(loads.get(tableId), 1);
        const tables = await listed(felt.url);
        assert.ok(!tables.includes(tableId), 'the refused table is not listed');
        assert.ok(others.every((id) => tables.includes(id)), 'the other tables are listed');
        assert.equal((await db.tables.get(tableId))?.ownerProcess, null, 'its lease was given back');
        assert.equal((await fetch(`${felt.url}/api/health`)).status, 200);
      } finally {
        await felt.close();
      }
    });
  });
}
