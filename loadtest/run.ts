// `npm run loadtest -- --tables N --bots M --duration S --think MS [--spawn]`:
// bots play at a Felt server for a bounded time, then a summary is printed.
import { rerunWithBotsFlags } from './bots-process.ts';
import { runLoad } from './load.ts';
import { parseOptions, USAGE, UsageError } from './options.ts';
import { formatSummary } from './summary.ts';

const rerun = rerunWithBotsFlags();
if (rerun !== null) process.exit(rerun);

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
