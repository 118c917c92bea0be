// Tournaments as the API and the `tournament` room describe them (PROTOCOL.md,
// "Tournaments"), and what the pages show of them: the clock, the next level,
// the standings with the viewer's own row. Presentation only: every number
// comes from the server; nothing here decides a rule.

export const TOURNAMENT_STATUS = { registering: 'registering', running: 'running', finished: 'finished', cancelled: 'cancelled' } as const;
export type TournamentStatus = (typeof TOURNAMENT_STATUS)[keyof typeof TOURNAMENT_STATUS];

export type TournamentSummary = {
  tournamentId: string; name: string; kind: 'sng' | 'mtt'; variant: string; status: TournamentStatus;
  buyIn: number; fee: number; startingStack: number; tableSize: number;
  entrants: number; minEntrants: number; maxEntrants: number;
  /** Epoch ms (an ISO string from older servers); null for a sit-and-go. */
  startsAt?: number | string | null;
};

export type LevelInfo = { number: number; smallBlind: number; bigBlind: number; ante: number; endsAt: number | null };
/** A level of the structure, when the server lists it. */
export type StructureLevel = { smallBlind: number; bigBlind: number; ante?: number; seconds: number };

export type Standing = { playerId: string; name: string; stack: number | null; tableId: string | null; place: number | null; prize: number | null };

export type TournamentDetail = TournamentSummary & {
  level: LevelInfo | null; onBreak: boolean; breakEndsAt: number | null;
  prizePool: number; payouts: { place: number; amount: number }[]; remaining: number;
  standings: Standing[]; tables: { tableId: string; seated: number | null }[];
  source?: 'actor' | 'database';
  /** The blind structure as defined (absent from older servers): the next level and the next break come from it. */
  structure?: { levels: StructureLevel[]; breakEvery: number | null; breakSeconds: number | null };
};

/** `TournamentState`: the `tournament` room's live state. */
export type TournamentRoomView = {
  tournamentId: string; name: string; status: string; level: number;
  smallBlind: number; bigBlind: number; ante: number; levelEndsAt: number;
  onBreak: boolean; breakEndsAt: number; entrants: number; remaining: number; prizePool: number;
  /** Felt's addition: the clock is stopped by an operator. */
  paused: boolean;
};

/** The room's state (the SDK's `room.state`) as plain data. */
export function readTournamentState(state: any): TournamentRoomView {
  return {
    tournamentId: state?.tournamentId ?? '', name: state?.name ?? '', status: state?.status ?? '', level: state?.level ?? 0,
    smallBlind: state?.smallBlind ?? 0, bigBlind: state?.bigBlind ?? 0, ante: state?.ante ?? 0, levelEndsAt: state?.levelEndsAt ?? 0,
    onBreak: Boolean(state?.onBreak), breakEndsAt: state?.breakEndsAt ?? 0,
    entrants: state?.entrants ?? 0, remaining: state?.remaining ?? 0, prizePool: state?.prizePool ?? 0,
    paused: Boolean(state?.paused),
  };
}

/** `12:05`, `1:02:09`; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function blindsText(level: { smallBlind: number; bigBlind: number; ante?: number }, chips: (n: number) => string): string {
  return `${chips(level.smallBlind)}/${chips(level.bigBlind)}${level.ante ? ` ante ${chips(level.ante)}` : ''}`;
}

/**
 * The clock as shown: the level (the live room's when joined, else the
 * detail's), its blinds, the time left in it or in the break, the next level
 * when the structure is known.
 */
export type ClockView = {
  level: number; smallBlind: number; bigBlind: number; ante: number;
  onBreak: boolean;
  paused: boolean;
  /** Epoch ms the level or the break ends; null when it does not run (before the start, paused, the last level). */
  endsAt: number | null;
  next: { smallBlind: number; bigBlind: number; ante: number } | null;
  /** Levels until the next break (1: after this one), when the structure says; null when unknown or none. */
  levelsToBreak: number | null;
};

export function clockView(detail: TournamentDetail | null, live: TournamentRoomView | null): ClockView | null {
  // The room's level once it has blinds (before the start it may carry none yet).
  const fromRoom = live && live.level > 0 && live.bigBlind > 0 ? live : null;
  const level = fromRoom
    ? { number: fromRoom.level, smallBlind: fromRoom.smallBlind, bigBlind: fromRoom.bigBlind, ante: fromRoom.ante, endsAt: fromRoom.levelEndsAt || null }
    : detail?.level ?? null;
  if (!level) return null;
  const onBreak = fromRoom ? fromRoom.onBreak : Boolean(detail?.onBreak);
  const breakEndsAt = fromRoom ? fromRoom.breakEndsAt || null : detail?.breakEndsAt ?? null;
  const next = detail?.structure?.levels[level.number] ?? null;
  const every = detail?.structure?.breakEvery ?? 0;
  const levelsToBreak = every > 0 ? every - ((level.number - 1) % every) : null;
  return {
    level: level.number, smallBlind: level.smallBlind, bigBlind: level.bigBlind, ante: level.ante,
    onBreak, paused: Boolean(live?.paused), endsAt: onBreak ? breakEndsAt : level.endsAt,
    next: next ? { smallBlind: next.smallBlind, bigBlind: next.bigBlind, ante: next.ante ?? 0 } : null,
    levelsToBreak,
  };
}

export type StandingRow = Standing & { rank: number; isMe: boolean; out: boolean };

/**
 * The standings in the order shown: players still in by stack (largest
 * first, unknown stacks last), then players out by place. `rank` is the row's
 * position; a player out ranks at their place.
 */
export function standingRows(standings: readonly Standing[], playerId: string | null): StandingRow[] {
  const inPlay = standings.filter((s) => s.place === null).sort((a, b) => (b.stack ?? -1) - (a.stack ?? -1) || a.name.localeCompare(b.name));
  const out = standings.filter((s) => s.place !== null).sort((a, b) => (a.place ?? 0) - (b.place ?? 0));
  return [
    ...inPlay.map((s, i) => ({ ...s, rank: i + 1, isMe: s.playerId === playerId, out: false })),
    ...out.map((s) => ({ ...s, rank: s.place ?? 0, isMe: s.playerId === playerId, out: true })),
  ];
}

/** `1st`, `2nd`, `3rd`, `11th`, `22nd`. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Whether the viewer has an entry: registered before the start, or in the standings after. */
export function isEntered(detail: TournamentDetail | null, playerId: string | null): boolean {
  return Boolean(detail && playerId && detail.standings.some((s) => s.playerId === playerId));
}

/** The viewer's table while they are still in, from the standings (null when unknown). */
export function myTable(detail: TournamentDetail | null, playerId: string | null): string | null {
  const mine = detail?.standings.find((s) => s.playerId === playerId);
  return mine && mine.place === null ? mine.tableId : null;
}

/** When an mtt starts, as epoch ms; null for a sit-and-go. */
export function startsAtMs(summary: Pick<TournamentSummary, 'startsAt'>): number | null {
  if (summary.startsAt === null || summary.startsAt === undefined) return null;
  const ms = typeof summary.startsAt === 'number' ? summary.startsAt : Date.parse(summary.startsAt);
  return Number.isNaN(ms) ? null : ms;
}

/** The result line a player sees when they are out or the tournament is over. */
export function resultText(place: number, prize: number, chips: (n: number) => string): string {
  return prize > 0 ? `You finished ${ordinal(place)} and won ${chips(prize)}.` : `You finished ${ordinal(place)}.`;
}
