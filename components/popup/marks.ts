/**
 * User Timing marks the popup leaves for `npm run bench popup` (scripts/bench/popup.ts): kontext:asked
 * (analysis requested), kontext:painted (first frame), kontext:response, kontext:results (on screen;
 * its detail carries the background's steps and the analysis' stage timings). Nothing else reads them.
 */
export function mark(name: string, detail?: unknown): void {
  globalThis.performance?.mark?.(name, { detail });
}
