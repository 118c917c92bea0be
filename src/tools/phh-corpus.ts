import { chooseAction, chooseBringIn, chooseDiscard } from '../../loadtest/strategy.ts';
import { CashTable } from '../engine/cash/CashTable.ts';
import type { CashTableSettings } from '../engine/cash/settings.ts';
import type { CashTableEvent } from '../engine/cash/state.ts';
import type { HandState } from '../engine/hand/state.ts';
import { exportPhh } from '../engine/phh/export.ts';
import type { PhhDocument } from '../engine/phh/document.ts';
import { seededRandom, type RandomSource } from '../engine/random.ts';
import { BettingStructure, findVariant, usesBringIn } from '../engine/variants.ts';

/**
 * The PHH test corpus: hands played at the engine's cash tables by the load
 * test bots' decision function, exported as the admin route exports a stored
 * hand. Everything is seeded (the deck, the bots, the comings and goings), so
 * the same seed gives the same files byte for byte.
 */

/** Every variant Felt deals today, in the corpus's order. */
export const CORPUS_VARIANTS = ['NT', 'FT', 'PO', 'FO/8', 'NS', 'F7S', 'F7S/8', 'FR', 'N2L1D', 'F2L3D', 'FB'] as const;

/** A corpus hand: the engine's final state as the table recorded it, and its PHH export. */
export type CorpusHand = { state: HandState; doc: PhhDocument };

/** One table of the corpus: how it is set up, who plays at it, how many hands it deals. */
export type CorpusSession = {
  name: string;
  maxSeats: number;
  /** Players who come to the table; the ones beyond `maxSeats` sit down when a seat frees up. */
  players: number;
  hands: number;
  stakes: CashTableSettings['stakes'];
  rake?: CashTableSettings['rake'];
  /** Buy-ins are drawn between these numbers of big blinds (stud: big bets; short stacks make all-ins and side pots). */
  buyInBigBlinds: [number, number];
  /** Stud: the small and big bet (blind games bet the big blind and twice it in fixed limit). */
  bets?: [number, number];
  /** Stud: the open-pair option on fourth street. */
  openPairBigBet?: boolean;
};

/**
 * The tables each blind game (hold'em, Omaha, draw) is played at: a raked
 * six-max with comings and goings, a short-stacked one for all-ins and side
 * pots, a nine-max with antes and a straddle, a big-blind ante, and heads-up.
 */
export const CORPUS_SESSIONS: readonly CorpusSession[] = [
  {
    name: 'six-max', maxSeats: 6, players: 8, hands: 30, stakes: { smallBlind: 1, bigBlind: 2, ante: 0 },
    rake: { basisPoints: 500, cap: 4, noFlopNoDrop: true }, buyInBigBlinds: [8, 60],
  },
  {
    name: 'short-stacked', maxSeats: 6, players: 7, hands: 25, stakes: { smallBlind: 1, bigBlind: 2, ante: 0 },
    rake: { basisPoints: 500, cap: 3, noFlopNoDrop: true }, buyInBigBlinds: [2, 12],
  },
  {
    name: 'nine-max', maxSeats: 9, players: 9, hands: 20, stakes: { smallBlind: 1, bigBlind: 2, ante: 1, straddle: 4 },
    rake: { basisPoints: 1000, cap: 6, noFlopNoDrop: false }, buyInBigBlinds: [10, 40],
  },
  {
    name: 'big-blind-ante', maxSeats: 6, players: 6, hands: 10, stakes: { smallBlind: 1, bigBlind: 2, ante: 2, bigBlindAnte: true },
    buyInBigBlinds: [10, 40],
  },
  { name: 'heads-up', maxSeats: 2, players: 3, hands: 15, stakes: { smallBlind: 1, bigBlind: 2, ante: 0 }, buyInBigBlinds: [10, 50] },
];

/**
 * The stud tables: an eight-max with comings and goings and rake, a
 * short-stacked one, big antes at a full table, the open-pair option (stud
 * high only uses it), and heads-up. Stud has no blinds: antes and a bring-in.
 */
