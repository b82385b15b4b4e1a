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
