import { LedgerEntry } from './entities/LedgerEntry.ts';
import { Account } from './entities/Account.ts';
import type { Em, Orm } from './orm.ts';
import { ACCOUNT_KIND } from '../money/accounts.ts';
import { query } from './sql.ts';
import {
  PersistenceError,
  type AccountKind,
  type LedgerEntryInput,
  type LedgerRepository,
  type TransferInput,
  type TransferRecord,
} from './types.ts';

// Where they live now; re-exported for code that still imports them from here.
export { ACCOUNT_KIND, ACCOUNTS } from '../money/accounts.ts';

const KINDS = new Set<string>(Object.values(ACCOUNT_KIND));

/** What `applyTransfer` did: the new transaction, or null when its key had already been applied. */
export type Applied = { id: number; createdAt: Date } | null;

function check(input: TransferInput): void {
  if (typeof input.key !== 'string' || input.key.length === 0) {
    throw new PersistenceError('invalid_transfer', 'A transfer needs a non-empty idempotency key.');
  }
  if (typeof input.reason !== 'string' || input.reason.length === 0) {
    throw new PersistenceError('invalid_transfer', `Transfer ${input.key} needs a reason, such as buyIn or cashOut.`);
  }
  if (!Array.isArray(input.entries) || input.entries.length < 2) {
    throw new PersistenceError('invalid_transfer', `Transfer ${input.key} needs at least two entries: money leaves one account and enters another.`);
  }
  let sum = 0;
  for (const entry of input.entries) {
    if (!KINDS.has(entry.kind) || typeof entry.owner !== 'string' || entry.owner.length === 0) {
      throw new PersistenceError('invalid_transfer', `Transfer ${input.key} names an unknown account ${entry.kind}/${entry.owner}; kinds are ${[...KINDS].join(', ')}.`);
    }
    if (!Number.isSafeInteger(entry.amount)) {
      throw new PersistenceError('invalid_transfer', `Transfer ${input.key} moves ${entry.amount} chips on ${entry.kind}/${entry.owner}; amounts must be whole chips.`);
    }
    sum += entry.amount;
  }
  if (sum !== 0) {
    throw new PersistenceError('unbalanced', `Transfer ${input.key} is unbalanced: its entries sum to ${sum}, not 0.`);
  }
}

/** Net change per account over `entries`, in a fixed order (kind, then owner, by code unit). */
function netChanges(entries: LedgerEntryInput[]): { kind: string; owner: string; amount: number }[] {
  const byAccount = new Map<string, { kind: string; owner: string; amount: number }>();
  for (const { kind, owner, amount } of entries) {
    const id = JSON.stringify([kind, owner]);
    const change = byAccount.get(id) ?? { kind, owner, amount: 0 };
    change.amount += amount;
    byAccount.set(id, change);
  }
  return [...byAccount.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, change]) => change);
}

/**
 * Transfers in one statement, so in one round trip however many there are.
 * It claims each key (`$1`; a concurrent transfer with the same key waits
 * here until ours commits, then finds it taken, and its entries are left
 * out). The entries of the claimed transfers (`$3`) are summed per account,
 * and each account moves by its sum with one conditional upsert, in the
 * order of kind then owner (byte order, as `netChanges` sorts), so concurrent
 * transfers lock shared accounts in the same order and cannot deadlock. A new
 * account starts at its change; an existing one moves only if it stays at 0
 * or more, unless it is external (money outside the game: admin credits,
 * welcome chips); a missing account that would have to pay is not created,
 * so it counts as not moved. Then the entries are written. The row lock each
 * upsert takes makes a racing transfer re-check against the balance this one
 * leaves. Returns the claimed keys with their transaction ids, how many
 * accounts had to move and how many did.
 */
