// Who is signed in: the token and user from `/api/auth/*`, kept in
// localStorage so a reload or a new tab stays signed in. One store per page
// (the play client and the dashboard keep separate sessions).
import { signal, type Signal } from '@preact/signals';

export type User = { id: string; name: string; username?: string | null; isAdmin?: boolean };
export type Session = { token: string; user: User };

export type SessionStore = {
  session: Signal<Session | null>;
  signIn(session: Session): void;
  signOut(): void;
};

export function createSessionStore(key: string): SessionStore {
  const load = (): Session | null => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Session | null;
      return saved && typeof saved.token === 'string' && saved.user ? saved : null;
    } catch {
      return null;
    }
  };
  const session = signal<Session | null>(load());
  // Another tab signed in or out.
  addEventListener('storage', (event) => {
    if (event.key === key) session.value = load();
  });
  return {
    session,
    signIn(next) {
      localStorage.setItem(key, JSON.stringify(next));
      session.value = next;
    },
    signOut() {
      localStorage.removeItem(key);
      session.value = null;
    },
  };
}
