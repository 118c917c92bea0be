import { spawnSync } from 'node:child_process';
import { ONE_CORE_NODE_FLAGS } from './proc.ts';

/**
 * Runs this script again, with the same arguments, in a Node that has
 * `ONE_CORE_NODE_FLAGS` (the bots run pinned to one core), and returns its
 * exit code. Returns null when this process already has them: go on here.
 */
export function rerunWithBotsFlags(): number | null {
  if (ONE_CORE_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) return null;
  const child = spawnSync(process.execPath, [...process.execArgv, ...ONE_CORE_NODE_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  return child.status ?? 1;
}
