/**
 * End-to-end harness: real headless Chromium and Firefox ESR with Kontext's TEST build loaded, a local
 * fixture server, and the helpers every e2e test needs. Typical use:
 *
 * ```ts
 * forEachBrowser((name) => {
 *   const session = useExtensionSession(name);          // one browser per describe block
 *   it('…', async () => {
 *     const server = await serveFixtures((origin) => ({ '/article': buildSeedPage({ origin })! }));
 *     const page = await openPage(session(), server.url('/article'));
 *     const popup = await openPopup(session(), await tabIdOf(session(), page));
 *     expect(await waitForPopupOutcome(popup)).toBe('analysis');
 *     await server.close();
 *   });
 * });
 * ```
 *
 * Why the test build: it differs from the store build only by host access to http://127.0.0.1/* and
 * http://localhost/*, so a test can analyse a served page without the toolbar click that grants activeTab.
 * `npm run test:e2e` builds it first (`npm run build:test`).
 *
 * Environment:
 * - CHROME_PATH / FIREFOX_PATH override /usr/bin/chromium and /usr/bin/firefox-esr.
 * - KONTEXT_E2E_BROWSERS=chromium (or firefox) runs one browser only, for a quick local loop.
 * - KONTEXT_E2E_BUILDS=<dir> loads the test builds from <dir> instead of .output/.
 * - CI=true turns a missing browser into a failing test instead of a skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ROOT } from '../support/shared-data.ts';

export type { Browser, Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** The gecko id from wxt.config.ts; Firefox identifies the add-on by it. */
export const FIREFOX_ADDON_ID = 'kontext@kontext.example';
/**
 * Firefox gives every profile a random moz-extension UUID; the pref `extensions.webextensions.uuids`
 * pins it, so extension URLs are known before the add-on is installed and stay equal across restarts.
 */
export const FIREFOX_EXTENSION_UUID = '6b0e6f2a-4c1d-4e8a-9f3b-2a7c5d1e0b94';

/** Popup viewport: Chromium caps a real popup at 800×600; Kontext's is designed for about 400 wide. */
export const POPUP_VIEWPORT = { width: 420, height: 600 } as const;
export const PAGE_VIEWPORT = { width: 1280, height: 800 } as const;

export const SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export function browserExecutable(name: BrowserName): string {
  return name === 'chromium'
    ? (process.env.CHROME_PATH ?? '/usr/bin/chromium')
    : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
}

/**
 * The unpacked test build for `name`, made by `npm run build:test` in `.output/`. KONTEXT_E2E_BUILDS
 * points at another folder holding `chrome-mv3-test/` and `firefox-mv3-test/` (e.g. a copy, so a
 * rebuild in a shared work tree cannot pull the extension from under a running test).
 */
export function testBuildDir(name: BrowserName): string {
  const root = process.env.KONTEXT_E2E_BUILDS ?? join(ROOT, '.output');
  return join(root, name === 'chromium' ? 'chrome-mv3-test' : 'firefox-mv3-test');
}

/** Why `name` cannot run here (browser not installed), or null when it can. */
export function missingBrowser(name: BrowserName): string | null {
  const path = browserExecutable(name);
  if (!existsSync(path)) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    const env = name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
    return `${name} is not installed at ${path} (apt-get install ${pkg}, or set ${env})`;
  }
  return null;
}

function selectedBrowsers(): BrowserName[] {
  const only = process.env.KONTEXT_E2E_BROWSERS?.split(',').map((s) => s.trim());
  return only ? BROWSERS.filter((b) => only.includes(b)) : [...BROWSERS];
}

/**
 * Declares `fn`'s tests once per browser, each in its own describe block named after the browser. A
 * browser that is not installed is skipped with the reason in the block's name, except with CI=true,
 * where it becomes a failing test: CI must never pass by skipping. `only` limits the blocks to some
 * browsers (for a check that needs, say, a Chromium language pack).
 */
