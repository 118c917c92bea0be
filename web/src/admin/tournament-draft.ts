// The admin's new-tournament form as data: the draft the inputs edit, the
// body of `POST /api/admin/tournaments` it becomes (PROTOCOL.md), and the
// levels editor's steps. The API checks everything; this only shapes input.

export type LevelDraft = { smallBlind: number; bigBlind: number; ante: number; seconds: number };

export type TournamentDraft = {
  name: string; kind: 'sng' | 'mtt'; variant: string;
  buyIn: number; fee: number; startingStack: number; tableSize: number; minEntrants: number; maxEntrants: number;
  /** `datetime-local` text (mtt only); '' for none. */
  startsAt: string;
  /** Percentages, first place first, `50, 30, 20`; '' for the default schedule. */
  payouts: string;
  /** 0 for no breaks. */
  breakEvery: number; breakSeconds: number;
  levels: LevelDraft[];
};

export const TOURNAMENT_VARIANTS = ['NT', 'FT', 'NS', 'PO', 'FO/8', 'F7S', 'F7S/8', 'FR', 'N2L1D', 'F2L3D', 'FB'];

export const BLANK_TOURNAMENT: TournamentDraft = {
  name: '', kind: 'sng', variant: 'NT', buyIn: 100, fee: 10, startingStack: 1500, tableSize: 6, minEntrants: 2, maxEntrants: 6,
  startsAt: '', payouts: '', breakEvery: 0, breakSeconds: 0,
  levels: [
    { smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 },
    { smallBlind: 15, bigBlind: 30, ante: 0, seconds: 300 },
    { smallBlind: 25, bigBlind: 50, ante: 5, seconds: 300 },
  ],
};

/** The request body: blank optional fields left out, the start as epoch ms, payouts as numbers. */
export function tournamentBody(draft: TournamentDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: draft.name, kind: draft.kind, variant: draft.variant, buyIn: draft.buyIn, fee: draft.fee,
    startingStack: draft.startingStack, tableSize: draft.tableSize, minEntrants: draft.minEntrants, maxEntrants: draft.maxEntrants,
    levels: draft.levels.map((level) => ({ ...level })),
  };
  if (draft.kind === 'mtt' && draft.startsAt.trim()) {
    const ms = new Date(draft.startsAt).getTime();
    body.startsAt = Number.isNaN(ms) ? draft.startsAt : ms;
  }
  if (draft.payouts.trim()) body.payouts = draft.payouts.split(/[\s,;]+/).filter(Boolean).map(Number);
  if (draft.breakEvery > 0) {
    body.breakEvery = draft.breakEvery;
    body.breakSeconds = draft.breakSeconds;
  }
  return body;
}

/** A level after the last: the blinds doubled, the same length (a starting point the admin edits). */
export function addLevel(levels: readonly LevelDraft[]): LevelDraft[] {
  const last = levels[levels.length - 1];
  const next = last
    ? { smallBlind: last.smallBlind * 2, bigBlind: last.bigBlind * 2, ante: last.ante * 2, seconds: last.seconds }
    : { smallBlind: 10, bigBlind: 20, ante: 0, seconds: 300 };
  return [...levels, next];
}

export function removeLevel(levels: readonly LevelDraft[], index: number): LevelDraft[] {
  return levels.filter((_, i) => i !== index);
}

export function setLevel(levels: readonly LevelDraft[], index: number, key: keyof LevelDraft, value: number): LevelDraft[] {
  return levels.map((level, i) => (i === index ? { ...level, [key]: value } : level));
}

/**
 * The API's messages for the levels editor: the editor's own (`levels`), each
 * level's (`levels.2`) and each cell's (`levels.2.bigBlind`).
 */
export function levelErrors(fields: Record<string, string>): { all: string; rows: Map<number, string>; cells: Map<string, string> } {
  const rows = new Map<number, string>();
  const cells = new Map<string, string>();
  for (const [field, message] of Object.entries(fields)) {
    const match = /^levels\.(\d+)(?:\.(\w+))?$/.exec(field);
    if (!match) continue;
    if (match[2]) cells.set(`${match[1]}.${match[2]}`, message);
    else rows.set(Number(match[1]), message);
  }
  return { all: fields.levels ?? '', rows, cells };
}
