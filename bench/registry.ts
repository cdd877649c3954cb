/**
 * The benchmark registry: each module adds `bench/<module>.bench.ts` exporting `scenarios`. Every
 * scenario gets a fresh database (migrated, with the demo county's orgs and accounts) on the same
 * throwaway PostgreSQL, and reports measurements beside their baseline from the same run.
 */
import type { Database } from '../packages/server/src/db/client.ts';

export interface BenchResult {
  /** What was measured, e.g. "dispatch to 2,000 orgs (median)". */
  metric: string;
  value: number;
  unit: 'ms' | 'rows' | 'ops/s' | 'req/s' | 'count' | 'KB' | 'MB';
  /** The same work done the plainest way (e.g. a raw SQL bulk insert), when there is one. */
  baseline?: number;
  baselineLabel?: string;
  /** The goal, readable, e.g. "≤ 300 ms and ≤ 3× baseline". */
  goal?: string;
  pass?: boolean;
  note?: string;
}

export interface BenchContext {
  database: Database;
  /** Progress for long steps (data generation), printed on one line. */
  progress(message: string): void;
}

export interface BenchScenario {
  module: string;
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** With BENCH_TIMES=1, every sample of `label` in run order (to tell a slow tail from one stray sample). */
export function printSamples(label: string, samples: number[]): void {
  if (process.env.BENCH_TIMES) console.error(`\n[samples] ${label}: ${samples.map((x) => x.toFixed(1)).join(' ')} ms`);
}