export const STUD_SESSIONS: readonly CorpusSession[] = [
  {
    name: 'eight-max', maxSeats: 8, players: 10, hands: 30, stakes: { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 }, bets: [2, 4],
    rake: { basisPoints: 500, cap: 4, noFlopNoDrop: true }, buyInBigBlinds: [5, 30],
  },
  {
    name: 'short-stacked', maxSeats: 6, players: 7, hands: 25, stakes: { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 }, bets: [2, 4],
    rake: { basisPoints: 500, cap: 3, noFlopNoDrop: true }, buyInBigBlinds: [1, 6],
  },
  {
    name: 'big-antes', maxSeats: 8, players: 8, hands: 20, stakes: { smallBlind: 0, bigBlind: 0, ante: 2, bringIn: 3 }, bets: [4, 8],
    rake: { basisPoints: 1000, cap: 6, noFlopNoDrop: false }, buyInBigBlinds: [5, 20],
  },
  {
    name: 'open-pair', maxSeats: 6, players: 6, hands: 10, stakes: { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 }, bets: [2, 4],
    openPairBigBet: true, buyInBigBlinds: [5, 20],
  },
  { name: 'heads-up', maxSeats: 2, players: 3, hands: 15, stakes: { smallBlind: 0, bigBlind: 0, ante: 1, bringIn: 1 }, bets: [2, 4], buyInBigBlinds: [5, 25] },
];

/** The tables a variant is played at: stud's, or the blind games' (draw games among them). */
export function sessionsFor(variant: string): readonly CorpusSession[] {
  const found = findVariant(variant);
  return found && usesBringIn(found) ? STUD_SESSIONS : CORPUS_SESSIONS;
}

/** The corpus file of a variant: `FO/8` cannot be a file name, so `FO8.phhs`. */
export function corpusFileName(variant: string): string {
  return `${variant.replace(/[^A-Za-z0-9]/g, '')}.phhs`;
}

const HOUR = 3_600_000;
/** The corpus's clock starts here, so that `day`, `month` and `year` do not change from run to run. */
const EPOCH = Date.UTC(2026, 4, 1, 18);

type Chance = () => number;

function unitInterval(random: RandomSource): Chance {
  return () => random(0x100000000) / 0x100000000;
}

function settingsFor(variant: string, session: CorpusSession): CashTableSettings {
  const { bigBlind } = session.stakes;
  const fixed = findVariant(variant)?.betting === BettingStructure.fixedLimit;
  const [smallBet, bigBet] = session.bets ?? (fixed ? [bigBlind, 2 * bigBlind] : [0, 0]);
  const unit = session.bets ? bigBet : bigBlind;
  return {
    variant,
    stakes: session.stakes,
    smallBet,
    bigBet,
    ...(session.openPairBigBet ? { openPairBigBet: true } : {}),
    minBuyIn: session.buyInBigBlinds[0] * unit,
    maxBuyIn: session.buyInBigBlinds[1] * unit,
    maxSeats: session.maxSeats,
    actionMs: 15_000,
    timeBankMs: 10_000,
    ...(session.rake ? { rake: session.rake } : {}),
    pauseMs: 2_000,
    reconnectMs: 30_000,
    standUpMs: 10 * HOUR,
    maxTimeouts: 2,
    offerMs: 30_000,
    maxRunouts: 1,
  };
}

