import { randomUUID } from 'node:crypto';
import type { Database } from '../persistence/database.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';

/** On an empty database, the default templates; then every template gets its minimum of open tables. */
export async function seedTables(db: Database): Promise<void> {
  let templates = await db.templates.list();
  if (templates.length === 0) {
    for (const template of DEFAULT_TEMPLATES) await db.templates.create(template);
    templates = await db.templates.list();
  }
  const open = await db.tables.listOpen();
  for (const template of templates) {
    const count = open.filter((table) => table.templateId === template.id).length;
    for (let n = count; n < template.minTables; n++) {
      await db.tables.create({ id: newTableId(), templateId: template.id, name: `${template.name} #${n + 1}` });
    }
  }
}

/** Table ids are room ids: short, URL-safe, unique. */
export function newTableId(): string {
  return `t-${randomUUID().slice(0, 8)}`;
}
