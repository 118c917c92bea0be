// `npm run loadtest -- --tables N --bots M --duration S --think MS [--spawn]`, or
// `npm run loadtest -- --tournament sng|mtt --entrants N [--spawn]`:
// bots play at a Felt server for a bounded time, then a summary is printed.
import { rerunWithBotsFlags } from './bots-process.ts';
import { runLoad } from './load.ts';
import { parseOptions, USAGE, UsageError } from './options.ts';
import { formatSummary } from './summary.ts';
import { asksForTournament, parseTournamentOptions, TOURNAMENT_USAGE } from './tournament-options.ts';
import { formatTournamentReport, runTournamentLoad } from './tournament-load.ts';

const rerun = rerunWithBotsFlags();
if (rerun !== null) process.exit(rerun);

if (asksForTournament(process.argv.slice(2))) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(TOURNAMENT_USAGE);
    process.exit(0);
  }
  let asked: ReturnType<typeof parseTournamentOptions>;
  try {
    asked = parseTournamentOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${TOURNAMENT_USAGE}`);
    process.exit(2);
  }
  if (asked.help) {
    console.log(TOURNAMENT_USAGE);
    process.exit(0);
  }
  const played = await runTournamentLoad({ ...asked, log: (line) => console.error(`loadtest: ${line}`) });
  console.log(asked.json ? JSON.stringify(played) : formatTournamentReport(played));
  process.exit(played.balance.ok ? 0 : 1);
}

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const report = await runLoad({ ...options, log: (line) => console.error(`loadtest: ${line}`) });
console.log(options.json ? JSON.stringify(report) : formatSummary(report));
// Sockets the SDK keeps alive (HTTP keep-alive, closing websockets) must not hold the run open.
process.exit(0);
