import { ACCOUNT_KIND } from '../money/accounts.ts';
import { TRANSFER_REASON } from '../money/transfers.ts';
import { AnalyticsSnapshot } from './entities/AnalyticsSnapshot.ts';
import { TemplateHourly } from './entities/TemplateHourly.ts';
import { TournamentHourly } from './entities/TournamentHourly.ts';
import type { Orm } from './orm.ts';
import { query } from './sql.ts';
import type {
  AnalyticsRepository, AnalyticsSnapshotRecord, TemplateHourlyRecord, TimeRange, TournamentHourlyRecord, TournamentTotals,
} from './analytics-types.ts';

const HOUR_MS = 3_600_000;

function snapshotRecord(row: AnalyticsSnapshot): AnalyticsSnapshotRecord {
  return {
    takenAt: row.takenAt, openTables: row.openTables, seatedPlayers: row.seatedPlayers, watchers: row.watchers,
    hands: row.hands, rake: row.rake, tournamentEntries: row.tournamentEntries, tournamentFees: row.tournamentFees,
    tournamentPrizes: row.tournamentPrizes, connections: { ...row.connections },
  };
}

function tournamentHourlyRecord(row: TournamentHourly): TournamentHourlyRecord {
  return {
    hour: row.hour, entries: row.entries, refunds: row.refunds, rebuys: row.rebuys, addOns: row.addOns,
    buyIns: row.buyIns, purchases: row.purchases, fees: row.fees, prizes: row.prizes,
  };
}

function hourlyRecord(row: TemplateHourly): TemplateHourlyRecord {
  return {
    templateId: row.templateId, hour: row.hour, hands: row.hands, uniquePlayers: row.uniquePlayers, rake: row.rake,
    potTotal: row.potTotal, flopHands: row.flopHands, flopPlayers: row.flopPlayers,
  };
}

function range<K extends string>(key: K, { from, to }: TimeRange): Record<K, { $gte?: Date; $lt?: Date }> | Record<string, never> {
  if (from === undefined && to === undefined) return {};
  return { [key]: { ...(from !== undefined ? { $gte: from } : {}), ...(to !== undefined ? { $lt: to } : {}) } } as Record<K, { $gte?: Date; $lt?: Date }>;
}

/*
 * One row per template for the hands that ended in [?, ?). Per hand: its pot
 * is the sum of its pots (rake included); it saw a flop when its log has a
 * `dealBoard` (the first board cards dealt, as the engine's no-flop-no-drop
 * rule counts it), and the players in at that moment are its players less
 * those who folded before that operation. Done in SQL so an hour of a busy
 * room never has to be loaded into the process.
 */
const AGGREGATE_HOUR = `
with "h" as (
  select "h"."id", "t"."template_id", "h"."rake", "h"."state", "h"."player_ids"
  from "hand" "h" join "poker_table" "t" on "t"."id" = "h"."table_id"
  -- Tournament tables have no template: their hands are the tournament's, not a template's.
  where "h"."ended_at" >= ? and "h"."ended_at" < ? and "t"."template_id" is not null
), "per_hand" as (
  select "h"."template_id", "h"."rake",
    (select coalesce(sum(("pot"->>'amount')::bigint), 0) from jsonb_array_elements(coalesce("h"."state"->'pots', '[]'::jsonb)) "pot") as "pot",
    "f"."flop_at",
    case when "f"."flop_at" is null then 0
      else jsonb_array_length("h"."player_ids") - (
        select count(*) from jsonb_array_elements("h"."state"->'log') with ordinality "o"("op", "i")
        where "o"."op"->>'type' = 'fold' and "o"."i" < "f"."flop_at")
    end as "flop_players"
  from "h" cross join lateral (
    select min("o"."i") as "flop_at" from jsonb_array_elements(coalesce("h"."state"->'log', '[]'::jsonb)) with ordinality "o"("op", "i")
    where "o"."op"->>'type' = 'dealBoard'
  ) "f"
), "players" as (
  select "h"."template_id", count(distinct "hp"."player_id") as "unique_players"
  from "h" join "hand_player" "hp" on "hp"."hand_id" = "h"."id"
  group by "h"."template_id"
)
select "p"."template_id", count(*) as "hands", coalesce(sum("p"."rake"), 0) as "rake", coalesce(sum("p"."pot"), 0) as "pot_total",
  count("p"."flop_at") as "flop_hands", coalesce(sum("p"."flop_players"), 0) as "flop_players",
  coalesce(max("pl"."unique_players"), 0) as "unique_players"
from "per_hand" "p" left join "players" "pl" on "pl"."template_id" = "p"."template_id"
group by "p"."template_id"
order by "p"."template_id"`;

/*
 * Tournament money in [$1, $2), from the ledger: the transfers whose reason
 * starts with "tournament" (the partial index on their time, so the rest of
 * the ledger is never read), their entries and accounts. `fees` sums the
 * house's fee accounts both ways, so refunded fees come off.
 */
const TOURNAMENT_TOTALS = `
select
  count(distinct "t"."id") filter (where "t"."reason" = $3) as "entries",
  count(distinct "t"."id") filter (where "t"."reason" = $4) as "refunds",
  count(distinct "t"."id") filter (where "t"."reason" = $5) as "rebuys",
  count(distinct "t"."id") filter (where "t"."reason" = $6) as "add_ons",
  coalesce(sum("e"."amount") filter (where "t"."reason" = $3 and "a"."kind" = $8), 0) as "buy_ins",
  coalesce(sum("e"."amount") filter (where "t"."reason" in ($5, $6) and "a"."kind" = $8), 0) as "purchases",
  coalesce(sum("e"."amount") filter (where "a"."kind" = $9 and "a"."owner" like 'fee:%'), 0) as "fees",
  coalesce(sum(-"e"."amount") filter (where "t"."reason" = $7 and "a"."kind" = $8), 0) as "prizes"
from "ledger_transaction" "t"
join "ledger_entry" "e" on "e"."transaction_id" = "t"."id"
join "account" "a" on "a"."id" = "e"."account_id"
where "t"."reason" like 'tournament%' and "t"."created_at" >= $1 and "t"."created_at" < $2`;

