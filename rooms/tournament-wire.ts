import { ArraySchema } from '@colyseus/schema';
import type { TournamentActor } from '../src/tournaments/actor/TournamentActor.ts';
import { PayoutLine, STANDINGS_SHOWN, StandingLine, TournamentTableLine, type TournamentState } from '../schema/TournamentState.ts';

/** The lobby's listing of a tournament room (its metadata). */
export type TournamentListing = {
  tournamentId: string;
  name: string;
  kind: string;
  variant: string;
  status: string;
  buyIn: number;
  fee: number;
  entrants: number;
  maxEntrants: number;
  startsAt: number | null;
};

function sameList<T>(wire: ArraySchema<T>, lines: T[], equal: (a: T, b: T) => boolean): boolean {
  return wire.length === lines.length && lines.every((line, i) => equal(wire[i], line));
}

/** Maps the actor's view of the tournament onto its wire state (fields that did not change are left alone, so patches stay small). */
export function projectTournament(actor: TournamentActor, wire: TournamentState): TournamentListing {
  const d = actor.view();
  Object.assign(wire, {
    tournamentId: d.tournamentId, name: d.name, status: d.status, level: d.level.number,
    smallBlind: d.level.smallBlind, bigBlind: d.level.bigBlind, ante: d.level.ante, levelEndsAt: d.level.endsAt ?? 0,
    onBreak: d.onBreak, breakEndsAt: d.breakEndsAt ?? 0, entrants: d.entrants, remaining: d.remaining, prizePool: d.prizePool,
    kind: d.kind, variant: d.variant, maxEntrants: d.maxEntrants, paused: d.paused, registrationOpen: d.registrationOpen,
    handForHandRound: d.handForHandRound ?? 0,
  });
  if (!sameList(wire.payouts, d.payouts as never[], (a: PayoutLine, b: { place: number; amount: number }) => a.place === b.place && a.amount === b.amount)) {
    wire.payouts = new ArraySchema<PayoutLine>(...d.payouts.map((p) => Object.assign(new PayoutLine(), p)));
  }
  const leaders = d.standings.slice(0, STANDINGS_SHOWN).map((s) => ({
    playerId: s.playerId, name: s.name, stack: s.stack, tableId: s.tableId ?? '', place: s.place ?? 0, prize: s.prize ?? 0,
  }));
  const sameLine = (a: StandingLine, b: (typeof leaders)[number]): boolean => (
    a.playerId === b.playerId && a.name === b.name && a.stack === b.stack && a.tableId === b.tableId && a.place === b.place && a.prize === b.prize
  );
  if (!sameList(wire.standings, leaders as never[], sameLine as never)) {
    wire.standings = new ArraySchema<StandingLine>(...leaders.map((line) => Object.assign(new StandingLine(), line)));
  }
  if (!sameList(wire.tables, d.tables as never[], (a: TournamentTableLine, b: { tableId: string; seated: number }) => a.tableId === b.tableId && a.seated === b.seated)) {
    wire.tables = new ArraySchema<TournamentTableLine>(...d.tables.map((line) => Object.assign(new TournamentTableLine(), line)));
  }
  return {
    tournamentId: d.tournamentId, name: d.name, kind: d.kind, variant: d.variant, status: d.status, buyIn: d.buyIn, fee: d.fee,
    entrants: d.entrants, maxEntrants: d.maxEntrants, startsAt: d.startsAt,
  };
}

export function listingChanged(before: TournamentListing | undefined, after: TournamentListing): boolean {
  return !before || before.status !== after.status || before.entrants !== after.entrants || before.name !== after.name;
}
