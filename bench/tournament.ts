// `tournament.mtt_1000_s`: a multi-table tournament of instant bots (1,000
// entrants unless `--entrants N` or FELT_BENCH_MTT_ENTRANTS says fewer) with
// 60 s levels, on two Felt processes sharing PostgreSQL and Redis (the test
// cluster of test/support/cluster.ts), from the start to a winner. Reports the
// duration, hands, moves, the largest table-size spread after balancing (must
// be ≤ 1), whether chips and prizes balance, and the CPU of the tournament
// actor's process per hand (that process also hosts about half the tables).
// `node bench/tournament.ts [--entrants N]` runs it alone.
import { runTournamentLoad } from '../loadtest/tournament-load.ts';
import { pinProcess, sampleProcess } from '../loadtest/proc.ts';
import { rerunWithBotsFlags } from '../loadtest/bots-process.ts';
import { openDatabase } from '../src/persistence/database.ts';
import { clusterUnavailable, startCluster } from '../test/support/cluster.ts';
import type { ServerFigure } from './server.ts';

const NAME = 'tournament.mtt_1000_s';
const ADMIN = { username: 'director', password: 'director-password-1' };
const LEVEL_SECONDS = 60;

/** The entrants asked for: `--entrants N`, else FELT_BENCH_MTT_ENTRANTS, else 1,000. */
export function mttEntrants(argv = process.argv, env = process.env): number {
  const flag = argv.indexOf('--entrants');
  const asked = Number(flag >= 0 ? argv[flag + 1] : env.FELT_BENCH_MTT_ENTRANTS ?? 1000);
  if (!Number.isInteger(asked) || asked < 2) throw new Error(`--entrants must be a whole number of at least 2, not ${argv[flag + 1] ?? env.FELT_BENCH_MTT_ENTRANTS}`);
  return asked;
}

/** `--level-seconds S` / `--timeout-s S` (or FELT_BENCH_MTT_LEVEL_S / FELT_BENCH_MTT_TIMEOUT_S): shorter levels or an earlier give-up for a quick look; the figure says which were used. */
export function mttSeconds(name: 'level' | 'timeout', argv = process.argv, env = process.env): number | undefined {
  const flag = argv.indexOf(name === 'level' ? '--level-seconds' : '--timeout-s');
  const raw = flag >= 0 ? argv[flag + 1] : env[name === 'level' ? 'FELT_BENCH_MTT_LEVEL_S' : 'FELT_BENCH_MTT_TIMEOUT_S'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`the ${name} seconds must be a whole number of at least 1, not ${raw}`);
  return seconds;
}

/** Measures `tournament.mtt_1000_s` with `entrants` bots, or says (value null) why it cannot be measured here. */
export async function benchTournament(options: { entrants: number; serverCpus?: string; levelSeconds?: number; timeoutS?: number }): Promise<ServerFigure> {
  const unavailable = clusterUnavailable();
  if (unavailable) return { name: NAME, value: null, unit: 's', reason: unavailable };
  const cluster = await startCluster(2, {
    // Instant bots act faster than people: the message budget is raised as the load test's own server raises it.
    env: { FELT_ADMIN_USERNAME: ADMIN.username, FELT_ADMIN_PASSWORD: ADMIN.password, FELT_MESSAGE_RATE: '100' },
  }).catch((error: Error) => error);
  if (cluster instanceof Error) return { name: NAME, value: null, unit: 's', reason: `the cluster did not start: ${cluster.message}` };
  const db = await openDatabase({ databaseUrl: cluster.databaseUrl, deckKey: cluster.deckKey });
  try {
    if (options.serverCpus) for (const node of cluster.nodes) if (node.child.pid) pinProcess(node.child.pid, options.serverCpus);
    const levelSeconds = options.levelSeconds ?? LEVEL_SECONDS;
    let cpuAtStart: { ownerIndex: number; cpuMs: number[] } | null = null;
    const report = await runTournamentLoad({
      kind: 'mtt', entrants: options.entrants, tableSize: 9, thinkMs: 0, levelSeconds,
      url: cluster.nodes[0].url, spawn: false, admin: ADMIN, timeoutS: options.timeoutS ?? 1800,
      log: (line) => console.error(`bench: ${line}`),
      async during({ tournamentId }) {
        const owner = (await db.tournaments.get(tournamentId))?.ownerProcess;
        cpuAtStart = { ownerIndex: cluster.nodes.findIndex((node) => node.processId === owner), cpuMs: cluster.nodes.map((node) => cpuMsOf(node.child.pid)) };
      },
    });
    const cpuAtEnd = cluster.nodes.map((node) => cpuMsOf(node.child.pid));
    const start = cpuAtStart as { ownerIndex: number; cpuMs: number[] } | null;
    const perHand = (ms: number): number | null => (report.hands > 0 ? Math.round((ms / report.hands) * 1000) / 1000 : null);
    const used = start ? cpuAtEnd.map((ms, i) => ms - start.cpuMs[i]) : [];
    const finished = report.status === 'finished';
    return {
      name: NAME, value: finished ? report.durationS : null, unit: 's',
      ...(finished ? {} : { reason: `the tournament did not finish within the time allowed (status ${report.status}, ${report.durationS} s)` }),
      entrants: options.entrants, levelSeconds, database: 'postgresql', presence: 'redis', processes: 2,
      setupS: report.setupS, hands: report.hands, moves: report.moves, tablesOpened: report.tablesOpened, tableBreaks: report.tableBreaks,
      handForHandHands: report.handForHandHands, actions: report.actions,
      largestSpread: report.largestSpread, spreadSamples: report.spreadSamples, largestSpreadAnyTime: report.largestSpreadAnyTime,
      balanced: report.balance.ok, prizePool: report.balance.prizePool, prizesPaid: report.balance.prizesPaid,
      placesDistinct: report.balance.placesDistinct, walletsBalance: report.balance.walletsBalance,
      placeProblems: report.balance.placeProblems.slice(0, 10), walletsOff: report.balance.walletsOff.slice(0, 10),
      chipSamples: report.balance.chipSamples, chipSamplesEqual: report.balance.chipSamplesEqual,
      actorProcessCpuMsPerHand: start && start.ownerIndex >= 0 ? perHand(used[start.ownerIndex]) : null,
      otherProcessCpuMsPerHand: start && start.ownerIndex >= 0 ? perHand(used[1 - start.ownerIndex]) : null,
      errors: report.errors,
    };
  } catch (error) {
    return { name: NAME, value: null, unit: 's', reason: `the measurement failed: ${(error as Error).message}` };
  } finally {
    await db.close();
    await cluster.close();
  }
}

function cpuMsOf(pid: number | undefined): number {
  return (pid && sampleProcess(pid)?.cpuMs) || 0;
}

if (import.meta.main) {
  const code = rerunWithBotsFlags();
  if (code !== null) process.exit(code);
  console.log(JSON.stringify(await benchTournament({ entrants: mttEntrants(), levelSeconds: mttSeconds('level'), timeoutS: mttSeconds('timeout') })));
  process.exit(0);
}
