import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  tournamentAddOnTransfer, tournamentBuyInTransfer, tournamentPrizeTransfer, tournamentPurchasesRefundTransfer,
  tournamentRebuyTransfer, tournamentRefundTransfer,
} from '../money/transfers.ts';
import { TournamentStatus, type TournamentDefinition } from '../tournaments/rules/structure.ts';
import { ENTRY_STATUS, TournamentEntry, type EntryStatus } from './entities/TournamentEntry.ts';
import { Tournament } from './entities/Tournament.ts';
import { applyTransfer, applyTransfers } from './ledger.ts';
import type { Em, Orm } from './orm.ts';
import { query } from './sql.ts';
import type {
  PlaceInput, PurchaseInput, TournamentEntryRecord, TournamentEntryRepository,
} from './tournament-types.ts';
import { tournamentRecords } from './tournaments.ts';
import { PersistenceError, type TransferInput } from './types.ts';

type EntryRow = {
  tournament_id: string; player_id: string; entry_no: number; name: string; status: EntryStatus;
  buy_in: string | number; fee: string | number; rebuys: number; rebuy_total: string | number; add_ons: number; add_on_total: string | number;
  place: number | null; prize: string | number | null; registered_at: Date | string; left_at: Date | string | null; placed_at: Date | string | null;
};

const COLUMNS = `"tournament_id", "player_id", "entry_no", "name", "status", "buy_in", "fee", "rebuys", "rebuy_total", "add_ons", "add_on_total",
  "place", "prize", "registered_at", "left_at", "placed_at"`;

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function fromRow(row: EntryRow): TournamentEntryRecord {
  return {
    tournamentId: row.tournament_id, playerId: row.player_id, entryNo: Number(row.entry_no), name: row.name, status: row.status,
    buyIn: Number(row.buy_in), fee: Number(row.fee), rebuys: Number(row.rebuys), rebuyTotal: Number(row.rebuy_total),
    addOns: Number(row.add_ons), addOnTotal: Number(row.add_on_total),
    place: row.place === null ? null : Number(row.place), prize: row.prize === null ? null : Number(row.prize),
    registeredAt: new Date(row.registered_at), leftAt: date(row.left_at), placedAt: date(row.placed_at),
  };
}

function fromEntity(entry: TournamentEntry): TournamentEntryRecord {
  return {
    tournamentId: entry.tournament.id, playerId: entry.playerId, entryNo: entry.entryNo, name: entry.name, status: entry.status,
    buyIn: entry.buyIn, fee: entry.fee, rebuys: entry.rebuys, rebuyTotal: entry.rebuyTotal, addOns: entry.addOns, addOnTotal: entry.addOnTotal,
    place: entry.place ?? null, prize: entry.prize ?? null, registeredAt: entry.registeredAt, leftAt: entry.leftAt ?? null, placedAt: entry.placedAt ?? null,
  };
}

function refuse(code: string, message: string): never {
  throw new PersistenceError(code, message);
}

function whole(value: number, min: number, code: string, what: string): void {
  if (!Number.isSafeInteger(value) || value < min) refuse(code, `${what} must be a whole number of at least ${min}; got ${value}.`);
}

/** In the field: entries that were sold and not given back by unregistering. */
const IN_FIELD = `"status" <> '${ENTRY_STATUS.unregistered}'`;

/**
 * Locks the tournament's row for the rest of the transaction, so entries of
 * one tournament are decided one at a time (the field's size is checked
 * against what is committed), and returns its status and definition.
 */
async function lockTournament(em: Em, tournamentId: string): Promise<{ status: TournamentStatus; definition: TournamentDefinition }> {
  const [row] = await query<{ status: TournamentStatus; definition: TournamentDefinition | string }>(
    em, 'select "status", "definition" from "tournament" where "id" = $1 for update', [tournamentId],
  );
  if (!row) refuse('unknown_tournament', `There is no tournament ${tournamentId}.`);
  const definition = typeof row.definition === 'string' ? JSON.parse(row.definition) as TournamentDefinition : row.definition;
  return { status: row.status, definition };
}

