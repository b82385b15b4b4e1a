/**
 * `npm start`: after `wxt build`, serves the bundled German demo article (demo/article-de.txt, wrapped in
 * a realistic news page) on http://127.0.0.1:5173 and opens Debian's Chromium with Kontext's store build
 * (.output/chrome-mv3) loaded, in a throwaway profile, on that page. The server lives until the browser
 * window closes; Ctrl-C closes both and deletes the profile.
 *
 * On a machine without a display (or without Chromium) it serves the page all the same, prints what
 * Kontext finds on it (the CLI's analyze pipeline) and how to load the extension by hand, and serves
 * until Ctrl-C, which exits 0: the README's first command works on a headless machine too.
 *
 * Usage: tsx scripts/start.ts [--serve-only] [--port N]
 *   --serve-only  only serve the demo page (for loading the extension by hand); Ctrl-C stops it.
 * Environment: CHROME_PATH (default /usr/bin/chromium), KONTEXT_DEMO_PORT (default 5173).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analysis, EntityKind } from '../lib/types.ts';
import { type FixtureServer, serveFixtures } from '../tests/e2e/support/fixture-server.ts';
import { buildNewsPage, parsePlainArticle } from '../tests/fixtures/news-page.ts';
import { analyzeHtml } from './analyze.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_ARTICLE = join(ROOT, 'demo', 'article-de.txt');
export const DEMO_PATH = '/regional/sachsen/elbe-hochwasser-fruehwarnsystem';
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const DEFAULT_PORT = 5173;

/** The demo page as served at `origin` (its canonical and share links point there). */
export function buildDemoPage(origin: string): string {
  const article = parsePlainArticle(readFileSync(DEMO_ARTICLE, 'utf8'));
  return buildNewsPage(article, {
    origin,
    path: DEMO_PATH,
    siteName: 'Elbland Kurier',
    author: 'Lena Voigt',
    publishedTime: '2025-06-17T11:45:00+02:00',
  });
}

function indexPage(articleUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kontext demo</title></head>
<body><p>Kontext demo: <a href="${articleUrl}">open the demo article</a>.</p></body></html>`;
}

export interface ChromiumLaunch {
  extensionDir: string;
  profileDir: string;
  url: string;
  runningAsRoot: boolean;
}

/** Command-line flags for a clean, quiet Chromium with the unpacked extension loaded. */
export function chromiumArgs({ extensionDir, profileDir, url, runningAsRoot }: ChromiumLaunch): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    `--load-extension=${extensionDir}`,
    // Branded Chrome 137+ ignores --load-extension; this keeps it working where the switch is gated.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to start its sandbox as root (containers, CI images).
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    url,
  ];
}

/** Chromium's id for an unpacked extension: the first 128 bits of SHA-256(path), hex digits as a–p. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Preferences for the fresh profile: Kontext pinned to the toolbar, so the reader sees the icon to click,
 * and no translation bubble (the demo page is German) covering it.
 */
export function demoProfilePreferences(extensionDir: string): Record<string, unknown> {
  return {
    extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] },
    translate: { enabled: false },
  };
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Names per kind and quotes shown in the digest: a screenful, not the whole analysis. */
const DIGEST_NAMES = 8;
const DIGEST_QUOTES = 3;
const DIGEST_QUOTE_CHARS = 110;

const KIND_LABELS: Array<[EntityKind, string]> = [
  ['person', 'People'],
  ['place', 'Places'],
  ['organization', 'Organisations'],
];

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A short plain-text account of an Analysis: what the popup would show, for a terminal. */
export function formatDigest(analysis: Analysis): string {
  const label = (name: string) => `  ${`${name}:`.padEnd(15)}`;
  const indent = ' '.repeat(17);
  const lines = [`What Kontext found on ${analysis.url}`, `${label('Title')}${analysis.title}`];
  if (analysis.status !== 'ok') {
    lines.push(`${label('Status')}${analysis.message ?? analysis.status}`);
    return lines.join('\n');
  }
  analysis.summary.forEach((sentence, i) => {
    lines.push(`${i === 0 ? label('Summary') : indent}${sentence.text}`);
  });
  for (const [kind, name] of KIND_LABELS) {
    const names = analysis.entities
      .filter((entity) => entity.kind === kind)
      .sort((a, b) => b.count - a.count)
      .map((entity) => entity.name);
    if (names.length === 0) continue;
    const more = names.length > DIGEST_NAMES ? ` and ${names.length - DIGEST_NAMES} more` : '';
    lines.push(`${label(name)}${names.slice(0, DIGEST_NAMES).join(', ')}${more}`);
  }
  analysis.quotes
    .filter((quote) => quote.speaker)
    .slice(0, DIGEST_QUOTES)
    .forEach((quote, i) => {
      lines.push(
        `${i === 0 ? label('Quotes') : indent}„${clip(quote.text, DIGEST_QUOTE_CHARS)}“ (${quote.speaker})`,
      );
    });
  analysis.related.forEach((link, i) => {
    lines.push(`${i === 0 ? label('Related') : indent}${link.title} <${link.url}>`);
  });
  return lines.join('\n');
}

/** The demo page as served, through the same pipeline as the CLI (jsdom and lib/analyze). */
async function analyzeServedDemo(url: string): Promise<Analysis> {
  const response = await fetch(url);
  return analyzeHtml(await response.text(), url, { loadModel: loadModelFromDisk });
}

function untilStopped(): Promise<void> {
  return new Promise<void>((done) => {
    // `on`, not `once`: Ctrl-C reaches this process more than once (from the terminal, and relayed by
    // npm and tsx); a signal arriving after a `once` listener is gone would end it with code 130.
    process.on('SIGINT', () => done());
    process.on('SIGTERM', () => done());
  });
}

function manualInstructions(url: string): string {
  return [
    'To try Kontext by hand:',
    `  1. Serve the demo:  npm start (or npx tsx scripts/start.ts --serve-only), then open ${url}`,
    `  2. Chromium/Chrome: chrome://extensions → Developer mode → Load unpacked → ${EXTENSION_DIR}`,
    '     Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on →',
    `     ${join(ROOT, '.output', 'firefox-mv3', 'manifest.json')}`,
    '  3. On the demo page, click the Kontext toolbar icon (or press Alt+Shift+K).',
  ].join('\n');
}

