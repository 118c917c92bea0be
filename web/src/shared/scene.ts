// What the table page shows beyond the state itself, carried from one patch
// to the next: the log of what happened, chips in flight, the last hand's
// winners, who is still in the hand, and when the current turn's clock began.
import type { FeltClock, FeltFlight } from './felt-types.ts';
import { describeChange, type LogLine, type Winner } from './table-events.ts';
import { contenders, isHandLive, isHandOver, type TableView } from './table-view.ts';

export type LogEntry = LogLine & { id: number };

export type Scene = {
  view: TableView;
  log: LogEntry[];
  flights: FeltFlight[];
  winners: Winner[] | null;
  contenders: ReadonlySet<number>;
  clock: FeltClock | null;
  /** Which turn the clock belongs to: hand, street and seat. */
  turnKey: string;
};

const LOG_SIZE = 40;
let ids = 0;

function clockOf(prev: Scene | null, view: TableView, now: number): { clock: FeltClock | null; turnKey: string } {
  if (view.toAct < 0 || view.actionDeadline <= 0) return { clock: null, turnKey: '' };
  const turnKey = `${view.handNumber}:${view.phase}:${view.toAct}`;
  const before = prev?.turnKey === turnKey ? prev.clock : null;
  if (!before) return { clock: { seat: view.toAct, deadline: view.actionDeadline, startedAt: Math.min(now, view.actionDeadline), timeBank: false }, turnKey };
  if (view.actionDeadline > before.deadline) {
    // Same turn, later deadline: the player's own clock ran out and the time bank took over.
    return { clock: { seat: view.toAct, deadline: view.actionDeadline, startedAt: before.deadline, timeBank: true }, turnKey };
  }
  return { clock: before, turnKey };
}

/** The scene after a patch: `prev` is the scene before it (null for the first state). */
export function nextScene(prev: Scene | null, view: TableView, now: number): Scene {
  const change = describeChange(prev?.view ?? null, view);
  const entries = change.lines.map((line) => ({ ...line, id: ++ids }));
  const log = entries.length > 0 ? [...entries.reverse(), ...(prev?.log ?? [])].slice(0, LOG_SIZE) : (prev?.log ?? []);
  const flights = change.flights.length > 0 ? [...(prev?.flights ?? []), ...change.flights.map((flight) => ({ ...flight, id: ++ids }))] : (prev?.flights ?? []);
  let winners = prev?.winners ?? null;
  if (change.winners) winners = change.winners;
  else if (!isHandOver(view)) winners = null;
  const stillIn = isHandLive(view) ? contenders(view) : isHandOver(view) ? (prev?.contenders ?? new Set<number>()) : new Set<number>();
  return { view, log, flights, winners, contenders: stillIn, ...clockOf(prev, view, now) };
}

/** The same scene without the flights that have landed. */
export function withoutFlights(scene: Scene, landed: ReadonlySet<number>): Scene {
  return { ...scene, flights: scene.flights.filter((flight) => !landed.has(flight.id)) };
}
