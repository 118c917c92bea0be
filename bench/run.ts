// `npm run bench`: every benchmark, one JSON line per figure. Figures are
// throughput on one core of this machine; run it on an idle machine.
import { benchEvaluators } from './evaluator.ts';
import { benchEngine } from './engine.ts';
import { benchPhhReplay } from './phh.ts';
import { printFigure } from './figure.ts';
import { benchServer } from './server.ts';

for (const figure of await benchEvaluators()) printFigure(figure);
for (const figure of benchEngine()) printFigure(figure);
for (const figure of benchPhhReplay()) printFigure(figure);
await benchServer();