async function lockEntry(em: Em, tournamentId: string, playerId: string, entryNo: number): Promise<TournamentEntryRecord | null> {
  const [row] = await query<EntryRow>(
    em, `select ${COLUMNS} from "tournament_entry" where "tournament_id" = $1 and "player_id" = $2 and "entry_no" = $3 for update`,
    [tournamentId, playerId, entryNo],
  );
  return row ? fromRow(row) : null;
}

async function update(em: Em, entry: Pick<TournamentEntryRecord, 'tournamentId' | 'playerId' | 'entryNo'>, set: string, params: unknown[]): Promise<TournamentEntryRecord> {
  const [row] = await query<EntryRow>(
    em,
    `update "tournament_entry" set ${set} where "tournament_id" = $1 and "player_id" = $2 and "entry_no" = $3 returning ${COLUMNS}`,
    [entry.tournamentId, entry.playerId, entry.entryNo, ...params],
  );
  return fromRow(row);
}

const entryMoney = (entry: TournamentEntryRecord) => ({
  tournamentId: entry.tournamentId, playerId: entry.playerId, entry: entry.entryNo, buyIn: entry.buyIn, fee: entry.fee,
});

/**
 * A tournament's entries. Every movement of money is applied inside the
 * transaction that changes the entry (`applyTransfers`), so the two commit
 * together or not at all, and each is keyed by its cause (`src/money`), so a
 * retry moves nothing twice.
 */
