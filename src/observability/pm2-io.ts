/**
 * What @pm2/io runs here: the metrics Colyseus gives it (`ccu`, `roomcount`)
 * and nothing of its own. Its defaults catch uncaught exceptions, wrap the
 * http module, open an inspector session for profiling and sample V8 and
 * the event loop.
 */
const ONLY_GIVEN_METRICS = {
  catchExceptions: false,
  profiling: false,
  metrics: { v8: false, network: false, eventLoop: false, runtime: false, http: false },
};

type Pm2Io = { init(config: typeof ONLY_GIVEN_METRICS): unknown; transport?: { autoExitHandle?: NodeJS.Timeout } | null };

/**
 * Colyseus loads @pm2/io whenever it is installed (`@colyseus/testing`
 * brings it, so every `npm install` with the dev dependencies has it) and
 * registers its `ccu` and `roomcount` metrics for `pm2 monit`; @pm2/io then
 * starts with every feature on.
 *
 * Every 3 s its transport also lists every handle of the process
 * (`process._getActiveHandles()`), to let an idle script exit. At 5,100
 * connections one listing took 73 ms of the event loop, and every table of
 * the process waited that long. A server never exits that way, so the timer
 * is stopped here.
 *
 * Call it before the Colyseus server starts: @pm2/io is one object per
 * process, and setting it up again later would drop the metrics already
 * registered. Without @pm2/io installed it does nothing.
 */
export async function quietPm2Io(): Promise<void> {
  const io = await import('@pm2/io').then((module) => module.default as unknown as Pm2Io, () => null);
  if (!io) return;
  io.init(ONLY_GIVEN_METRICS);
  clearInterval(io.transport?.autoExitHandle);
}
