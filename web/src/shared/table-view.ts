// The `table` room's state (PROTOCOL.md, `TableState`) read into plain
// objects once per patch, so components compare and render plain data and
// never hold on to the SDK's live schema instances.

/** `Seat.legal`: what the seat's owner may do now; only in the owner's view. */
export type LegalView = {
  fold: boolean; check: boolean; call: boolean;
  callAmount: number; minRaiseTo: number; maxRaiseTo: number;
  /** Draw games (PROTOCOL.md, "Games"): a draw is due, of at most `maxDiscards` cards. */
  draw?: boolean; maxDiscards?: number;
  /** Stud: the player may post the bring-in (`act {action: "bringIn"}`) of `bringInAmount`, or complete it (`raise`). */
  bringIn?: boolean; bringInAmount?: number;
  /** All in with no betting left: the player is asked whether to run the board twice (`runItTwice {agree}`). */
  runItTwice?: boolean;
};

export type SeatView = {
  seat: number; playerId: string; name: string; stack: number; bet: number;
  status: string; lastAction: string;
  /** Hole cards: filled in the owner's view only. */
  cards: string[];
  shownCards: string[];
  upCards: string[];
  /** Draw games: how many cards the player drew at each draw of this hand (0: stood pat), public; never which. */
  drew: number[];
  /** Whether the player's straddle is on for the coming hands (cash tables that offer straddles). */
  straddle: boolean;
  legal: LegalView | null;
};

export type PotView = { amount: number; eligible: number[] };

export type TableView = {
  tableId: string; name: string; variant: string;
  smallBlind: number; bigBlind: number; ante: number; minBuyIn: number; maxBuyIn: number; maxSeats: number;
  /** Fixed limit: the game's small and big bet; stud: its bring-in (0 where none). */
  smallBet: number; bigBet: number; bringIn: number;
  handNumber: number; phase: string; board: string[]; pots: PotView[];
  button: number; toAct: number; actionDeadline: number;
  /** By seat index; empty seats are undefined. */
  seats: (SeatView | undefined)[];
  waiting: string[];
  /** Tournament tables carry their tournament's id (PROTOCOL.md, "Tournament tables"); empty for cash tables. */
  tournamentId: string;
  /** Every runout when the board runs more than once (run it twice); empty otherwise, `board` then holds the one board. */
  boards: string[][];
  /** Mixed games: the rotation's name or games, empty for a single game; `handsToNextGame` counts down to the change. */
  rotation: string;
  rotationGames: string[];
  handsToNextGame: number;
  /** The hand in play is a bomb pot. */
  bombPot: boolean;
  /** The table lets players choose to straddle (`straddle {on}`): its options' `straddles` is not `none`. */
  straddleOffered: boolean;
  /** Who may straddle (`none`, `utg`, `any` …, from `TableState.options`). */
  straddles: string;
  /** Epoch ms until which the players all in are asked whether to run it twice; 0 when nobody is asked. */
  runItTwiceAsk: number;
  /** Players may vote for the next hand to be a bomb pot (`bombPot {vote}`); the votes so far. */
  bombPotVote: boolean;
  bombPotVotes: number;
};

export const SEAT_STATUS = {
  active: 'active', folded: 'folded', allin: 'allin', sittingOut: 'sittingOut', disconnected: 'disconnected',
} as const;

const list = <T,>(values: Iterable<T> | undefined | null): T[] => (values ? Array.from(values) : []);

function readLegal(legal: any): LegalView | null {
  if (!legal) return null;
  const view: LegalView = {
    fold: Boolean(legal.fold), check: Boolean(legal.check), call: Boolean(legal.call),
    callAmount: legal.callAmount ?? 0, minRaiseTo: legal.minRaiseTo ?? 0, maxRaiseTo: legal.maxRaiseTo ?? 0,
  };
  if (legal.draw !== undefined) view.draw = Boolean(legal.draw);
  if (legal.maxDiscards !== undefined) view.maxDiscards = legal.maxDiscards;
  if (legal.bringIn !== undefined) view.bringIn = Boolean(legal.bringIn);
  if (legal.bringInAmount !== undefined) view.bringInAmount = legal.bringInAmount;
  if (legal.runItTwice !== undefined) view.runItTwice = Boolean(legal.runItTwice);
  return view;
}

/** A runout as the state may carry it: a list of cards, a `{cards}` schema object, or the cards as one string (`AsKd7h`). */
function readBoard(board: any): string[] {
  if (typeof board === 'string') return board.replace(/[\s,]+/g, '').match(/../g) ?? [];
  if (board && typeof board === 'object' && 'cards' in board) return list<string>(board.cards);
  return list<string>(board);
}

