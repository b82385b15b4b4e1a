/**
 * The shared real pages as the browser benchmarks serve them, and the quantiles they print.
 *
 * The saved pages point at their sites' images, fonts and scripts; offline, the load event would wait
 * for them. A CSP in the served copy keeps every request on 127.0.0.1 (the page's own markup is unchanged).
 */
import {
  BROWSERS,
  type BrowserName,
  type ExtensionSession,
  launchWithExtension,
  missingBrowser,
} from '../../../tests/e2e/harness.ts';
import { type FixtureServer, serveFixtures } from '../../../tests/e2e/support/fixture-server.ts';
import { readabilityPageNames, readReadabilityPage } from '../../../tests/support/shared-paths.ts';

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

/** The browsers (KONTEXT_BENCH_BROWSERS, default both) and shared pages (KONTEXT_BENCH_PAGES=N: the first N) to run. */
export function benchSelection(): { browsers: BrowserName[]; pages: string[] } {
  const only = process.env.KONTEXT_BENCH_BROWSERS?.split(',').map((s) => s.trim());
  const browsers = BROWSERS.filter((b) => !only || only.includes(b));
  const limit = Number(process.env.KONTEXT_BENCH_PAGES ?? Number.POSITIVE_INFINITY);
  const pages = readabilityPageNames().slice(0, limit);
  if (pages.length === 0) throw new Error('no shared pages (set KONTEXT_SHARED_DATA)');
  return { browsers, pages };
}

/** `name` with Kontext's test build, and a server of `pages` at `/NAME/`; null (said why) when it is not installed. */
export async function launchServing(
  name: BrowserName,
  pages: string[],
): Promise<{ session: ExtensionSession; server: FixtureServer } | null> {
  const missing = missingBrowser(name);
  if (missing) {
    console.log(`${name}: skipped (${missing})`);
    return null;
  }
  const session = await launchWithExtension(name);
  const server = await serveFixtures(
    Object.fromEntries(
      pages.map((page) => [`/${page}/`, servedCopy(readReadabilityPage(page, 'source.html'))]),
    ),
  );
  return { session, server };
}