const TRANSFERS = `with "claimed" as (
    insert into "ledger_transaction" ("key", "reason", "meta", "created_at")
    select "t"."key", "t"."reason", "t"."meta", $2::timestamptz from json_to_recordset($1::json) as "t"("key" text, "reason" text, "meta" jsonb)
    on conflict ("key") do nothing returning "id", "key"
  ), "wanted" as (
    select * from json_to_recordset($3::json) as "e"("key" text, "i" int, "kind" text, "owner" text, "amount" bigint)
  ), "changes" as (
    select "e"."kind", "e"."owner", sum("e"."amount")::bigint as "amount"
    from "wanted" "e" join "claimed" "c" on "c"."key" = "e"."key"
    group by "e"."kind", "e"."owner"
  ), "moved" as (
    insert into "account" ("kind", "owner", "balance")
    -- The proposed row must pass the balance check even when it only stands for an update, hence greatest(…, 0).
    select "c"."kind", "c"."owner", case when "c"."kind" = 'external' then "c"."amount" else greatest("c"."amount", 0) end from "changes" "c"
    where "c"."amount" >= 0 or "c"."kind" = 'external' or exists (select 1 from "account" "a" where "a"."kind" = "c"."kind" and "a"."owner" = "c"."owner")
    order by "c"."kind" collate "C", "c"."owner" collate "C"
    on conflict ("kind", "owner") do update set "balance" = "account"."balance" + (select "c"."amount" from "changes" "c" where "c"."kind" = excluded."kind" and "c"."owner" = excluded."owner")
    where "account"."kind" = 'external'
      or "account"."balance" + (select "c"."amount" from "changes" "c" where "c"."kind" = excluded."kind" and "c"."owner" = excluded."owner") >= 0
    returning "id", "kind", "owner"
  ), "entries" as (
    insert into "ledger_entry" ("transaction_id", "account_id", "amount")
    select "c"."id", "m"."id", "e"."amount"
    from "wanted" "e" join "claimed" "c" on "c"."key" = "e"."key"
    join "moved" "m" on "m"."kind" = "e"."kind" and "m"."owner" = "e"."owner"
    order by "c"."id", "e"."i"
  )
  select (select coalesce(json_agg(json_build_object('key', "key", 'id', "id")), '[]'::json) from "claimed") as "claimed",
    (select count(*) from "changes") as "changes", (select count(*) from "moved") as "moved"`;

/** Why transfers moved too few accounts: the first change its account cannot pay, with that account's balance. */
async function insufficientFunds(em: Em, inputs: TransferInput[]): Promise<PersistenceError> {
  for (const change of netChanges(inputs.flatMap((input) => input.entries))) {
    if (change.amount >= 0 || change.kind === ACCOUNT_KIND.external) continue;
    // That account was not moved, so within this transaction it still shows the balance it had.
    const [row] = await query<{ balance: string }>(em, 'select "balance" from "account" where "kind" = $1 and "owner" = $2', [change.kind, change.owner]);
    const balance = Number(row?.balance ?? 0);
    if (balance + change.amount < 0) {
      return new PersistenceError('insufficient_funds', `Account ${change.kind}/${change.owner} holds ${balance} chips and cannot pay ${-change.amount}; nothing was moved.`);
    }
  }
  const keys = inputs.map((input) => input.key).join(', ');
  return new PersistenceError('insufficient_funds', `Transfer ${keys} would take an account below zero; nothing was moved.`);
}

/**
 * Applies transfers inside the caller's transaction `em`, so they commit or
 * roll back with whatever caused them, in one round trip. Returns, per key,
 * the new transaction, or null when that key had already been applied.
 * Throws `insufficient_funds` when an account would go negative; the caller's
 * transaction must then roll back, which undoes any partial update.
 */
export async function applyTransfers(em: Em, inputs: TransferInput[]): Promise<Map<string, Applied>> {
  const keys = new Set<string>();
  for (const input of inputs) {
    check(input);
    if (keys.has(input.key)) throw new PersistenceError('invalid_transfer', `Transfer ${input.key} is given twice; a key names one transfer.`);
    keys.add(input.key);
  }
  const applied = new Map<string, Applied>(inputs.map((input) => [input.key, null]));
  if (inputs.length === 0) return applied;
  const createdAt = new Date();
  const [row] = await query<{ claimed: { key: string; id: number }[]; changes: string; moved: string }>(em, TRANSFERS, [
    JSON.stringify(inputs.map(({ key, reason, meta }) => ({ key, reason, meta: meta ?? null }))),
    createdAt,
    JSON.stringify(inputs.flatMap(({ key, entries }) => entries.map(({ kind, owner, amount }, i) => ({ key, i, kind, owner, amount })))),
  ]);
  if (Number(row.moved) < Number(row.changes)) {
    const claimed = new Set(row.claimed.map((c) => c.key));
    throw await insufficientFunds(em, inputs.filter((input) => claimed.has(input.key)));
  }
  for (const { key, id } of row.claimed) applied.set(key, { id: Number(id), createdAt });
  return applied;
}

