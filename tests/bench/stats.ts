export type Stats = { median: number; p99: number; mean: number; max: number; n: number };

/** Latency summary of a list of samples in milliseconds. */
export function summarize(samplesMs: number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    median: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Like timeMs for work that is awaited (a dispatcher call): the time from the call to the settled result. */
export async function timeAsyncMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

/** "median 1.234 ms, p99 2.345 ms  (n=50)" */
export const fmtStats = (s: Stats) => `median ${fmt(s.median)}, p99 ${fmt(s.p99)}  (n=${s.n})`;