export function forEachBrowser(fn: (name: BrowserName) => void, only?: readonly BrowserName[]): void {
  for (const name of selectedBrowsers().filter((b) => !only || only.includes(b))) {
    const missing = missingBrowser(name);
    if (missing && process.env.CI === 'true') {
      describe(name, () => {
        it('has the browser installed (CI=true)', () => {
          throw new Error(`CI=true: ${missing}`);
        });
      });
    } else if (missing) {
      // Reason: the browser is not installed and this is not CI (CI fails above); the reason is printed
      // and is part of the suite's name, so the skip is never silent.
      console.warn(`[e2e] skipping ${name}: ${missing}`);
      describe.skip(`${name} — skipped: ${missing}`, () => fn(name));
    } else {
      describe(name, () => fn(name));
    }
  }
}

export interface LaunchOptions {
  /**
   * A profile folder to use and KEEP (for "restart with the same profile" tests). Without it a throwaway
   * profile is made in the temp dir and deleted by close().
   */
  profileDir?: string;
  /** Unpacked extension to load; default: the test build for this browser. */
  extensionDir?: string;
  /**
   * Browser UI language, which the extension's i18n follows. Default 'en-US'. Only languages the
   * browser ships take effect: Debian's chromium has en-US alone unless chromium-l10n is installed, and
   * firefox-esr needs firefox-esr-l10n-<lang>; otherwise the browser stays in en-US.
   */
  locale?: string;
}

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  /** 'chrome-extension://<id>' or 'moz-extension://<uuid>', without a trailing slash. */
  extensionOrigin: string;
  /** Chromium's extension id or Firefox's add-on id. */
  extensionId: string;
  profileDir: string;
  /** Closes the browser; deletes the profile unless it was passed in. Safe to call twice. */
  close(): Promise<void>;
}

const BASE_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Extensions.loadUnpacked over CDP (what puppeteer's installExtension uses) needs this flag and a pipe;
  // --load-extension is disabled in current Chromium builds.
  '--enable-unsafe-extension-debugging',
];

/**
 * Launches `name` headless with Kontext installed. Chromium loads the unpacked build over CDP;
 * Firefox installs it as a temporary add-on over WebDriver BiDi.
 */
