import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhh, parsePhhs } from '../engine/phh/parse.ts';
import { verifyPhh } from '../engine/phh/replay.ts';
import { writePhhs } from '../engine/phh/write.ts';
import type { PhhDocument } from '../engine/phh/document.ts';
import { CORPUS_VARIANTS, corpusFileName, playCorpus } from './phh-corpus.ts';

// The command line around the pure PHH modules (the engine itself does no I/O):
// `npm run phh -- verify <files or folders...>` and `npm run phh -- corpus <folder> [seed]`.

const USAGE = `usage: npm run phh -- verify <files or folders...>
       npm run phh -- corpus <folder> [seed]   (writes one .phhs file per variant; seed 1 makes test/engine/phh/corpus)`;

function collect(path: string, into: string[]): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) collect(join(path, entry), into);
  } else if (path.endsWith('.phh') || path.endsWith('.phhs')) into.push(path);
}

function readHands(file: string): PhhDocument[] {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.phhs') ? parsePhhs(text) : [parsePhh(text)];
}

function verify(paths: string[]): number {
  const files: string[] = [];
  for (const path of paths) {
    try {
      collect(path, files);
    } catch {
      console.error(`${path}: no such file or folder`);
      return 2;
    }
  }
  let passed = 0;
  let failed = 0;
  let repaired = 0;
  for (const file of files) {
    let hands: PhhDocument[];
    try {
      hands = readHands(file);
    } catch (error) {
      failed++;
      console.log(`${file}: ${(error as Error).message}`);
      continue;
    }
    hands.forEach((doc, index) => {
      const outcome = verifyPhh(doc);
      if (outcome.ok) {
        passed++;
        if (outcome.repairs > 0) repaired++;
      }
      else {
        failed++;
        const where = file.endsWith('.phhs') ? `${file}#${index + 1}` : file;
        console.log(`${where}: ${outcome.reason}`);
      }
    });
  }
  if (repaired > 0) console.log(`${repaired} of the passing hands left out checks or folds, inserted as PokerKit does`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function corpus(folder: string, seedText = '1'): number {
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    console.error(`seed "${seedText}" is not a whole number`);
    return 2;
  }
  mkdirSync(folder, { recursive: true });
  for (const variant of CORPUS_VARIANTS) {
    const hands = playCorpus(variant, seed);
    const file = join(folder, corpusFileName(variant));
    writeFileSync(file, writePhhs(hands.map((hand) => hand.doc)));
    console.log(`${file}: ${hands.length} hands`);
  }
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'verify' && rest.length > 0) process.exitCode = verify(rest);
else if (command === 'corpus' && rest.length >= 1 && rest.length <= 2) process.exitCode = corpus(rest[0], rest[1]);
else {
  console.error(USAGE);
  process.exitCode = 2;
}
