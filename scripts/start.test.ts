import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parsePlainArticle, slugify } from '../tests/fixtures/news-page.ts';
import { ROOT } from '../tests/support/shared-data.ts';
import { analyzeHtml } from './analyze.ts';
import { loadModelFromDisk } from './node-model-loader.ts';
import {
  buildDemoPage,
  chromiumArgs,
  DEMO_ARTICLE,
  DEMO_PATH,
  demoProfilePreferences,
  formatDigest,
  hasDisplay,
  unpackedExtensionId,
} from './start.ts';

describe('the bundled demo article', () => {
  const text = readFileSync(DEMO_ARTICLE, 'utf8');
  const article = parsePlainArticle(text);
  const prose = article.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);

  it('has the seed format: title, headings, paragraphs, three related links and a pingback', () => {
    expect(article.title.length).toBeGreaterThan(20);
    expect(article.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(3);
    expect(article.relatedHeading).toBe('Weiterführende Analysen');
    expect(article.related).toHaveLength(3);
    expect(article.pingback).toBeTruthy();
  });

  it('is a news-length article of 400–600 words', () => {
    const words = prose.join(' ').split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(400);
    expect(words).toBeLessThanOrEqual(600);
  });

  it('has at least three attributed direct quotes and a short phrase quote', () => {
    const quotes = [...prose.join('\n').matchAll(/„([^“]+)“/g)].map((m) => m[1] ?? '');
    expect(quotes.filter((q) => q.split(/\s+/).length >= 6).length).toBeGreaterThanOrEqual(3);
    expect(quotes.some((q) => q.split(/\s+/).length <= 3)).toBe(true);
    const attributions = prose.join('\n').match(/sagte|betonte|[Ll]aut /g) ?? [];
    expect(attributions.length).toBeGreaterThanOrEqual(3);
  });

  it('says that it is fiction', () => {
    expect(prose.some((p) => /erfunden/.test(p))).toBe(true);
  });
});

describe('buildDemoPage', () => {
  it('wraps the demo in a news page whose links point at the serving origin', () => {
    const origin = 'http://127.0.0.1:5173';
    const html = buildDemoPage(origin);
    const doc = new JSDOM(html, { url: `${origin}${DEMO_PATH}` }).window.document;
    const article = parsePlainArticle(readFileSync(DEMO_ARTICLE, 'utf8'));
    expect(doc.querySelector('article h1')?.textContent).toBe(article.title);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${origin}${DEMO_PATH}`);
    const related = [...doc.querySelectorAll<HTMLAnchorElement>('.further-reading a')].map(
      (a) => new URL(a.href).pathname,
    );
    expect(related).toEqual(article.related.map((title) => `/analyse/${slugify(title)}`));
    expect(doc.querySelector('nav')).not.toBeNull();
    expect(doc.querySelector('footer')).not.toBeNull();
    expect(doc.querySelector('.comment.pingback')).not.toBeNull();
  });
});

describe('chromiumArgs', () => {
  const base = { extensionDir: '/x/ext', profileDir: '/tmp/p', url: 'http://127.0.0.1:1/a' };

  it('loads the extension in the given profile, quietly, and opens the url last', () => {
    const args = chromiumArgs({ ...base, runningAsRoot: false });
    expect(args).toContain('--load-extension=/x/ext');
    expect(args).toContain('--user-data-dir=/tmp/p');
    for (const flag of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ]) {
      expect(args).toContain(flag);
    }
    expect(args).not.toContain('--no-sandbox');
    expect(args.at(-1)).toBe(base.url);
  });

  it('adds --no-sandbox only as root', () => {
    expect(chromiumArgs({ ...base, runningAsRoot: true })).toContain('--no-sandbox');
  });
});

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });
});

describe('the demo profile', () => {
  it('computes the id Chromium gives an unpacked extension', () => {
    // Chromium 156 loaded /work/main/.output/chrome-mv3 as this id (seen on its service worker target).
    expect(unpackedExtensionId('/work/main/.output/chrome-mv3')).toBe('ameddameljonpbjdmljlbijdhegdbmii');
    expect(unpackedExtensionId('/elsewhere/chrome-mv3')).toMatch(/^[a-p]{32}$/);
  });

  it('pins Kontext and turns translation off', () => {
    const prefs = demoProfilePreferences('/x/ext') as {
      extensions: { pinned_extensions: string[] };
      translate: { enabled: boolean };
    };
    expect(prefs.extensions.pinned_extensions).toEqual([unpackedExtensionId('/x/ext')]);
    expect(prefs.translate.enabled).toBe(false);
  });
});

describe('formatDigest on the demo article', () => {
  const origin = 'http://127.0.0.1:5173';

  it('lists the title, summary, names, attributed quotes and related reading the pipeline found', async () => {
    const analysis = await analyzeHtml(buildDemoPage(origin), `${origin}${DEMO_PATH}`, {
      loadModel: loadModelFromDisk,
    });
    const digest = formatDigest(analysis);
    const article = parsePlainArticle(readFileSync(DEMO_ARTICLE, 'utf8'));
    expect(digest).toContain(`Title:         ${article.title}`);
    expect(digest).toContain(`Summary:       ${analysis.summary[0]?.text}`);
    // People come in the entity table's order (mention count, then first mention), so the contract is
    // that both speakers are listed: the German model finds the bare "Wendler" of paragraph 4 or not.
    expect(digest).toMatch(/People: +.*Katrin Wendler/);
    expect(digest).toMatch(/People: +.*Tomáš Novotný/);
    expect(digest).toMatch(/Places: +.*Dresden.*Prag/);
    expect(digest).toContain(
      '„Wasser kennt keine Grenzen, und unsere Warnungen dürfen auch keine kennen“ (Katrin Wendler)',
    );
    for (const title of article.related) {
      expect(digest).toContain(`${title} <${origin}/analyse/${slugify(title)}>`);
    }
  });

  it('says why there is nothing to show when the page is not an article', async () => {
    const analysis = await analyzeHtml('<html><body><p>Hallo</p></body></html>', `${origin}/leer`, {});
    expect(formatDigest(analysis)).toMatch(/Status: +No article text was found on this page/);
  });
});

/**
 * `npm start`'s script without a display, run as package.json runs it: it serves, prints the digest, and
 * stops cleanly on Ctrl-C, which reaches it twice under npm (from the terminal, and relayed by npm).
 */
describe('start without a display', () => {
  it('serves the demo, prints the digest and how to load Kontext, and exits 0 on a repeated SIGINT', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(pkg.scripts.start).toBe('wxt build && exec node --import tsx scripts/start.ts');
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts'), '--port', '0'],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((ready, fail) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Serving until Ctrl-C.')) ready();
      });
      child.on('exit', () => fail(new Error(`start exited early:\n${stdout}\n${stderr}`)));
    });
    const url = /^Demo article: (\S+)$/m.exec(stdout)?.[1] ?? '';
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${DEMO_PATH}$`));
    expect(stdout).toMatch(/Title: +Dresden und Prag bauen gemeinsames Hochwasser-Frühwarnsystem/);
    expect(stdout).toMatch(/People: +.*Katrin Wendler/);
    expect(stdout).toMatch(/Quotes: +„Wasser kennt keine Grenzen/);
    // The order of the related links is the ranker's; the digest's contract is that they are listed.
    expect(stdout).toMatch(/Related: +\S/);
    expect(stdout).toContain('Grenzregionen: Wie Tschechien und Deutschland zusammenarbeiten <http');
    expect(stdout).toContain('Load unpacked');
    // Still serving after the digest.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Hochwasser-Frühwarnsystem');

    child.kill('SIGINT');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