export async function launchWithExtension(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  const missing = missingBrowser(name);
  if (missing) throw new Error(missing);
  const extensionDir = options.extensionDir ?? testBuildDir(name);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension build at ${extensionDir}: run \`npm run build:test\` first`);
  }
  const keepProfile = options.profileDir !== undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), `kontext-e2e-${name}-`));
  mkdirSync(profileDir, { recursive: true });
  const locale = options.locale ?? 'en-US';

  let browser: Browser;
  let extensionOrigin: string;
  let extensionId: string;
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch({
        browser: 'chrome',
        executablePath: browserExecutable(name),
        headless: true,
        pipe: true,
        enableExtensions: true,
        userDataDir: profileDir,
        defaultViewport: PAGE_VIEWPORT,
        args: [...BASE_CHROMIUM_ARGS, ...(IS_ROOT ? ['--no-sandbox'] : []), `--lang=${locale}`],
        // On Linux Chromium takes its UI language from the environment, not from --lang.
        env: {
          ...process.env,
          LANGUAGE: locale.replace('-', '_'),
          LANG: `${locale.replace('-', '_')}.UTF-8`,
        },
      });
      extensionId = await browser.installExtension(extensionDir);
      extensionOrigin = `chrome-extension://${extensionId}`;
    } else {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: browserExecutable(name),
        headless: true,
        userDataDir: profileDir,
        defaultViewport: PAGE_VIEWPORT,
        // WebDriver BiDi refuses to navigate a tab to moz-extension:// URLs without this flag.
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
          // A temporary add-on is uninstalled when the browser quits; keep its data for restart tests.
          'extensions.webextensions.keepStorageOnUninstall': true,
          'extensions.webextensions.keepUuidOnUninstall': true,
          // Firefox treats MV3 host_permissions as optional and a temporary install grants none of them;
          // this grants them on install, as a store install's permission prompt would.
          'extensions.originControls.grantByDefault': true,
          'intl.locale.requested': locale,
          'intl.accept_languages': locale,
        },
      });
      extensionId = await browser.installExtension(extensionDir);
      extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    }
  } catch (error) {
    if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  return {
    name,
    browser,
    extensionOrigin,
    extensionId,
    profileDir,
    async close() {
      if (closed) return;
      closed = true;
      helperPages.delete(browser);
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * One browser per describe block: launched in beforeAll, closed in afterAll. Call the returned getter
 * inside tests (not at declaration time).
 */
export function useExtensionSession(name: BrowserName, options: LaunchOptions = {}): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchWithExtension(name, options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error(`the ${name} session is not running (did beforeAll fail?)`);
    return session;
  };
}

// ---------------------------------------------------------------------------------------------------
// Fixture server (in its own module so that `npm start` can serve the demo without vitest)

export {
  type FixtureResponse,
  type FixtureRoutes,
  type FixtureServer,
  serveFixtures,
} from './support/fixture-server.ts';

// ---------------------------------------------------------------------------------------------------
// Pages and tabs

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens `url` in a new tab and waits until it has loaded (see `navigate`). */
export async function openPage(session: ExtensionSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport(PAGE_VIEWPORT);
  await navigate(session, page, url);
  return page;
}

/** Schemes WebDriver BiDi navigates to and reports like any web page. */
const WEB_URL = /^(https?|data|blob|file):|^about:blank$/i;

/**
 * Navigates `page` to `url` and waits for the load. In Firefox, puppeteer never sees a navigation to a
 * privileged page (moz-extension:, about:) finish over BiDi, because the tab moves to another process,
 * although the page loads and is scriptable; so there the navigation is started without waiting and the
 * document is polled instead.
 */
export async function navigate(session: ExtensionSession, page: Page, url: string, timeoutMs = 20_000) {
  if (session.name === 'chromium' || WEB_URL.test(url)) {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    return;
  }
  page.goto(url, { timeout: timeoutMs }).catch(() => {
    // Expected: this promise only ends by timeout or when the page closes; the poll below decides.
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await sleep(100);
    const state = await page
      .evaluate(() => [location.href, document.readyState] as const)
      .catch(() => null /* the old document went away mid-evaluate */);
    if (state && state[0] === url && state[1] === 'complete') return;
  }
  throw new Error(`${session.name}: ${url} did not load within ${timeoutMs} ms`);
}

/** The URL of the popup for `tabId` (null: no tabId, the popup picks the active tab). */
export function popupUrl(session: ExtensionSession, tabId: number | null, hash?: string): string {
  const query = tabId === null ? '' : `?tabId=${tabId}`;
  return `${session.extensionOrigin}/popup.html${query}${hash ? `#${hash.replace(/^#/, '')}` : ''}`;
}

/**
 * Opens the popup as a tab targeting `tabId` (`popup.html?tabId=N`, the testability contract), sized
 * like a real popup. `hash` is e.g. 'saved' for `popup.html#saved`.
 */
export async function openPopup(
  session: ExtensionSession,
  tabId: number | null,
  hash?: string,
): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport(POPUP_VIEWPORT);
  await navigate(session, page, popupUrl(session, tabId, hash));
  return page;
}

/** The helper page (the extension's manifest.json, which has extension APIs) used for tab lookups. */
const helperPages = new WeakMap<Browser, Page>();

async function helperPage(session: ExtensionSession): Promise<Page> {
  const existing = helperPages.get(session.browser);
  if (existing && !existing.isClosed()) return existing;
  const page = await session.browser.newPage();
  await navigate(session, page, `${session.extensionOrigin}/manifest.json`);
  helperPages.set(session.browser, page);
  return page;
}

/**
 * The slice of the WebExtension API that tests call inside `evaluateInExtension` (both browsers' MV3
 * APIs return promises). The function is serialised into the page, so it cannot call a helper from
 * here; inside it write `const g = globalThis as unknown as ExtensionGlobal; const api = (g.browser ??
 * g.chrome)!;`.
 */
export interface ExtensionApi {
  tabs: {
    query(filter: Record<string, unknown>): Promise<Array<{ id?: number; url?: string; active: boolean }>>;
    get(id: number): Promise<{ id?: number; url?: string; title?: string }>;
  };
  storage: {
    local: {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    };
  };
  permissions: { contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      func: () => unknown;
    }): Promise<Array<{ result?: unknown }>>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
export interface ExtensionGlobal {
  browser?: ExtensionApi;
  chrome?: ExtensionApi;
}

/**
 * Runs `fn` in an extension page, where `browser.*` (Firefox) or `chrome.*` (Chromium) is available,
 * e.g. to read `storage.local` or query tabs. `fn` is serialised: it cannot close over test variables;
 * pass them as `arg`.
 */
export async function evaluateInExtension<T, A = undefined>(
  session: ExtensionSession,
  fn: (arg: A) => T | Promise<T>,
  arg?: A,
): Promise<T> {
  const page = await helperPage(session);
  // biome-ignore lint/suspicious/noExplicitAny: puppeteer's evaluate typing cannot express a generic arg
  return (await page.evaluate(fn as any, arg)) as T;
}

interface TabInfo {
  id: number;
  url: string | null;
  active: boolean;
}

async function queryTabs(session: ExtensionSession, activeOnly: boolean): Promise<TabInfo[]> {
  return evaluateInExtension(
    session,
    async (active: boolean) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
      const g = globalThis as any;
      const api = g.browser ?? g.chrome;
      // biome-ignore lint/suspicious/noExplicitAny: untyped WebExtension result
      const tabs: any[] = await api.tabs.query(active ? { active: true } : {});
      return tabs.map((t) => ({
        id: t.id as number,
        url: (t.url as string | undefined) ?? null,
        active: !!t.active,
      }));
    },
    activeOnly,
  );
}

/**
 * The browser's tab id for `page`. Matches by URL where the extension can see it (the test build has
 * host access to 127.0.0.1 and localhost); otherwise (about:, chrome://, data: pages, or several tabs
 * with the same URL) brings the page to the front and takes the active tab.
 */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = await page.evaluate(() => location.href).catch(() => page.url());
  const byUrl = (await queryTabs(session, false)).filter((t) => t.url === url);
  if (byUrl.length === 1 && byUrl[0]) return byUrl[0].id;
  await page.bringToFront();
  const active = await queryTabs(session, true);
  const candidates = byUrl.length > 1 ? active.filter((t) => byUrl.some((b) => b.id === t.id)) : active;
  if (candidates.length === 1 && candidates[0]) return candidates[0].id;
  throw new Error(
    `${session.name}: cannot tell the tab id of ${url} (candidates ${JSON.stringify(candidates)})`,
  );
}

