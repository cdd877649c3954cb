/**
 * Periodic jobs of the server process: `registerJob(app, { name, everyMs, run })` runs `run` every
 * `everyMs` once the app is ready and stops with it. A failing run is logged and the next one still
 * comes (a job must be idempotent: several server processes may each run it).
 */
import type { FastifyInstance } from 'fastify';

export interface JobSpec {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export function registerJob(app: Pick<FastifyInstance, 'addHook' | 'log'>, job: JobSpec): void {
  let timer: NodeJS.Timeout | undefined;
  const tick = () =>
    void job.run().catch((err: unknown) => {
      app.log.error({ err, job: job.name }, `job ${job.name} failed`);
    });
  app.addHook('onReady', async () => {
    timer = setInterval(tick, job.everyMs);
    // The timer alone never keeps the process alive.
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
