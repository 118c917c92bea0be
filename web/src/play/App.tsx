// The play client: sign in, the lobby, a table, your history.
import { useEffect } from 'preact/hooks';
import { formatChips } from '../shared/format.ts';
import { currentPath, Link, match } from '../shared/router.tsx';
import { History } from './history/History.tsx';
import { Replayer } from './history/Replayer.tsx';
import { Lobby } from './Lobby.tsx';
import { SignIn } from './SignIn.tsx';
import { refreshMe, sessions, signOut, wallet } from './state.ts';
import { TablePage } from './table/TablePage.tsx';
import { followed, forget, stopFollowing } from './tournament/tournament-follow.ts';
import { TournamentPage, TournamentResult } from './tournament/TournamentPage.tsx';

const WALLET_REFRESH_MS = 15_000;

function Header() {
  const session = sessions.session.value;
  return (
    <header class="app-head">
      <Link href="/" class="brand">Felt</Link>
      {session && (
        <>
          <nav aria-label="Main">
            <Link href="/">Lobby</Link>
            <Link href="/history">History</Link>
          </nav>
          <div class="account" aria-label="You">
            <span class="account-name">{session.user.name}</span>
            <span class="account-wallet" aria-label="Wallet">{wallet.value === null ? '…' : formatChips(wallet.value)}</span>
            <button type="button" class="quiet" onClick={signOut}>Sign out</button>
          </div>
        </>
      )}
    </header>
  );
}

function Page() {
  const path = currentPath.value;
  let params: Record<string, string> | null;
  if ((params = match('/table/:tableId', path))) return <TablePage key={params.tableId} tableId={params.tableId} />;
  if ((params = match('/tournament/:tournamentId', path))) return <TournamentPage key={params.tournamentId} tournamentId={params.tournamentId} />;
  if ((params = match('/history/:handId', path))) return <Replayer handId={params.handId} />;
  if (match('/history', path)) return <History />;
  if (path === '/' || path === '') return <Lobby />;
  return (
    <main class="not-found">
      <h1>Nothing here</h1>
      <p><Link href="/">Go to the lobby</Link></p>
    </main>
  );
}

/** A result from a tournament followed in the background (the player is on another page): out, or over. */
function TournamentResults() {
  const path = currentPath.value;
  const shown = followed().filter((f) => (f.eliminated.value || f.finished.value) && !path.startsWith('/table/') && path !== `/tournament/${encodeURIComponent(f.tournamentId)}`);
  if (shown.length === 0) return null;
  return (
    <div class="t-results">
      {shown.map((f) => (
        <div key={f.tournamentId} class="t-results-item">
          <TournamentResult followed={f} />
          <Link href={`/tournament/${encodeURIComponent(f.tournamentId)}`}>{f.state.value?.name ? `See ${f.state.value.name}` : 'See the tournament'}</Link>
          <button type="button" class="quiet" onClick={() => forget(f)}>Dismiss</button>
        </div>
      ))}
    </div>
  );
}

export function App() {
  const signedIn = Boolean(sessions.session.value);
  useEffect(() => {
    if (!signedIn) stopFollowing();
  }, [signedIn]);
  useEffect(() => {
    if (!signedIn) return;
    void refreshMe();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshMe();
    }, WALLET_REFRESH_MS);
    return () => clearInterval(timer);
  }, [signedIn]);
  return (
    <>
      <Header />
      {signedIn && <TournamentResults />}
      {signedIn ? <Page /> : <SignIn />}
    </>
  );
}
