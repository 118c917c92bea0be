import { spawnSync } from 'node:child_process';

/**
 * Node flags for a process that runs bots pinned to one core.
 *
 * V8 marks the old generation on helper threads while JavaScript runs. Pinned
 * to one core, those threads take the core from the bots' event loop in long
 * slices. At 5,100 players (a bots' heap near 1 GB) the bots saw patches
 * 250–500 ms late in one window out of three, while the server's own p99 was
 * 25 ms or less. With marking on the main thread, in small steps between
 * tasks, every window stayed at 75 ms or less.
 */
export const BOTS_NODE_FLAGS = ['--single-threaded-gc'];

/**
 * Runs this script again, with the same arguments, in a Node that has
 * `BOTS_NODE_FLAGS`, and returns its exit code. Returns null when this process
 * already has them: go on here.
 */
export function rerunWithBotsFlags(): number | null {
  if (BOTS_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) return null;
  const child = spawnSync(process.execPath, [...process.execArgv, ...BOTS_NODE_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  return child.status ?? 1;
}