export function tournamentEntryRepository(orm: Orm, now: () => Date = () => new Date()): TournamentEntryRepository {
  async function place(input: PlaceInput): Promise<{ entry: TournamentEntryRecord; paid: boolean }> {
    whole(input.place, 1, 'invalid_place', 'A place');
    whole(input.prize, 0, 'invalid_place', 'A prize');
    const placing = orm.em.fork().transactional(async (em) => {
      const entry = await lockEntry(em, input.tournamentId, input.playerId, input.entryNo);
      if (!entry || entry.status === ENTRY_STATUS.unregistered || entry.status === ENTRY_STATUS.refunded) {
        refuse('not_registered', `Player ${input.playerId} has no entry ${input.entryNo} in play in tournament ${input.tournamentId}.`);
      }
      if (entry.place !== null) {
        if (entry.place === input.place && entry.prize === input.prize) return { entry, paid: false };
        refuse('place_conflict', `Entry ${input.entryNo} of player ${input.playerId} finished ${entry.place} with a prize of ${entry.prize}; it cannot be placed ${input.place} with ${input.prize}.`);
      }
      const [taken] = await query<{ player_id: string }>(
        em, 'select "player_id" from "tournament_entry" where "tournament_id" = $1 and "place" = $2', [input.tournamentId, input.place],
      );
      if (taken) refuse('place_taken', `Place ${input.place} of tournament ${input.tournamentId} is player ${taken.player_id}'s.`);
      const status = input.place === 1 ? ENTRY_STATUS.finished : ENTRY_STATUS.eliminated;
      const placed = await update(em, entry, '"place" = $4, "prize" = $5, "status" = $6, "placed_at" = $7', [input.place, input.prize, status, now()]);
      if (input.prize === 0) return { entry: placed, paid: false };
      const applied = await applyTransfer(em, tournamentPrizeTransfer({ tournamentId: input.tournamentId, playerId: input.playerId, place: input.place, amount: input.prize }));
      // The place was free, so its prize key must have been too: a spent key means money moved without its entry.
      if (!applied) refuse('place_conflict', `The prize of place ${input.place} of tournament ${input.tournamentId} was paid already, to an entry that does not hold the place.`);
      return { entry: placed, paid: true };
    });
    try {
      return await placing;
    } catch (error) {
      // Another entry was placed there between our check and our write.
      if (error instanceof UniqueConstraintViolationException) refuse('place_taken', `Place ${input.place} of tournament ${input.tournamentId} is another entry's.`);
      throw error;
    }
  }

  async function purchase(kind: 'rebuy' | 'addOn', input: PurchaseInput): Promise<{ entry: TournamentEntryRecord; applied: boolean }> {
    const what = kind === 'rebuy' ? 'rebuy' : 'add-on';
    whole(input.count, 1, 'invalid_count', `A ${what}'s count`);
    whole(input.price, 0, 'invalid_amount', `A ${what}'s price`);
    return orm.em.fork().transactional(async (em) => {
      const entry = await lockEntry(em, input.tournamentId, input.playerId, input.entryNo);
      if (!entry || entry.status !== ENTRY_STATUS.registered) {
        refuse('not_registered', `Player ${input.playerId} has no entry ${input.entryNo} still in tournament ${input.tournamentId}.`);
      }
      const [count, total] = kind === 'rebuy' ? [entry.rebuys, 'rebuy'] : [entry.addOns, 'add_on'];
      if (input.count <= count) return { entry, applied: false };
      if (input.count !== count + 1) refuse('invalid_count', `Entry ${input.entryNo} has ${count} ${what}s; the next is number ${count + 1}, not ${input.count}.`);
      const column = kind === 'rebuy' ? 'rebuys' : 'add_ons';
      const bought = await update(em, entry, `"${column}" = $4, "${total}_total" = "${total}_total" + $5`, [input.count, input.price]);
      if (input.price > 0) {
        const money = { tournamentId: input.tournamentId, playerId: input.playerId, entry: input.entryNo, count: input.count, price: input.price };
        const applied = await applyTransfer(em, kind === 'rebuy' ? tournamentRebuyTransfer(money) : tournamentAddOnTransfer(money));
        if (!applied) refuse('invalid_count', `The ${what} number ${input.count} of entry ${input.entryNo} was paid already.`);
      }
      return { entry: bought, applied: true };
    });
  }

  return {
    async register(input) {
      if (typeof input.name !== 'string' || input.name.length === 0) refuse('invalid_entry', 'An entry needs the player\'s name.');
      whole(input.buyIn, 0, 'invalid_amount', 'A buy-in');
      whole(input.fee, 0, 'invalid_amount', 'A fee');
      if (input.entryNo !== undefined) whole(input.entryNo, 1, 'invalid_entry', 'An entry number');
      return orm.em.fork().transactional(async (em) => {
        const tournament = await lockTournament(em, input.tournamentId);
        if (tournament.status === TournamentStatus.finished || tournament.status === TournamentStatus.cancelled) {
          refuse('registration_closed', `Registration is closed: the tournament is ${tournament.status}.`);
        }
        const mine = (await query<EntryRow>(
          em, `select ${COLUMNS} from "tournament_entry" where "tournament_id" = $1 and "player_id" = $2 order by "entry_no"`,
          [input.tournamentId, input.playerId],
        )).map(fromRow);
        if (mine.some((entry) => entry.status === ENTRY_STATUS.registered)) {
          refuse('already_registered', `Player ${input.playerId} is already registered in tournament ${input.tournamentId}.`);
        }
        const entryNo = input.entryNo ?? (mine.at(-1)?.entryNo ?? 0) + 1;
        const used = mine.find((entry) => entry.entryNo === entryNo);
        if (used?.status === ENTRY_STATUS.unregistered || used?.status === ENTRY_STATUS.refunded) {
          refuse('entry_used', `Entry ${entryNo} of player ${input.playerId} was refunded; a new registration is entry ${(mine.at(-1)?.entryNo ?? 0) + 1}.`);
        }
        if (used) refuse('already_registered', `Player ${input.playerId} has entry ${entryNo} in tournament ${input.tournamentId} already.`);
        const [field] = await query<{ entries: string | number }>(
          em, `select count(*) as "entries" from "tournament_entry" where "tournament_id" = $1 and ${IN_FIELD}`, [input.tournamentId],
        );
        if (Number(field.entries) >= tournament.definition.maxEntrants) {
          refuse('tournament_full', `The tournament is full (${tournament.definition.maxEntrants} entries).`);
        }
        const [row] = await query<EntryRow>(
          em,
          `insert into "tournament_entry" ("tournament_id", "player_id", "entry_no", "name", "status", "buy_in", "fee", "registered_at")
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
          [input.tournamentId, input.playerId, entryNo, input.name, ENTRY_STATUS.registered, input.buyIn, input.fee, now()],
        );
        const entry = fromRow(row);
        // A freeroll moves no money; anything else is paid with the entry, or neither happens.
        if (input.buyIn + input.fee > 0) {
          const applied = await applyTransfer(em, tournamentBuyInTransfer(entryMoney(entry)));
          if (!applied) refuse('entry_used', `The buy-in of entry ${entryNo} of player ${input.playerId} was paid before; register as a new entry.`);
        }
        return entry;
      });
    },

    async unregister(tournamentId, playerId) {
      return orm.em.fork().transactional(async (em) => {
        const tournament = await lockTournament(em, tournamentId);
        if (tournament.status !== TournamentStatus.registering) {
          refuse('registration_closed', `You can no longer unregister: the tournament is ${tournament.status}.`);
        }
        const [row] = await query<EntryRow>(
          em, `select ${COLUMNS} from "tournament_entry" where "tournament_id" = $1 and "player_id" = $2 and "status" = $3 for update`,
          [tournamentId, playerId, ENTRY_STATUS.registered],
        );
        if (!row) refuse('not_registered', `Player ${playerId} is not registered in tournament ${tournamentId}.`);
        const entry = fromRow(row);
        const left = await update(em, entry, '"status" = $4, "left_at" = $5', [ENTRY_STATUS.unregistered, now()]);
        if (entry.buyIn + entry.fee > 0) await applyTransfer(em, tournamentRefundTransfer(entryMoney(entry)));
        return left;
      });
    },

    async refundAll(tournamentId) {
      return orm.em.fork().transactional(async (em) => {
        const tournament = await lockTournament(em, tournamentId);
        if (tournament.status === TournamentStatus.finished) refuse('invalid_status', `Tournament ${tournamentId} has finished; its entries are not refunded.`);
        // A paid place keeps its prize and its entry; everything else bought is given back.
        const rows = await query<EntryRow>(
          em,
          `select ${COLUMNS} from "tournament_entry" where "tournament_id" = $1 and "status" in ($2, $3) and coalesce("prize", 0) = 0
           order by "registered_at", "player_id", "entry_no" for update`,
          [tournamentId, ENTRY_STATUS.registered, ENTRY_STATUS.eliminated],
        );
        const entries = rows.map(fromRow);
        const transfers: TransferInput[] = [];
        for (const entry of entries) {
          if (entry.buyIn + entry.fee > 0) transfers.push(tournamentRefundTransfer(entryMoney(entry)));
          const purchases = entry.rebuyTotal + entry.addOnTotal;
          if (purchases > 0) transfers.push(tournamentPurchasesRefundTransfer({ tournamentId, playerId: entry.playerId, entry: entry.entryNo, amount: purchases }));
        }
        await applyTransfers(em, transfers);
        const at = now();
        const refunded: TournamentEntryRecord[] = [];
        for (const entry of entries) refunded.push(await update(em, entry, '"status" = $4, "left_at" = $5', [ENTRY_STATUS.refunded, at]));
        return refunded;
      });
    },

    async list(tournamentId) {
      const rows = await query<EntryRow>(
        orm.em.fork(), `select ${COLUMNS} from "tournament_entry" where "tournament_id" = $1 order by "registered_at", "player_id", "entry_no"`, [tournamentId],
      );
      return rows.map(fromRow);
    },

    async latest(tournamentId, playerId) {
      const [row] = await query<EntryRow>(
        orm.em.fork(), `select ${COLUMNS} from "tournament_entry" where "tournament_id" = $1 and "player_id" = $2 order by "entry_no" desc limit 1`,
        [tournamentId, playerId],
      );
      return row ? fromRow(row) : null;
    },

    async forPlayer(playerId, { limit, offset }) {
      const em = orm.em.fork();
      const [entries, total] = await em.findAndCount(TournamentEntry, { playerId }, {
        orderBy: { registeredAt: 'desc', tournament: 'asc', entryNo: 'desc' }, limit, offset,
      });
      const ids = [...new Set(entries.map((entry) => entry.tournament.id))];
      const tournaments = await tournamentRecords(em, ids.length === 0 ? [] : await em.find(Tournament, { id: { $in: ids } }));
      const byId = new Map(tournaments.map((tournament) => [tournament.id, tournament]));
      return {
        items: entries.map((entry) => ({ tournament: byId.get(entry.tournament.id)!, entry: fromEntity(entry) })),
        total,
      };
    },

    recordPlace: place,

    async payPrize(input) {
      whole(input.prize, 1, 'invalid_place', 'A prize to pay');
      return place(input);
    },

    rebuy: (input) => purchase('rebuy', input),
    addOn: (input) => purchase('addOn', input),
  };
}
