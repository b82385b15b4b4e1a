/**
 * The analyze CLI on small fixtures, on stdin, on a localhost server, in --jsonl mode, and on the
 * generated seed page. A few runs spawn the real command (`npm run analyze`: node scripts/cli/analyze.mjs,
 * which runs the prebuilt bundle dist/analyze.mjs and rebuilds it when a source is newer) to prove the
 * process contract (exit codes, streams); the rest call the same entry point in-process.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLeanAnalysis, type LeanAnalysis } from '../../lib/analysis-lean.ts';
import type { Analysis } from '../../lib/types.ts';
import { runAnalyzeCli } from '../../scripts/analyze.ts';
import { createNodeModelLoader, loadModelFromDisk } from '../../scripts/node-model-loader.ts';
import { buildSeedPage, readSeedArticle } from '../fixtures/news-page.ts';
import { describeWithSharedData, ROOT } from '../support/shared-data.ts';

const CLI = join(ROOT, 'scripts', 'cli', 'analyze.mjs');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'cli');
const ARTICLE = join(FIXTURES, 'article-de.html');
const NOT_AN_ARTICLE = join(FIXTURES, 'not-an-article.html');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command in a child process. */
function spawnCli(args: string[], input?: string | Buffer): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The same entry point in this process, with captured streams. */
async function runCli(args: string[], input?: string | Buffer): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runAnalyzeCli(args, {
    stdin: Readable.from(input === undefined ? [] : [input]),
    stdout: {
      write: (text) => {
        stdout += text;
        return true;
      },
      once: () => undefined,
    },
    stderr: {
      write: (text) => {
        stderr += text;
      },
    },
  });
  return { code, stdout, stderr };
}

/** Exit code 1, nothing on stdout, exactly one line on stderr. */
function expectOneErrorLine(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^analyze: /);
  expect(lines[0]).toMatch(pattern);
}

