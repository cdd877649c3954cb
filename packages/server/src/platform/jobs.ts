/**
 * Periodic jobs of the server process: `registerJob(app, { name, everyMs, run })` runs `run` every
 * `everyMs` once the app is ready and stops with it. A failing run is logged and the next one still
 * comes (a job must be idempotent: several server processes may each run it).
 *
 * - Runs of one job never overlap: a tick that finds the last run still going is skipped (a slow
 *   search refresh every 5 s would otherwise pile up runs waiting on each other's lock).
 * - Closing the app waits for the run in progress (up to `JOB_CLOSE_GRACE_MS`), so the pool is not
 *   ended under a job's transaction; a run that outlasts the grace is named in the log and left to
 *   fail when the pool cuts its connection.
 */
import type { FastifyInstance } from 'fastify';

export interface JobSpec {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export const JOB_CLOSE_GRACE_MS = 5_000;

export function registerJob(app: Pick<FastifyInstance, 'addHook' | 'log'>, job: JobSpec): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let closed = false;
  const tick = () => {
    if (running || closed) return;
    running = job
      .run()
      .then(
        () => undefined,
        (err: unknown) => app.log.error({ err, job: job.name }, `job ${job.name} failed`),
      )
      .finally(() => (running = null));
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, job.everyMs);
    // The timer alone never keeps the process alive.
    timer.unref();
  });
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    if (!running) return;
    let grace: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (grace = setTimeout(() => resolve('late'), JOB_CLOSE_GRACE_MS)));
    const outcome = await Promise.race([running.then(() => 'done' as const), late]);
    clearTimeout(grace);
    if (outcome === 'late')
      app.log.warn(`job ${job.name} still running ${JOB_CLOSE_GRACE_MS} ms after close began; its connection will be cut`);
  });
}
