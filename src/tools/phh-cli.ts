import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhh, parsePhhs } from '../engine/phh/parse.ts';
import { verifyPhh } from '../engine/phh/replay.ts';
import type { PhhDocument } from '../engine/phh/document.ts';

// The command line around the pure PHH modules (the engine itself does no I/O): `npm run phh -- verify <files or folders...>`.

const USAGE = 'usage: npm run phh -- verify <files or folders...>';

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

const [command, ...rest] = process.argv.slice(2);
if (command === 'verify' && rest.length > 0) process.exitCode = verify(rest);
else {
  console.error(USAGE);
  process.exitCode = 2;
}