/** The full Analysis behind the CLI's lean JSON (lib/analysis-lean.ts), after checking the lean shape. */
function parseAnalysis(run: CliRun): Analysis {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lean = JSON.parse(run.stdout) as LeanAnalysis;
  expect(lean).not.toHaveProperty('paragraphs');
  expect(Array.isArray(lean.sentences)).toBe(true);
  return fromLeanAnalysis(lean);
}

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kontext-cli-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('analyze <file>', () => {
  it('prints the Analysis as pretty JSON (child process)', async () => {
    const run = await spawnCli([ARTICLE]);
    const analysis = parseAnalysis(run);
    expect(run.stdout.split('\n').length).toBeGreaterThan(20);
    expect(analysis.status).toBe('ok');
    expect(analysis.title).toBe('Fähre nach Helgoland fährt wieder täglich');
    expect(analysis.siteName).toBe('Küstenbote');
    expect(analysis.lang).toBe('de');
    expect(analysis.langSource).toBe('markup');
    expect(analysis.url).toMatch(/^file:\/\/.*article-de\.html$/);
    expect(analysis.paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(analysis.text).toContain('Nach dreiwöchiger Pause verkehrt die Fähre');
    expect(analysis.text).not.toContain('Impressum');
    expect(analysis.text).toBe(analysis.blocks.map((b) => b.text).join('\n\n'));
    expect(Object.keys(analysis.timings).length).toBeGreaterThan(0);
  });

  it('--lang overrides the detected language; --compact prints one line; --url sets the address', async () => {
    const run = await runCli([
      '--lang',
      'en-GB',
      '--compact',
      '--url',
      'https://kuestenbote.example/a',
      ARTICLE,
    ]);
    const analysis = parseAnalysis(run);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(analysis.lang).toBe('en');
    expect(analysis.langSource).toBe('override');
    expect(analysis.url).toBe('https://kuestenbote.example/a');
  });

  it('decodes a page in its declared charset', async () => {
    const path = join(scratch, 'latin1.html');
    const html = readFileSync(ARTICLE, 'utf8').replace('charset="utf-8"', 'charset="iso-8859-1"');
    writeFileSync(path, Buffer.from(html, 'latin1'));
    const analysis = parseAnalysis(await runCli([path]));
    expect(analysis.title).toBe('Fähre nach Helgoland fährt wieder täglich');
  });

  it('reads an undeclared UTF-8 file as UTF-8, with its names and quotes', async () => {
    const path = join(scratch, 'undeclared-utf8.html');
    writeFileSync(path, readFileSync(ARTICLE, 'utf8').replace(/<meta charset="utf-8">/i, ''));
    const analysis = parseAnalysis(await runCli([path]));
    expect(analysis.title).toBe('Fähre nach Helgoland fährt wieder täglich');
    expect(analysis.text).not.toMatch(/Ã|â€/);
    expect(analysis.entities.map((entity) => entity.name)).toEqual(
      expect.arrayContaining(['Karin Lorenzen', 'Helgoland', 'Cuxhaven']),
    );
    expect(analysis.quotes.map((quote) => [quote.text, quote.speaker])).toContainEqual([
      'Wir sind froh, dass die Insel wieder zuverlässig erreichbar ist',
      'Karin Lorenzen',
    ]);
  });

  it('reads an undeclared file that is not UTF-8 as windows-1252, and follows a byte order mark', async () => {
    const legacy = join(scratch, 'undeclared-latin1.html');
    const html = readFileSync(ARTICLE, 'utf8').replace(/<meta charset="utf-8">/i, '');
    writeFileSync(legacy, Buffer.from(html, 'latin1'));
    expect(parseAnalysis(await runCli([legacy])).title).toBe('Fähre nach Helgoland fährt wieder täglich');
    const withBom = join(scratch, 'bom.html');
    const misdeclared = html.replace('<head>', '<head><meta charset="iso-8859-1">');
    writeFileSync(
      withBom,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(misdeclared, 'utf8')]),
    );
    expect(parseAnalysis(await runCli([withBom])).title).toBe('Fähre nach Helgoland fährt wieder täglich');
  });

  it("resolves a file's links against its canonical address, or keeps them relative, never file:", async () => {
    const linked = readFileSync(ARTICLE, 'utf8').replace(
      'teilte die Kreisverwaltung mit.',
      'teilte die <a href="/region/kreisverwaltung-cuxhaven-bauarbeiten">Kreisverwaltung</a> mit, die ' +
        'den <a href="//hafen.example/helgoland/sommerfahrplan-abendfahrt">Sommerfahrplan</a> vorstellte.',
    );
    const relative = join(scratch, 'relative-links.html');
    writeFileSync(relative, linked);
    const kept = parseAnalysis(await runCli([relative]));
    expect(kept.related.map((link) => link.url).sort()).toEqual([
      '/region/kreisverwaltung-cuxhaven-bauarbeiten',
      'https://hafen.example/helgoland/sommerfahrplan-abendfahrt',
    ]);
    expect(kept.contentHtml).not.toContain('file:');

    const canonical = join(scratch, 'canonical-links.html');
    writeFileSync(
      canonical,
      linked.replace(
        '<head>',
        '<head><link rel="canonical" href="http://kuestenbote.example/region/faehre">',
      ),
    );
    const resolved = parseAnalysis(await runCli([canonical]));
    expect(resolved.url).toBe('http://kuestenbote.example/region/faehre');
    expect(resolved.related.map((link) => link.url).sort()).toEqual([
      'http://hafen.example/helgoland/sommerfahrplan-abendfahrt',
      'http://kuestenbote.example/region/kreisverwaltung-cuxhaven-bauarbeiten',
    ]);
    expect(resolved.contentHtml).toContain(
      'href="http://kuestenbote.example/region/kreisverwaltung-cuxhaven-bauarbeiten"',
    );
  });

  it('gives the same analysis in jsdom (--dom jsdom) as in the default DOM, and refuses other DOMs', async () => {
    // The DOMs serialise attributes in different orders (linkedom puts class first); nothing else differs.
    const sortedAttributes = (html: string) =>
      html.replace(/<([a-z][\w-]*)((?:\s+[^\s=>]+="[^"]*")+)>/g, (_tag, name: string, attributes: string) =>
        [
          `<${name}`,
          ...attributes
            .trim()
            .split(/\s+(?=[^\s=>]+=")/)
            .sort(),
        ]
          .join(' ')
          .concat('>'),
      );
    const withoutTimings = ({ timings: _timings, contentHtml, ...analysis }: Analysis) => ({
      ...analysis,
      contentHtml: sortedAttributes(contentHtml),
    });
    const linked = parseAnalysis(await runCli([ARTICLE]));
    const jsdom = parseAnalysis(await runCli(['--dom', 'jsdom', ARTICLE]));
    expect(linked.entities.length).toBeGreaterThan(0);
    expect(withoutTimings(jsdom)).toEqual(withoutTimings(linked));
    expectOneErrorLine(await runCli(['--dom', 'happy', ARTICLE]), /--dom must be linkedom or jsdom/);
  });

  it('prints entities citing sentences by index; --full prints the verbose shape the lean one restores', async () => {
    const lean = await runCli(['--compact', ARTICLE]);
    const full = await runCli(['--compact', '--full', ARTICLE]);
    expect(full.code).toBe(0);
    const verbose = JSON.parse(full.stdout) as Analysis;
    const restored = parseAnalysis(lean);
    const leanEntities = (JSON.parse(lean.stdout) as LeanAnalysis).entities;
    expect(leanEntities.length).toBeGreaterThan(1);
    for (const entity of leanEntities) expect(entity.sentences.every(Number.isInteger)).toBe(true);
    expect(verbose.paragraphs.length).toBeGreaterThanOrEqual(4);
    expect({ ...restored, timings: {} }).toEqual({ ...verbose, timings: {} });
    expect(lean.stdout.length).toBeLessThan(full.stdout.length);
  });

  it('says when a page is not an article, with exit code 0', async () => {
    const analysis = parseAnalysis(await runCli([NOT_AN_ARTICLE]));
    expect(analysis.status).not.toBe('ok');
    expect(analysis.message).toBeTruthy();
    expect(analysis.entities).toEqual([]);
  });

  it('takes a file: URL as a file, and prints usage for --help', async () => {
    const analysis = parseAnalysis(await runCli([pathToFileURL(ARTICLE).href]));
    expect(analysis.url).toBe(pathToFileURL(ARTICLE).href);
    expect(analysis.status).toBe('ok');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:/);
    expect(help.stdout).toContain('--jsonl');
  });

  it("reads HTML from stdin with '-'", async () => {
    const html = readFileSync(ARTICLE);
    const analysis = parseAnalysis(await runCli(['-'], html));
    expect(analysis.status).toBe('ok');
    expect(analysis.title).toBe('Fähre nach Helgoland fährt wieder täglich');
  });
});

describe('the Node model loader', () => {
  it('reads a model file as an ArrayBuffer, gives null for a missing one, and refuses other names and paths', async () => {
    const dir = join(scratch, 'models');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tiny.bin'), Buffer.from([1, 2, 3, 4]));
    writeFileSync(join(dir, 'tiny.json'), '{"labels":["PER","LOC"]}');
    const load = createNodeModelLoader(dir);
    const bytes = await load('tiny.bin');
    expect(Object.prototype.toString.call(bytes)).toBe('[object ArrayBuffer]');
    expect([...new Uint8Array(bytes!)]).toEqual([1, 2, 3, 4]);
    expect(await load('absent.bin')).toBeNull();
    await expect(load('tiny.json')).rejects.toThrow(/invalid model name/);
    await expect(load('../tiny.bin')).rejects.toThrow(/invalid model name/);
  });

  it('reads the bundled public/models', async () => {
    const model = await loadModelFromDisk('ner-de.bin');
    expect(Object.prototype.toString.call(model)).toBe('[object ArrayBuffer]');
    expect(await loadModelFromDisk('ner-xx.bin')).toBeNull();
  });
});

describe('analyze errors: one line on stderr, exit code 1', () => {
  it('a missing file (child process)', async () => {
    expectOneErrorLine(await spawnCli([join(scratch, 'nope.html')]), /no such file: .*nope\.html/);
  });

  it('a binary file', async () => {
    const path = join(scratch, 'image.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expectOneErrorLine(await runCli([path]), /not an HTML document/);
  });

  it('a bad URL, an unsupported scheme, a bad --lang, a wrong argument count', async () => {
    expectOneErrorLine(await runCli(['http://']), /not a valid URL/);
    expectOneErrorLine(await runCli(['ftp://example.com/a.html']), /unsupported URL scheme ftp:/);
    expectOneErrorLine(await runCli(['--lang', 'klingon', ARTICLE]), /--lang: not a language tag/);
    expectOneErrorLine(await runCli([]), /expected one file, URL or '-', got 0/);
  });
});

describe('analyze <http url>', () => {
  let server: Server;
  let origin = '';
  let articleHtml = '';

  beforeAll(async () => {
    articleHtml = readFileSync(ARTICLE, 'utf8');
    server = createServer((request, response) => {
      if (request.url === '/artikel') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml);
      } else if (request.url === '/report.pdf') {
        response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n');
      } else {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      }
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('fetches and analyses an HTML page', async () => {
    const analysis = parseAnalysis(await runCli([`${origin}/artikel`]));
    expect(analysis.url).toBe(`${origin}/artikel`);
    expect(analysis.title).toBe('Fähre nach Helgoland fährt wieder täglich');
  });

  it('refuses a non-HTML response and an HTTP error', async () => {
    expectOneErrorLine(
      await runCli([`${origin}/report.pdf`]),
      /not an HTML page \(content-type: application\/pdf\)/,
    );
    expectOneErrorLine(await runCli([`${origin}/missing`]), /HTTP 404/);
  });

  it('reports a server that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expectOneErrorLine(await runCli([`http://127.0.0.1:${port}/`]), /could not fetch .*ECONNREFUSED/);
  });
});

describe('analyze --jsonl', () => {
  it('writes one line per input, in order, with an error line for each bad input', async () => {
    const html = readFileSync(ARTICLE, 'utf8');
    const input = [
      JSON.stringify({ id: 'page', html, url: 'https://kuestenbote.example/faehre' }),
      JSON.stringify({
        id: 2,
        text: 'The council met on Tuesday to discuss the new tram line.\n\nIt voted to extend the line to the airport by 2030.',
        lang: 'en',
      }),
      '{not json',
      JSON.stringify({ id: 'neither' }),
      '',
      JSON.stringify({ id: 'both', html: '<p>x</p>', text: 'x' }),
      JSON.stringify({ id: 'bad-lang', text: 'Hallo Welt', lang: '??' }),
      JSON.stringify({
        id: 'last',
        text: 'Ein kurzer Text über die Fähre nach Helgoland und ihre Fahrgäste im Sommer.',
      }),
    ].join('\n');
    const run = await runCli(['--jsonl'], `${input}\n`);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^analyze: 4 of 7 inputs could not be analysed\n$/);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Partial<LeanAnalysis> & { id: unknown; error?: string });
    expect(lines.map((line) => line.id)).toEqual(['page', 2, null, 'neither', 'both', 'bad-lang', 'last']);

    const [page, text, notJson, neither, both, badLang, last] = lines;
    expect(page?.status).toBe('ok');
    expect(page?.title).toBe('Fähre nach Helgoland fährt wieder täglich');
    expect(page?.url).toBe('https://kuestenbote.example/faehre');
    expect(text?.status).toBe('ok');
    expect(text?.blocks?.map((block) => block.text)).toEqual([
      'The council met on Tuesday to discuss the new tram line.',
      'It voted to extend the line to the airport by 2030.',
    ]);
    expect(text?.lang).toBe('en');
    expect(notJson?.error).toMatch(/not JSON/);
    expect(neither?.error).toMatch(/exactly one of html and text/);
    expect(both?.error).toMatch(/exactly one of html and text/);
    expect(badLang?.error).toMatch(/not a language tag/);
    expect(last?.status).toBe('ok');
    expect(last?.lang).toBe('de');
    for (const line of [page, text, last]) expect(line?.error).toBeUndefined();
  });
});

describeWithSharedData('analyze on the generated seed page', () => {
  it('prints the JSON of the seed article', async () => {
    const path = join(scratch, 'seed.html');
    writeFileSync(path, buildSeedPage({ origin: 'http://127.0.0.1:8080' }) ?? '');
    const seed = readSeedArticle()!;
    const analysis = parseAnalysis(await runCli([path, '--url', 'http://127.0.0.1:8080/politik/asien/seed']));
    expect(analysis.status).toBe('ok');
    expect(analysis.title).toBe(seed.title);
    expect(analysis.lang).toBe('de');
    expect(analysis.wordCount).toBeGreaterThan(300);
    expect(analysis.text).toContain(seed.blocks.find((b) => b.kind === 'paragraph')!.text);
    expect(analysis.summary.length).toBeGreaterThan(0);
    expect(analysis.entities.length).toBeGreaterThan(0);
    expect(analysis.quotes.length).toBeGreaterThan(0);
    expect(analysis.related.length).toBeGreaterThan(0);
  });
});