/** The rotation as a name (`HORSE`) or a list of games; both read as a label and the games. */
function readRotation(rotation: any): { label: string; games: string[] } {
  if (!rotation) return { label: '', games: [] };
  if (typeof rotation === 'string') return { label: rotation, games: [] };
  if (typeof rotation === 'object' && 'name' in rotation) return { label: String(rotation.name ?? ''), games: list<string>(rotation.games ?? rotation.variants) };
  const games = list<any>(rotation).map((game) => (typeof game === 'string' ? game : String(game?.variant ?? ''))).filter(Boolean);
  return { label: rotationName(games), games };
}

/** Rotations card rooms name (the wire sends the games only). */
const NAMED_ROTATIONS: [string, string[]][] = [
  ['HORSE', ['FT', 'FO/8', 'FR', 'F7S', 'F7S/8']],
  ['HOSE', ['FT', 'FO/8', 'F7S', 'F7S/8']],
];

function rotationName(games: string[]): string {
  const named = NAMED_ROTATIONS.find(([, list]) => list.length === games.length && list.every((code, i) => code === games[i]));
  return named ? named[0] : '';
}

/** The draw counts: a list (one per draw), or a single count from an older shape; negative counts mean none. */
function readDrew(drew: any): number[] {
  if (typeof drew === 'number') return drew >= 0 ? [drew] : [];
  return list<number>(drew).filter((count) => typeof count === 'number' && count >= 0);
}

/** The decoded state as plain data (`state` is the SDK's `room.state`). */
export function readTable(state: any): TableView {
  const seats: (SeatView | undefined)[] = new Array(state.maxSeats ?? 0).fill(undefined);
  state.seats?.forEach((seat: any) => {
    seats[seat.seat] = {
      seat: seat.seat, playerId: seat.playerId, name: seat.name, stack: seat.stack ?? 0, bet: seat.bet ?? 0,
      status: seat.status ?? SEAT_STATUS.active, lastAction: seat.lastAction ?? '',
      cards: list<string>(seat.cards), shownCards: list<string>(seat.shownCards), upCards: list<string>(seat.upCards),
      drew: readDrew(seat.drew), straddle: Boolean(seat.straddle),
      legal: readLegal(seat.legal),
    };
  });
  const rotation = readRotation(state.rotation);
  const straddles: string = state.options?.straddles || 'none';
  return {
    tableId: state.tableId ?? '', name: state.name ?? '', variant: state.variant ?? '',
    smallBlind: state.smallBlind ?? 0, bigBlind: state.bigBlind ?? 0, ante: state.ante ?? 0,
    minBuyIn: state.minBuyIn ?? 0, maxBuyIn: state.maxBuyIn ?? 0, maxSeats: state.maxSeats ?? 0,
    smallBet: state.smallBet ?? 0, bigBet: state.bigBet ?? 0, bringIn: state.bringIn ?? 0,
    handNumber: state.handNumber ?? 0, phase: state.phase ?? 'waiting', board: list<string>(state.board),
    pots: list<any>(state.pots).map((pot) => ({ amount: pot.amount ?? 0, eligible: list<number>(pot.eligible) })),
    button: state.button ?? -1, toAct: state.toAct ?? -1, actionDeadline: state.actionDeadline ?? 0,
    seats, waiting: list<string>(state.waiting), tournamentId: state.tournamentId ?? '',
    boards: list<any>(state.boards).map(readBoard).filter((board) => board.length > 0),
    rotation: rotation.label, rotationGames: rotation.games, handsToNextGame: state.handsToNextGame ?? 0,
    bombPot: Boolean(state.bombPot), straddles, straddleOffered: straddles !== 'none',
    runItTwiceAsk: state.runItTwiceAsk ?? 0, bombPotVote: Boolean(state.options?.bombPotVote), bombPotVotes: state.bombPotVotes ?? 0,
  };
}

/** The hand has been played out and is on display until the next deal (the room keeps `showdown` with no pots). */
export function isHandOver(view: TableView): boolean {
  return view.phase === 'showdown' && view.pots.length === 0;
}

export function isHandLive(view: TableView): boolean {
  return view.phase !== 'waiting' && !isHandOver(view);
}

/** Whether the legal actions offer anything: it is this seat's turn. */
export function hasTurn(legal: LegalView | null): legal is LegalView {
  return Boolean(legal && (legal.fold || legal.check || legal.call || legal.draw || legal.bringIn || legal.runItTwice));
}

export function totalPot(view: TableView): number {
  return view.pots.reduce((sum, pot) => sum + pot.amount, 0);
}

/** The seats still contesting a pot: everyone eligible for the main pot. */
export function contenders(view: TableView): Set<number> {
  return new Set(view.pots[0]?.eligible ?? []);
}
