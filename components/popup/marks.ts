/**
 * User Timing marks the popup leaves for `npm run bench popup` (scripts/bench/popup.ts): kontext:asked
 * (analysis requested), kontext:painted (first frame), kontext:response, kontext:results (the first
 * results on screen: title, names, quotes and summary; its detail carries the background's steps and the
 * analysis' stage timings), kontext:complete (every section filled: the page's related links and the
 * saved articles about the same names too; its detail carries the related search's timings). Nothing
 * else reads them.
 */
export function mark(name: string, detail?: unknown): void {
  globalThis.performance?.mark?.(name, { detail });
}