type TotalsRow = Record<'entries' | 'refunds' | 'rebuys' | 'add_ons' | 'buy_ins' | 'purchases' | 'fees' | 'prizes', string | number>;

function totalsOf(row: TotalsRow): TournamentTotals {
  return {
    entries: Number(row.entries), refunds: Number(row.refunds), rebuys: Number(row.rebuys), addOns: Number(row.add_ons),
    buyIns: Number(row.buy_ins), purchases: Number(row.purchases), fees: Number(row.fees), prizes: Number(row.prizes),
  };
}

type AggregateRow = {
  template_id: string; hands: string | number; rake: string | number; pot_total: string | number;
  flop_hands: string | number; flop_players: string | number; unique_players: string | number;
};

/** Minute snapshots and hourly sums per template, computed from the hand records; tournament money from the ledger. */
export function analyticsRepository(orm: Orm): AnalyticsRepository {
  async function tournamentTotals(from: Date, to: Date): Promise<TournamentTotals> {
    const [row] = await query<TotalsRow>(orm.em.fork(), TOURNAMENT_TOTALS, [
      from, to, TRANSFER_REASON.tournamentBuyIn, TRANSFER_REASON.tournamentRefund, TRANSFER_REASON.tournamentRebuy,
      TRANSFER_REASON.tournamentAddOn, TRANSFER_REASON.tournamentPrize, ACCOUNT_KIND.tournament, ACCOUNT_KIND.house,
    ]);
    return totalsOf(row);
  }

  return {
    async saveSnapshot(snapshot) {
      const rows = await orm.em.fork().execute<{ taken_at: unknown }[]>(
        `insert into "analytics_snapshots" ("taken_at", "open_tables", "seated_players", "watchers", "hands", "rake",
           "tournament_entries", "tournament_fees", "tournament_prizes", "connections")
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("taken_at") do nothing returning "taken_at"`,
        [
          snapshot.takenAt, snapshot.openTables, snapshot.seatedPlayers, snapshot.watchers, snapshot.hands, snapshot.rake,
          snapshot.tournamentEntries, snapshot.tournamentFees, snapshot.tournamentPrizes, JSON.stringify(snapshot.connections),
        ],
      );
      return rows.length === 1;
    },

    async listSnapshots({ limit, offset, ...times }) {
      const [rows, total] = await orm.em.fork().findAndCount(AnalyticsSnapshot, range('takenAt', times), { orderBy: { takenAt: 'desc' }, limit, offset });
      return { items: rows.map(snapshotRecord), total };
    },

    async handTotals(from, to) {
      const [row] = await orm.em.fork().execute<{ hands: string | number; rake: string | number }[]>(
        'select count(*) as "hands", coalesce(sum("rake"), 0) as "rake" from "hand" where "ended_at" >= ? and "ended_at" < ?',
        [from, to],
      );
      return { hands: Number(row.hands), rake: Number(row.rake) };
    },

    async aggregateHour(at) {
      const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
      return orm.em.fork().transactional(async (em) => {
        const rows = await em.execute<AggregateRow[]>(AGGREGATE_HOUR, [hour, new Date(hour.getTime() + HOUR_MS)]);
        const records: TemplateHourlyRecord[] = rows.map((row) => ({
          templateId: row.template_id, hour, hands: Number(row.hands), uniquePlayers: Number(row.unique_players),
          rake: Number(row.rake), potTotal: Number(row.pot_total), flopHands: Number(row.flop_hands), flopPlayers: Number(row.flop_players),
        }));
        // Replace the whole hour: a template whose hands were pruned since the last run loses its row too.
        await em.nativeDelete(TemplateHourly, { hour });
        if (records.length > 0) {
          await em.insertMany(TemplateHourly, records);
        }
        return records;
      });
    },

    async tournamentTotals(from, to) {
      return tournamentTotals(from, to);
    },

    async aggregateTournamentHour(at) {
      const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
      const totals = await tournamentTotals(hour, new Date(hour.getTime() + HOUR_MS));
      const moved = Object.values(totals).some((value) => value !== 0);
      return orm.em.fork().transactional(async (em) => {
        await em.nativeDelete(TournamentHourly, { hour });
        if (!moved) return null;
        const record: TournamentHourlyRecord = { hour, ...totals };
        await em.insert(TournamentHourly, record);
        return record;
      });
    },

    async listTournamentHourly({ limit, offset, ...times }) {
      const [rows, total] = await orm.em.fork().findAndCount(TournamentHourly, range('hour', times), { orderBy: { hour: 'desc' }, limit, offset });
      return { items: rows.map(tournamentHourlyRecord), total };
    },

    async listHourly({ templateId, limit, offset, ...times }) {
      const where = { ...range('hour', times), ...(templateId !== undefined ? { templateId } : {}) };
      const [rows, total] = await orm.em.fork().findAndCount(TemplateHourly, where, { orderBy: { hour: 'desc', templateId: 'asc' }, limit, offset });
      return { items: rows.map(hourlyRecord), total };
    },
  };
}
