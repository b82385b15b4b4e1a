import type { Sliced } from './slicing.ts';

/** Adds the time `run` takes to `timings[stage]` (milliseconds), for Analysis.timings and the benchmarks. */
export function timed<T>(timings: Record<string, number>, stage: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + (performance.now() - start);
  }
}

export async function timedAsync<T>(
  timings: Record<string, number>,
  stage: string,
  run: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + (performance.now() - start);
  }
}

/** Sliced work (lib/slicing.ts) whose running time, not counting its pauses, is added to `timings[stage]`. */
export function* timedSliced<T>(timings: Record<string, number>, stage: string, work: Sliced<T>): Sliced<T> {
  for (;;) {
    const step = timed(timings, stage, () => work.next());
    if (step.done) return step.value;
    yield;
  }
}