/** A session's own seed: one per variant and table, so adding a table does not reshuffle the others. */
function sessionSeed(seed: number, variant: string, index: number): number {
  let h = seed >>> 0;
  for (const char of `${variant}#${index}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * Plays one table until it has completed `session.hands` hands and returns
 * them, exported, in the order they were played.
 */
export function playSession(variant: string, session: CorpusSession, seed: number, tableId = `${variant}-${session.name}`): CorpusHand[] {
  const settings = settingsFor(variant, session);
  const table = CashTable.create(tableId, `${variant} ${session.name}`, settings, seededRandom(seed));
  const chance = unitInterval(seededRandom(seed ^ 0x5bd1e995));
  const between = (low: number, high: number): number => low + Math.floor(chance() * (high - low + 1));
  const buyIn = (): number => between(settings.minBuyIn, settings.maxBuyIn);
  const names = new Map<string, string>();
  const roster = Array.from({ length: session.players }, (_, i) => `${tableId}-p${i + 1}`);
  for (const [i, id] of roster.entries()) names.set(id, `bot${i + 1}`);
  /** Players away from the table (sitting out) and the hands they will miss. */
  const away = new Map<string, number>();
  const hands: CorpusHand[] = [];
  let now = 0;

  const seated = (): string[] => roster.filter((id) => table.seatOf(id) >= 0);
  const record = (events: CashTableEvent[]): void => {
    for (const event of events) {
      if (event.type !== 'handComplete') continue;
      const state = structuredClone(event.hand) as HandState;
      hands.push({ state, doc: exportPhh(state, {
        players: event.playerIds.map((id) => names.get(id) ?? id),
        hand: event.handNumber,
        table: tableId,
        startedAt: new Date(EPOCH + event.startedAt),
        seatCount: settings.maxSeats,
        event: table.state.name,
      }) });
    }
  };
  const sitDown = (id: string): void => {
    if (table.seatOf(id) >= 0 || table.seatedCount() >= settings.maxSeats) return;
    table.sit(id, names.get(id) ?? id, undefined, buyIn(), now);
    // Half the newcomers post a big blind to play at once rather than wait for it.
    if (chance() < 0.5) {
      table.sitOut(id);
      table.sitIn(id, now);
    }
  };

  /** Between hands: players leave for a while and come back (owing blinds), bust and rebuy, stand up, sit down. */
  const comingsAndGoings = (): void => {
    for (const id of seated()) {
      const seat = table.seatOf(id);
      const place = table.state.seating.seats[seat];
      if (!place) continue;
      const missing = away.get(id);
      if (missing !== undefined) {
        if (missing > 1) away.set(id, missing - 1);
        else {
          away.delete(id);
          if (place.stack === 0) table.topUp(id, buyIn(), now);
          table.sitIn(id, now);
        }
        continue;
      }
      if (place.stack === 0 || place.sittingOut) {
        // Busted (or timed out twice): rebuy and play on, sometimes after a break.
        if (place.stack === 0) table.topUp(id, buyIn(), now);
        if (chance() < 0.5) table.sitIn(id, now);
        else away.set(id, between(1, 3));
        continue;
      }
      const roll = chance();
      if (roll < 0.06) {
        table.sitOut(id);
        away.set(id, between(1, 5));
      } else if (roll < 0.075 && (seated().length > 2 || seated().length < roster.length)) {
        // Stands up for good: with nobody to take the seat, only when the game goes on without them.
        table.leave(id, now);
      }
    }
    const standing = roster.filter((id) => table.seatOf(id) < 0);
    if (standing.length > 0 && chance() < 0.3) sitDown(standing[between(0, standing.length - 1)]);
  };

  for (const id of roster.slice(0, Math.min(session.players, settings.maxSeats))) {
    table.sit(id, names.get(id) ?? id, undefined, buyIn(), now);
  }
  let guard = 0;
  let settled = -1;
  while (hands.length < session.hands) {
    if (++guard > session.hands * 1_000) throw new Error(`${tableId}: the table stopped dealing after ${hands.length} hands`);
    const hand = table.hand;
    const seat = table.actorSeat();
    if (hand && seat >= 0) {
      const playerId = table.state.info[seat]?.playerId ?? '';
      const legal = hand.legalActions();
      if (!legal) throw new Error(`${tableId}: seat ${seat} is on the clock with nothing to do`);
      // Now and then a player asks to show whatever they hold at showdown.
      if (chance() < 0.05) table.showdownChoice(playerId, 'show', now);
      if (chance() < 0.01) {
        // Lets the clock run: the time bank, then a timeout (check or fold).
        now = table.nextDeadline();
        record(table.tick(now));
        continue;
      }
      now += between(500, 4_000);
      const player = table.handIndexOf(seat);
      if (legal.draw) {
        record(table.act(playerId, { action: 'draw', discard: chooseDiscard(hand.state.hole[player], legal.maxDiscards, chance) }, now));
      } else if (legal.bringIn) record(table.act(playerId, chooseBringIn(legal, chance), now));
      // The first street has forced bets out (blinds, a bring-in): more is a raise there.
      else record(table.act(playerId, chooseAction(legal, chance, hand.state.street === 0), now));
      continue;
    }
    if (!hand && settled !== table.state.handNumber) {
      settled = table.state.handNumber;
      comingsAndGoings();
    }
    const next = table.nextDeadline();
    if (next === 0) {
      // Nobody can be dealt in: bring someone back.
      const waiting = roster.find((id) => table.seatOf(id) < 0 || away.has(id));
      if (!waiting) throw new Error(`${tableId}: no hand can be dealt and nobody is away`);
      if (away.delete(waiting)) {
        if (table.state.seating.seats[table.seatOf(waiting)]?.stack === 0) table.topUp(waiting, buyIn(), now);
        table.sitIn(waiting, now);
      } else sitDown(waiting);
      continue;
    }
    now = Math.max(now, next);
    record(table.tick(now));
  }
  return hands;
}

/** The corpus hands of one variant: every corpus table played in turn, from the given seed. */
export function playCorpus(variant: string, seed = 1): CorpusHand[] {
  return sessionsFor(variant).flatMap((session, index) => playSession(variant, session, sessionSeed(seed, variant, index)));
}
