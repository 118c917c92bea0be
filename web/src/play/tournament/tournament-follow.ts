// Following a tournament through its `tournament` room (PROTOCOL.md, "The
// tournament room"): its live clock and field, and, for a player in it, the
// messages that take them to their table (`seated`), tell them they are out
// (`eliminated`) and that it is over (`finished`). One follow per tournament
// for the whole app, so a player moves from the tournament page to their
// table and from table to table without losing the room. A tournament that
// no process runs yet (or any more) cannot be joined: the follow tries again
// now and then while its page is open or the player is in it.
import type { Room } from '@colyseus/sdk';
import { signal } from '@preact/signals';
import { navigate, currentPath } from '../../shared/router.tsx';
import { readTournamentState, type Standing, type TournamentRoomView } from '../../shared/tournament-model.ts';
import { refreshMe, sdk, token } from '../state.ts';

export type FollowStatus = 'connecting' | 'live' | 'absent' | 'closed';

const RETRY_MS = 5_000;
const CONSENTED = 4000;

export class TournamentFollow {
  readonly tournamentId: string;
  readonly status = signal<FollowStatus>('connecting');
  readonly state = signal<TournamentRoomView | null>(null);
  /** The player's table and seat, from the last `seated`. */
  readonly seat = signal<{ tableId: string; seat: number } | null>(null);
  readonly eliminated = signal<{ place: number; prize: number } | null>(null);
  readonly finished = signal<Standing[] | null>(null);
  /** Pages that show this tournament now; with none and the player not in it, the follow ends. */
  users = 0;
  /** The player is in the tournament (registered, or seated): keep following from any page. */
  playing = false;
  private room: Room | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(tournamentId: string) {
    this.tournamentId = tournamentId;
  }

  start(): void {
    void this.join();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const room = this.room;
    this.room = null;
    void room?.leave(true).catch(() => undefined);
  }

  private async join(): Promise<void> {
    if (this.stopped) return;
    try {
      // Signed in, the player's token tells the room who they are (their seat); without one, a watcher.
      const signedIn = token();
      const room = await sdk().joinById(this.tournamentId, signedIn ? { token: signedIn } : {});
      if (this.stopped) {
        void room.leave(true).catch(() => undefined);
        return;
      }
      this.attach(room);
    } catch {
      this.status.value = 'absent';
      this.retry();
    }
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.join(), RETRY_MS);
  }

  private attach(room: Room): void {
    this.room = room;
    this.status.value = 'live';
    room.onStateChange((state) => {
      this.state.value = readTournamentState(state);
    });
    room.onMessage('seated', (seat: { tableId: string; seat: number }) => {
      const before = this.seat.value;
      this.seat.value = seat;
      this.playing = true;
      // A new table (the start, a move): go there. The same table again (sent on every join) leaves the page as it is.
      if (before?.tableId !== seat.tableId) goToTable(seat.tableId);
    });
    room.onMessage('eliminated', (result: { place: number; prize: number }) => {
      this.eliminated.value = result;
      this.seat.value = null;
      // A prize is in the wallet now.
      if (result.prize > 0) void refreshMe();
    });
    room.onMessage('finished', (message: { standings: Standing[] }) => {
      this.finished.value = message.standings ?? [];
      void refreshMe();
    });
    // Messages the page has no use for are ignored rather than logged as unhandled.
    room.onMessage('*', () => undefined);
    room.onLeave((code) => {
      if (this.stopped || this.room !== room) return;
      this.room = null;
      if (code === CONSENTED || this.finished.value) {
        this.status.value = 'closed';
        return;
      }
      this.status.value = 'connecting';
      this.retry();
    });
  }
}

function goToTable(tableId: string): void {
  const path = `/table/${encodeURIComponent(tableId)}`;
  if (currentPath.value !== path) navigate(path);
}

const follows = new Map<string, TournamentFollow>();
export const followsChanged = signal(0);

/** The follow of `tournamentId`, started on first use; `release` when the page showing it goes. */
export function follow(tournamentId: string): TournamentFollow {
  let current = follows.get(tournamentId);
  if (!current) {
    current = new TournamentFollow(tournamentId);
    follows.set(tournamentId, current);
    current.start();
    followsChanged.value++;
  }
  current.users++;
  return current;
}

export function release(current: TournamentFollow): void {
  current.users = Math.max(0, current.users - 1);
  if (current.users > 0 || (current.playing && !current.finished.value)) return;
  current.stop();
  follows.delete(current.tournamentId);
  followsChanged.value++;
}

/** Stops following at once, whoever shows it (the player dismissed its result). */
export function forget(current: TournamentFollow): void {
  current.stop();
  follows.delete(current.tournamentId);
  followsChanged.value++;
}

/** Every tournament followed now (for the result banner). */
export function followed(): TournamentFollow[] {
  void followsChanged.value;
  return [...follows.values()];
}

/** Ends every follow (signing out). */
export function stopFollowing(): void {
  for (const current of follows.values()) current.stop();
  follows.clear();
  followsChanged.value++;
}