async function serveDemo(port: number): Promise<FixtureServer> {
  const routes = (origin: string) => ({
    [DEMO_PATH]: buildDemoPage(origin),
    '/': indexPage(`${origin}${DEMO_PATH}`),
  });
  try {
    return await serveFixtures(routes, { port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is taken; serving the demo on a free port instead.`);
    return serveFixtures(routes);
  }
}

function parseArgs(argv: string[]): { serveOnly: boolean; port: number } {
  const portIndex = argv.indexOf('--port');
  const port = Number(portIndex >= 0 ? argv[portIndex + 1] : (process.env.KONTEXT_DEMO_PORT ?? DEFAULT_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`not a port: ${port}`);
  return { serveOnly: argv.includes('--serve-only'), port };
}

async function main(): Promise<number> {
  const { serveOnly, port } = parseArgs(process.argv.slice(2));
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

  // Without a desktop or a browser there is no window to open: show in the terminal what the popup
  // would show, and keep serving the page for a browser elsewhere.
  let browserless: string | null = null;
  if (!serveOnly && !hasDisplay())
    browserless = 'No display ($DISPLAY, $WAYLAND_DISPLAY) to open a browser on.';
  else if (!serveOnly && !existsSync(chromium))
    browserless = `Chromium not found at ${chromium} (apt-get install chromium, or set CHROME_PATH).`;
  if (!serveOnly && !browserless && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No build at ${EXTENSION_DIR}. Run \`npm run build\` first (npm start does).`);
    return 1;
  }

  const server = await serveDemo(port);
  const url = server.url(DEMO_PATH);
  console.log(`Demo article: ${url}`);

  if (serveOnly || browserless) {
    if (browserless) {
      console.log(browserless);
      console.log('');
      console.log(formatDigest(await analyzeServedDemo(url)));
      console.log('');
      console.log(manualInstructions(url));
      console.log('');
    }
    console.log('Serving until Ctrl-C.');
    await untilStopped();
    await server.close();
    return 0;
  }

  const profileDir = mkdtempSync(join(tmpdir(), 'kontext-start-'));
  mkdirSync(join(profileDir, 'Default'));
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify(demoProfilePreferences(EXTENSION_DIR)),
  );
  const args = chromiumArgs({
    extensionDir: EXTENSION_DIR,
    profileDir,
    url,
    runningAsRoot: process.getuid?.() === 0,
  });
  console.log(`Opening Chromium with Kontext loaded (throwaway profile ${profileDir}).`);
  console.log('Click the Kontext icon (K) in the toolbar, or press Alt+Shift+K, on the demo page.');
  console.log('Close the browser window or press Ctrl-C to stop.');

  // Chromium's own logging is noise here; the browser window is the output.
  const browser: ChildProcess = spawn(chromium, args, { stdio: 'ignore' });
  // Ctrl-C reaches Chromium too (same process group); this covers a plain `kill` of this script. A
  // second signal forces the browser down, but the profile is still deleted once it has exited.
  let signals = 0;
  const stopBrowser = () => {
    signals += 1;
    if (browser.exitCode === null && browser.signalCode === null)
      browser.kill(signals > 1 ? 'SIGKILL' : 'SIGTERM');
  };
  process.on('SIGINT', stopBrowser);
  process.on('SIGTERM', stopBrowser);

  const code = await new Promise<number>((done) => {
    browser.once('error', (error) => {
      console.error(`Could not start ${chromium}: ${error.message}`);
      done(1);
    });
    browser.once('exit', (exitCode, signal) => done(signal ? 0 : (exitCode ?? 0)));
  });
  await server.close();
  // Chromium's helper processes can still be writing to the profile for a moment after the browser exits.
  try {
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`Could not delete the throwaway profile ${profileDir}: ${(error as Error).message}`);
  }
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
