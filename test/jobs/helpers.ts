import { randomUUID } from 'node:crypto';
import { Hand } from '../../src/engine/hand/Hand.ts';
import type { HandConfig, HandState } from '../../src/engine/hand/state.ts';
import type { JobContext } from '../../src/jobs/types.ts';
import type { LiveTableLoad } from '../../src/jobs/live-tables.ts';
import { createLogger } from '../../src/log.ts';
import type { Database } from '../../src/persistence/database.ts';
import { insertHand } from '../../src/persistence/hands.ts';
import type { TableRecord, TemplateInput, TemplateRecord } from '../../src/persistence/types.ts';
import { DEFAULT_TEMPLATES } from '../../src/tables/default-templates.ts';

export const silentLog = createLogger({ logLevel: 'silent', processId: 'test' });

/** The context a scheduler would give a job whose slot is `now`. */
export function contextAt(db: Database, now: Date, processId = 'test-process'): JobContext {
  return { db, now, slot: now.toISOString(), log: silentLog, processId };
}

let hourCounter = 0;

/** The start of an hour no other test in this process uses, so suites sharing a database never see each other's hands. */
export function freshHour(): Date {
  hourCounter += 1;
  return new Date(Date.UTC(2026, 5, 1) + hourCounter * 3 * 3_600_000);
}

export async function plantTemplate(db: Database, overrides: Partial<TemplateInput> = {}): Promise<TemplateRecord> {
  return db.templates.create({ ...DEFAULT_TEMPLATES[0], name: `T-${randomUUID().slice(0, 6)}`, ...overrides });
}

export async function plantTable(db: Database, templateId: string): Promise<TableRecord> {
  return db.tables.create({ id: `t-${randomUUID().slice(0, 12)}`, templateId, name: 'test table' });
}

/** Stores a finished hand as the end-of-hand transaction would, without moving its rake (no chips are on these tables). */
export async function plantHand(db: Database, input: { tableId: string; endedAt: Date; playerIds: string[]; state: HandState; rake: number }): Promise<string> {
  const id = randomUUID();
  await db.orm.em.fork().transactional((em) => insertHand(em, {
    id, tableId: input.tableId, handNumber: 1, variant: input.state.config.variant,
    startedAt: new Date(input.endedAt.getTime() - 30_000), endedAt: input.endedAt,
    playerIds: input.playerIds, state: input.state, rake: input.rake,
  }));
  return id;
}

function config(players: number): HandConfig {
  return {
    variant: 'NT', startingStacks: Array(players).fill(100), antes: Array(players).fill(0),
    blindsOrStraddles: Array.from({ length: players }, (_, i) => (i === 0 ? 1 : i === 1 ? 2 : 0)),
    anteTrimming: true, minBet: 2, rake: { basisPoints: 1000, cap: 10, noFlopNoDrop: true },
  };
}

function checkDown(hand: Hand): void {
  while (hand.actor >= 0) hand.checkOrCall(hand.actor);
  while (hand.phase === 'showdown') hand.showOrMuck();
}

/**
 * Real engine hands (10% rake, no flop no drop), three shapes:
 * - `headsUpFlop`: three players, the button folds, the big blind raises to
 *   20 and the small blind calls, checked down: a pot of 40, rake 4, two see the flop;
 * - `noFlop`: three players, the button raises to 6 and both blinds fold: a pot of 5, no rake, no flop;
 * - `fourWayFlop`: four players all call the big blind, checked down: a pot of 8, no rake, four see the flop.
 */
export function playedHand(shape: 'headsUpFlop' | 'noFlop' | 'fourWayFlop'): { state: HandState; rake: number; players: number } {
  if (shape === 'fourWayFlop') {
    const hand = Hand.start(config(4));
    checkDown(hand);
    return { state: hand.state, rake: hand.rake(), players: 4 };
  }
  const hand = Hand.start(config(3));
  if (shape === 'noFlop') {
    hand.raiseTo(2, 6);
    hand.fold(0);
    hand.fold(1);
  } else {
    hand.fold(2);
    hand.call(0);
    hand.raiseTo(1, 20);
    hand.call(0);
    checkDown(hand);
  }
  return { state: hand.state, rake: hand.rake(), players: 3 };
}

/** A live table as the matchMaker would list it. */
export function load(tableId: string, fields: Partial<LiveTableLoad> = {}): LiveTableLoad {
  return { tableId, processId: 'p1', clients: 0, seated: 0, waiting: 0, maxSeats: 6, ...fields };
}

/**
 * Tournament money at `at`: three entries of 100 + 10 (one of them
 * unregistered, so refunded), a rebuy of 100, an add-on of 50 and a prize of
 * 150, their ledger times moved to `at`. What the analytics should find in
 * that minute and hour.
 */
export async function plantTournamentMoney(db: Database, at: Date): Promise<{ tournamentId: string; expected: import('../../src/persistence/analytics-types.ts').TournamentTotals }> {
  const tournament = await db.tournaments.create({
    definition: {
      name: 'Analytics SNG', kind: 'sng', variant: 'NT', buyIn: 100, fee: 10, startingStack: 1500, tableSize: 6, minEntrants: 2, maxEntrants: 6,
      levels: [{ smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 }, { smallBlind: 20, bigBlind: 40, ante: 0, seconds: 300 }],
      rebuy: { maxCount: 1, stackAtOrBelow: 1500, chips: 1500, price: 100 }, breakEvery: 1, breakSeconds: 60, addOn: { atBreak: 1, chips: 1500, price: 50 },
    },
  });
  const players = await Promise.all([1, 2, 3].map((n) => db.players.createGuest(`Analyst ${n}`, 1000)));
  for (const player of players) {
    await db.entries.register({ tournamentId: tournament.id, playerId: player.id, name: player.name, buyIn: 100, fee: 10 });
  }
  await db.entries.unregister(tournament.id, players[2].id);
  const entry = { tournamentId: tournament.id, playerId: players[0].id, entryNo: 1, count: 1 };
  await db.entries.rebuy({ ...entry, price: 100 });
  await db.entries.addOn({ ...entry, price: 50 });
  await db.entries.payPrize({ tournamentId: tournament.id, playerId: players[1].id, entryNo: 1, place: 2, prize: 150 });
  await db.orm.em.fork().execute(`update "ledger_transaction" set "created_at" = ? where "key" like ?`, [at, `tournament-%:${tournament.id}:%`]);
  return {
    tournamentId: tournament.id,
    expected: { entries: 3, refunds: 1, rebuys: 1, addOns: 1, buyIns: 300, purchases: 150, fees: 20, prizes: 150 },
  };
}

/** A tournament's table, which has no template (`poker_table.template_id` null). */
export async function plantTournamentTable(db: Database): Promise<TableRecord> {
  return db.tables.create({
    id: `tt-${randomUUID().slice(0, 12)}`, tournamentId: randomUUID(), name: 'tournament table',
    settings: { variant: 'NT', maxSeats: 6, number: 1, stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, smallBet: 2, bigBet: 4 },
  });
}