/** Waits until `selector` matches at least `min` elements; returns their count. */
export async function waitForCount(
  page: Page,
  selector: string,
  min = 1,
  timeoutMs = 30_000,
): Promise<number> {
  await page.waitForFunction(
    (sel: string, n: number) => document.querySelectorAll(sel).length >= n,
    { timeout: timeoutMs, polling: 100 },
    selector,
    min,
  );
  return page.$$eval(selector, (els) => els.length);
}

export type PopupOutcome = 'analysis' | 'status';

/**
 * Waits until the popup has finished: an analysis (data-testid=analysis; its summary may be absent,
 * since empty sections are left out) or a message (data-testid=status). The popup gives up by itself
 * after 30 s, so the default wait is longer.
 */
export async function waitForPopupOutcome(popup: Page, timeoutMs = 45_000): Promise<PopupOutcome> {
  // The analysis is busy until its last section (related reading) is filled in: tests read all of it.
  const handle = await popup.waitForSelector(
    '[data-testid="analysis"]:not([aria-busy="true"]), [data-testid="status"]',
    { timeout: timeoutMs },
  );
  const testId = await handle!.evaluate((el) => el.getAttribute('data-testid'));
  await handle!.dispose();
  return testId === 'analysis' ? 'analysis' : 'status';
}

/**
 * Waits (up to `timeoutMs`) until the page shows Kontext highlights, painted either with the CSS Custom
 * Highlight API or as <mark data-kontext> elements. Returns false when none appeared in time.
 */
export async function waitForHighlights(page: Page, timeoutMs = 10_000): Promise<boolean> {
  return page
    .waitForFunction(
      () => {
        const registry = (globalThis as unknown as { CSS?: { highlights?: { size: number } } }).CSS
          ?.highlights;
        return (registry?.size ?? 0) > 0 || document.querySelector('mark[data-kontext]') !== null;
      },
      { timeout: timeoutMs, polling: 200 },
    )
    .then(
      () => true,
      () => false,
    );
}

// ---------------------------------------------------------------------------------------------------
// Screenshots

/**
 * Writes `docs/screenshots/<name>.png` (the README's images come from here). Only one browser should
 * write a given name, or the two runs overwrite each other.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/\.png$/, '')}.png`);
  await page.bringToFront();
  await page.screenshot({ path: path as `${string}.png`, fullPage: options.fullPage ?? false });
  return path;
}
