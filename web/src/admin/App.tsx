// The admin dashboard: overview, templates, tables, players, hands, tournaments, insights, jobs.
import { useEffect } from 'preact/hooks';
import { currentPath, Link, match } from '../shared/router.tsx';
import { Hands } from './Hands.tsx';
import { Insights } from './Insights.tsx';
import { Jobs } from './Jobs.tsx';
import { Overview } from './Overview.tsx';
import { Players } from './Players.tsx';
import { SignIn } from './SignIn.tsx';
import { checkSession, sessions, signOut } from './state.ts';
import { Tables } from './Tables.tsx';
import { Templates } from './Templates.tsx';
import { Tournaments } from './Tournaments.tsx';

const SECTIONS: [string, string][] = [
  ['/admin', 'Overview'], ['/admin/templates', 'Templates'], ['/admin/tables', 'Tables'], ['/admin/players', 'Players'],
  ['/admin/hands', 'Hands'], ['/admin/tournaments', 'Tournaments'], ['/admin/insights', 'Insights'], ['/admin/jobs', 'Jobs'],
];

function Section() {
  const path = currentPath.value.replace(/\/+$/, '') || '/admin';
  let params: Record<string, string> | null;
  if (path === '/admin') return <Overview />;
  if (path === '/admin/templates') return <Templates />;
  if ((params = match('/admin/tables/:tableId', path))) return <Tables watching={params.tableId} />;
  if (path === '/admin/tables') return <Tables watching={null} />;
  if ((params = match('/admin/players/:playerId', path))) return <Players selected={params.playerId} />;
  if (path === '/admin/players') return <Players selected={null} />;
  if ((params = match('/admin/hands/:handId', path))) return <Hands selected={params.handId} />;
  if (path === '/admin/hands') return <Hands selected={null} />;
  if ((params = match('/admin/tournaments/:tournamentId', path))) return <Tournaments selected={params.tournamentId} />;
  if (path === '/admin/tournaments') return <Tournaments selected={null} />;
  if (path === '/admin/insights') return <Insights />;
  if (path === '/admin/jobs') return <Jobs />;
  return <main><h1>Nothing here</h1><Link href="/admin">Overview</Link></main>;
}

export function App() {
  const session = sessions.session.value;
  useEffect(() => void checkSession(), []);
  if (!session) return <SignIn />;
  const path = currentPath.value;
  return (
    <div class="admin">
      <header class="app-head">
        <Link href="/admin" class="brand">Felt admin</Link>
        <nav aria-label="Sections" class="sections">
          {SECTIONS.map(([href, label]) => (
            <Link key={href} href={href} aria-current={(href === '/admin' ? path === '/admin' || path === '/admin/' : path.startsWith(href)) ? 'page' : undefined}>{label}</Link>
          ))}
          <a href="/monitor/" target="_blank" rel="noopener">Monitor</a>
          <a href="/docs" target="_blank" rel="noopener">API</a>
        </nav>
        <div class="account">
          <span>{session.user.name}</span>
          <button type="button" class="quiet" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <Section />
    </div>
  );
}
