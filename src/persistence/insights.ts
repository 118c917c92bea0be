import { randomUUID } from 'node:crypto';
import { Insight } from './entities/Insight.ts';
import { Player } from './entities/Player.ts';
import type { InsightRecord, InsightRepository } from './insight-types.ts';
import { DATABASE_KIND, type DatabaseKind, type Orm } from './orm.ts';
import { isUuid } from './uuid.ts';

// Lookups by many ids go in slices so no statement carries thousands of parameters.
const ID_SLICE = 500;

function toRecord(insight: Insight): InsightRecord {
  return {
    id: insight.id,
    kind: insight.kind,
    severity: insight.severity,
    subject: insight.subject,
    summary: insight.summary,
    recommendation: insight.recommendation,
    evidence: insight.evidence,
    dedupeKey: insight.dedupeKey,
    createdAt: insight.createdAt,
    acknowledgedAt: insight.acknowledgedAt ?? null,
    acknowledgedBy: insight.acknowledgedBy ?? null,
  };
}

/** Stored insights: deduplicated on the way in, listed and acknowledged by admins. */
export function insightRepository(orm: Orm, kind: DatabaseKind): InsightRepository {
  return {
    async storeNew(findings, { now, windowMs }) {
      const stored: InsightRecord[] = [];
      for (const finding of findings) {
        const record = await orm.em.fork().transactional(async (em) => {
          // Two runs at once on PostgreSQL take turns per key; PGlite has one connection, so transactions already do.
          if (kind === DATABASE_KIND.postgresql) await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`insight:${finding.dedupeKey}`]);
          const since = new Date(now.getTime() - windowMs(finding));
          const recent = await em.count(Insight, { dedupeKey: finding.dedupeKey, createdAt: { $gt: since } });
          if (recent > 0) return null;
          const insight = em.create(Insight, {
            id: randomUUID(), ...finding, createdAt: now, acknowledgedAt: null, acknowledgedBy: null,
          });
          await em.flush();
          return toRecord(insight);
        });
        if (record) stored.push(record);
      }
      return stored;
    },

    async list(filter) {
      const where = {
        ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
        ...(filter.unacknowledged ? { acknowledgedAt: null } : {}),
      };
      const [items, total] = await orm.em.fork().findAndCount(Insight, where, {
        orderBy: { createdAt: 'desc', id: 'desc' }, limit: filter.limit, offset: filter.offset,
      });
      return { items: items.map(toRecord), total };
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const insight = await orm.em.fork().findOne(Insight, { id });
      return insight ? toRecord(insight) : null;
    },

    async acknowledge(id, by, at) {
      if (!isUuid(id)) return { outcome: 'notFound' };
      const em = orm.em.fork();
      // One conditional UPDATE: of two admins acknowledging at once, one wins and the other is told.
      const updated = await em.nativeUpdate(Insight, { id, acknowledgedAt: null }, { acknowledgedAt: at, acknowledgedBy: by });
      const insight = await em.findOne(Insight, { id });
      if (!insight) return { outcome: 'notFound' };
      return { outcome: updated > 0 ? 'acknowledged' : 'alreadyAcknowledged', insight: toRecord(insight) };
    },

    async playerNames(ids) {
      const names = new Map<string, string>();
      const wanted = [...new Set(ids)].filter(isUuid);
      for (let at = 0; at < wanted.length; at += ID_SLICE) {
        const players = await orm.em.fork().find(Player, { id: { $in: wanted.slice(at, at + ID_SLICE) } }, { fields: ['id', 'name'] });
        for (const player of players) names.set(player.id, player.name);
      }
      return names;
    },
  };
}
