/**
 * The shared real pages as the browser benchmarks serve them, and the quantiles they print.
 *
 * The saved pages point at their sites' images, fonts and scripts; offline, the load event would wait
 * for them. A CSP in the served copy keeps every request on 127.0.0.1 (the page's own markup is unchanged).
 */
const OFFLINE_CSP =
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' " +
  "'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:\">";

export function servedCopy(html: string): string {
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${OFFLINE_CSP}`)
    : `${OFFLINE_CSP}${html}`;
}

/** The q-quantile of the finite values (nearest rank); NaN when there are none. */
export function quantile(values: number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]!;
}

/** tsx compiles with keepNames: a serialised function calls its __name helper, absent in the page. */
export const NAME_SHIM = 'globalThis.__name = (fn) => fn';
