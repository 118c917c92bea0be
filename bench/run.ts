// `npm run bench`: every benchmark, one JSON line per figure. Figures are
// throughput on one core of this machine; run it on an idle machine.
import { spawnSync } from 'node:child_process';
import { benchEvaluators } from './evaluator.ts';
import { benchEngine } from './engine.ts';
import { benchPhhReplay } from './phh.ts';
import { benchWeb } from './web.ts';
import { printFigure } from './figure.ts';
import { ONE_CORE_NODE_FLAGS } from '../loadtest/proc.ts';

for (const figure of await benchEvaluators()) printFigure(figure);
for (const figure of benchEngine()) printFigure(figure);
for (const figure of benchPhhReplay()) printFigure(figure);
for (const figure of await benchWeb()) console.log(JSON.stringify(figure));
// The server figures' bots, pinned to one core, need Node flags of their own (`ONE_CORE_NODE_FLAGS`): they run in a child.
const server = spawnSync(process.execPath, [...ONE_CORE_NODE_FLAGS, new URL('./server.ts', import.meta.url).pathname], { stdio: 'inherit' });
process.exitCode = server.status ?? 1;