/** `applyTransfers` for one transfer: its new transaction, or null when its key had already been applied. */
export async function applyTransfer(em: Em, input: TransferInput): Promise<Applied> {
  return (await applyTransfers(em, [input])).get(input.key) ?? null;
}

/**
 * Entries (with their transaction and account loaded) grouped into transfer
 * records, in the order of first appearance. `applied` says whether the call
 * returning them moved money; reading history moves none.
 */
function toRecords(entries: LedgerEntry[], applied: boolean): TransferRecord[] {
  const records = new Map<number, TransferRecord>();
  for (const entry of entries) {
    const transaction = entry.transaction;
    let record = records.get(transaction.id);
    if (!record) {
      record = {
        id: String(transaction.id), key: transaction.key, reason: transaction.reason, createdAt: transaction.createdAt,
        entries: [], applied, meta: transaction.meta ?? null,
      };
      records.set(transaction.id, record);
    }
    record.entries.push({ kind: entry.account.kind as AccountKind, owner: entry.account.owner, amount: entry.amount });
  }
  return [...records.values()];
}

/** The transfer recorded under `key`, as it was first applied. */
export async function findTransfer(em: Em, key: string, applied: boolean): Promise<TransferRecord | null> {
  const entries = await em.find(LedgerEntry, { transaction: { key } }, { populate: ['transaction', 'account'], orderBy: { id: 'asc' } });
  return toRecords(entries, applied)[0] ?? null;
}

export function ledgerRepository(orm: Orm): LedgerRepository {
  return {
    async transfer(input) {
      const applied = await orm.em.fork().transactional((em) => applyTransfer(em, input));
      if (applied) {
        // Just written from this input, so it reads back as the input: no second round trip. (meta as stored: through JSON.)
        return {
          id: String(applied.id), key: input.key, reason: input.reason, createdAt: applied.createdAt,
          entries: input.entries.map(({ kind, owner, amount }) => ({ kind, owner, amount })), applied: true,
          meta: input.meta === undefined ? null : (JSON.parse(JSON.stringify(input.meta)) as Record<string, unknown>),
        };
      }
      const record = await findTransfer(orm.em.fork(), input.key, false);
      if (!record) throw new Error(`Transfer ${input.key} was applied but cannot be read back.`);
      return record;
    },

    async balance(kind, owner) {
      const account = await orm.em.fork().findOne(Account, { kind, owner });
      return account?.balance ?? 0;
    },

    async history(kind, owner, limit, offset) {
      const em = orm.em.fork();
      const account = await em.findOne(Account, { kind, owner });
      if (!account) return [];
      const rows = await em.execute<{ transaction_id: string }[]>(
        'select distinct "transaction_id" from "ledger_entry" where "account_id" = ? order by "transaction_id" desc limit ? offset ?',
        [account.id, limit, offset],
      );
      if (rows.length === 0) return [];
      const ids = rows.map((row) => Number(row.transaction_id));
      const entries = await em.find(LedgerEntry, { transaction: { $in: ids } }, { populate: ['transaction', 'account'], orderBy: { transaction: 'desc', id: 'asc' } });
      return toRecords(entries, false);
    },

    async historyCount(kind, owner) {
      const [row] = await orm.em.fork().execute<{ total: string }[]>(
        `select count(distinct "e"."transaction_id") as "total" from "ledger_entry" "e"
         join "account" "a" on "a"."id" = "e"."account_id" where "a"."kind" = ? and "a"."owner" = ?`,
        [kind, owner],
      );
      return Number(row?.total ?? 0);
    },

    async houseBalance() {
      const [row] = await orm.em.fork().execute<{ total: string | null }[]>(`select sum("balance") as "total" from "account" where "kind" = 'house'`);
      return Number(row?.total ?? 0);
    },

    async totalHeld() {
      const [row] = await orm.em.fork().execute<{ total: string | null }[]>(
        `select sum("balance") as "total" from "account" where "kind" in ('player', 'table', 'tournament', 'house')`,
      );
      return Number(row?.total ?? 0);
    },
  };
}
