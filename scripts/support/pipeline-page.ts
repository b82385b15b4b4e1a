/**
 * What the in-browser benchmarks (scripts/bench/highlight.ts, hostile.ts) share: the extension's page-side
 * pipeline as one script, a server for their pages and the entity models, and Chromium launched for them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { bundleForPage } from './bundle-for-page.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODELS = join(ROOT, 'public', 'models');
export const BENCH_CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const BENCH_FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** extractPage(Sliced), analyzeExtracted and createReadingAids as `globalThis.__kontextBench`. */
export function bundlePipeline(options: { minify?: boolean } = {}): Promise<string> {
  return bundleForPage(
    `
    import { extractPage, analyzeExtracted } from './lib/analyze.ts';
    import { extractPageSliced } from './lib/extract/page.ts';
    import { createReadingAids } from './lib/highlight/reading-aids.ts';
    globalThis.__kontextBench = { extractPage, extractPageSliced, analyzeExtracted, createReadingAids };`,
    options,
  );
}

export interface BenchServer {
  origin: string;
  /** Serves `html` at `path` from now on. */
  route(path: string, html: string): void;
  close(): void;
}

/** Serves the routes' HTML and public/models/ (fetched by the page-side loadModel at /models/NAME). */
export async function serveBenchPages(): Promise<BenchServer> {
  const routes = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const model = path.startsWith('/models/') ? path.slice(8) : '';
    if (/^[\w.-]+$/.test(model) && existsSync(join(MODELS, model))) {
      res
        .writeHead(200, { 'content-type': 'application/octet-stream' })
        .end(readFileSync(join(MODELS, model)));
      return;
    }
    const html = routes.get(path);
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    route: (path, html) => void routes.set(path, html),
    close: () => server.close(),
  };
}

export function launchBenchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: BENCH_CHROME,
    headless: true,
    protocolTimeout: 300_000,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Headless Firefox over WebDriver BiDi (scripts/bench/hostile.ts measures both browsers). */
export function launchBenchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: BENCH_FIREFOX,
    headless: true,
    protocolTimeout: 300_000,
  });
}
