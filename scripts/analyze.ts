/**
 * The analyze CLI: runs Kontext's lib/ pipeline in Node on a server-side DOM (linkedom built by parse5,
 * or jsdom with `--dom jsdom`; scripts/cli/dom.ts) and prints the Analysis as JSON. See `usage` below,
 * or the README's CLI section. `npm run analyze` runs the prebuilt bundle (scripts/cli/build.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { toLeanAnalysis } from '../lib/analysis-lean.ts';
import type { AnalyzeOptions } from '../lib/analyze.ts';
import { charsetOfContentType, declaredPageUrl, decodePageBytes } from '../lib/page-input.ts';
import { normalizeLangTag } from '../lib/text/language.ts';
import type { Analysis } from '../lib/types.ts';
import { isWebUrl } from '../lib/url.ts';
import type { DomName } from './cli/dom.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

const usage = `Usage:
  npm run -s analyze -- [options] <file.html | http(s)://url | ->
  npm run -s analyze -- --jsonl [options] < inputs.jsonl

Prints the Analysis of one page as JSON ('-' reads the HTML from stdin). Entities cite their
sentences by index into the top-level "sentences" list, and "paragraphs" (the blocks' texts) is
left out; --full prints the verbose shape instead.

Options:
  --lang xx          use language xx instead of the detected one
  --url URL          the page's address for a file or stdin (resolves its relative links); without
                     it a file's links resolve against the address the page declares (<base href>,
                     canonical link, og:url) or stay relative
  --summary short|long
  --compact          one-line JSON instead of pretty-printed
  --full             the verbose shape: each entity with its sentences written out, and paragraphs
  --dom linkedom|jsdom
                     the DOM the page is parsed into (default linkedom, fed by the standard HTML
                     parser parse5; jsdom is slower and kept for comparison)
  --jsonl            read JSON lines {id, html? | text?, url?, lang?, title?} from stdin and write one
                     line {id, ...analysis} per input ({id, error} when an input cannot be analysed);
                     plain text is an article whose paragraphs are its blank-line-separated blocks
  -h, --help         this text`;

/** The pipeline and the DOM, loaded only once there is something to analyse (usage errors answer at once). */
const pipeline = () => import('../lib/analyze.ts');
const domModule = () => import('./cli/dom.ts');

/** How an analysis is printed: lean (the default, lib/analysis-lean.ts) or as it is (`--full`). */
type Shape = (analysis: Analysis) => object;
const shapeOf = (full: boolean | undefined): Shape => (full ? (analysis) => analysis : toLeanAnalysis);

/** An error the user can act on: printed as one line, exit code 1. */
class CliError extends Error {}

const FETCH_TIMEOUT_MS = 30_000;
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** A page's bytes, where they came from, and the charset the server declared for them (fetches only). */
interface PageSource {
  bytes: Uint8Array;
  url: string;
  charset: string | null;
}

/** Where the CLI reads and writes: the process's streams, or a test's. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): boolean; once(event: 'drain', listener: () => void): unknown };
  stderr: { write(text: string): unknown };
}

async function readAll(input: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** HTML has no NUL bytes; a file with them is an image, a PDF or an archive. */
function assertLooksLikeText(bytes: Uint8Array, what: string): void {
  if (bytes.subarray(0, 4096).includes(0))
    throw new CliError(`${what} is not an HTML document (binary data)`);
}

async function fetchPage(address: string): Promise<PageSource> {
  let response: Response;
  try {
    response = await fetch(address, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Kontext-CLI' },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CliError(`could not fetch ${address}: ${reason}`);
  }
  if (!response.ok)
    throw new CliError(`could not fetch ${address}: HTTP ${response.status} ${response.statusText}`);
  const contentType = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (
    contentType
      ? !HTML_TYPES.test(contentType)
      : !/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 512)))
  ) {
    throw new CliError(`${address} is not an HTML page (content-type: ${contentType || 'none'})`);
  }
  // The type itself is always parsed as HTML (XHTML served as XML is usually not well-formed enough
  // for an XML parser); the charset the server declared decides the decoding, after a BOM.
  return { bytes, url: response.url || address, charset: charsetOfContentType(contentType) };
}

async function readPageFile(path: string): Promise<PageSource> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`no such file: ${path}`);
    if (code === 'EISDIR') throw new CliError(`${path} is a directory, not an HTML file`);
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  assertLooksLikeText(bytes, path);
  return { bytes, url: pathToFileURL(resolve(path)).href, charset: null };
}

/** A file path, an http(s) URL, a file: URL or '-' (stdin). */
async function loadPage(input: string, stdin: NodeJS.ReadableStream): Promise<PageSource> {
  if (input === '-') {
    const bytes = await readAll(stdin);
    assertLooksLikeText(bytes, 'stdin');
    return { bytes, url: 'about:blank', charset: null };
  }
  if (/^[a-z][a-z\d+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new CliError(`not a valid URL: ${input}`);
    }
    if (url.protocol === 'file:') return readPageFile(fileURLToPath(url));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new CliError(
        `unsupported URL scheme ${url.protocol} in ${input} (use http, https or a file path)`,
      );
    }
    return fetchPage(url.href);
  }
  return readPageFile(input);
}

/**
 * Gives a page without a web address the one it declares (<base href>, canonical, og:url) as its base,
 * so its links resolve as they did where it was published. Returns that address, or null.
 */
function adoptDeclaredAddress(doc: Document): string | null {
  const declared = declaredPageUrl(doc);
  if (!declared) return null;
  const base =
    doc.querySelector('base[href]') ?? doc.head.insertBefore(doc.createElement('base'), doc.head.firstChild);
  base.setAttribute('href', new URL(base.getAttribute('href') ?? '', declared).href);
  return declared;
}

/**
 * Analyses decoded HTML. `url` is the page's address: a web address resolves its links; a file's or
 * stdin's address does not (a browser would make them file: links), so such a page is parsed without
 * one and its links resolve against the address it declares, or stay relative.
 */
export async function analyzeHtml(
  html: string,
  url: string,
  options: AnalyzeOptions,
  domName: DomName = 'linkedom',
): Promise<Analysis> {
  const webAddress = isWebUrl(url) ? url : null;
  const [{ parsePage, pinBase }, { analyzeDocument }] = await Promise.all([domModule(), pipeline()]);
  // Scripts never run in either DOM: page content is untrusted.
  const dom = await parsePage(html, webAddress ?? 'about:blank', domName);
  try {
    const doc = dom.document;
    const address = webAddress ?? adoptDeclaredAddress(doc) ?? url;
    // The <base> is final from here on.
    pinBase(doc);
    // The page was parsed for this analysis alone: Readability may read it in place (no copy).
    return await analyzeDocument(doc, address, options, { inPlace: true });
  } finally {
    dom.close();
  }
}

function checkedLang(lang: string | undefined, where: string): string | undefined {
  if (lang === undefined) return undefined;
  const normalized = normalizeLangTag(lang);
  if (!normalized) throw new CliError(`${where}: not a language tag: ${JSON.stringify(lang)}`);
  return normalized;
}

const JsonlInput = v.pipe(
  v.object({
    id: v.union([v.string(), v.number()]),
    html: v.optional(v.string()),
    text: v.optional(v.string()),
    url: v.optional(v.pipe(v.string(), v.url())),
    lang: v.optional(v.string()),
    title: v.optional(v.string()),
  }),
  v.check(
    (input) => (input.html === undefined) !== (input.text === undefined),
    'needs exactly one of html and text',
  ),
);

function idOf(value: unknown): string | number | null {
  if (value && typeof value === 'object' && 'id' in value) {
    const { id } = value as { id: unknown };
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

async function analyzeJsonlLine(
  line: string,
  options: AnalyzeOptions,
  domName: DomName,
  shape: Shape,
): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `not JSON: ${(error as Error).message}` };
  }
  const parsed = v.safeParse(JsonlInput, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => p.key).join('.');
    return { id: idOf(value), error: `bad input${path ? ` (${path})` : ''}: ${issue.message}` };
  }
  const input = parsed.output;
  try {
    const lang = checkedLang(input.lang, 'lang') ?? options.lang;
    const lineOptions = { ...options, lang };
    const { analyzeText } = await pipeline();
    const analysis =
      input.text !== undefined
        ? await analyzeText(input.text, { url: input.url, title: input.title }, lineOptions)
        : await analyzeHtml(input.html ?? '', input.url ?? 'about:blank', lineOptions, domName);
    return { id: input.id, ...shape(analysis) };
  } catch (error) {
    return { id: input.id, error: (error as Error).message };
  }
}

async function runJsonl(options: AnalyzeOptions, domName: DomName, shape: Shape, io: CliIo): Promise<void> {
  let failed = 0;
  let total = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    total++;
    const result = await analyzeJsonlLine(line, options, domName, shape);
    if ('error' in result) failed++;
    if (!io.stdout.write(`${JSON.stringify(result)}\n`)) {
      await new Promise<void>((done) => io.stdout.once('drain', done));
    }
  }
  if (failed > 0) io.stderr.write(`analyze: ${failed} of ${total} inputs could not be analysed\n`);
}

async function run(argv: string[], io: CliIo): Promise<void> {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see --help)`);
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return;
  }
  const summaryLength = values.summary;
  if (summaryLength !== undefined && summaryLength !== 'short' && summaryLength !== 'long') {
    throw new CliError(`--summary must be short or long, not ${JSON.stringify(summaryLength)}`);
  }
  const domName = values.dom ?? 'linkedom';
  if (domName !== 'linkedom' && domName !== 'jsdom') {
    throw new CliError(`--dom must be linkedom or jsdom, not ${JSON.stringify(domName)}`);
  }
  const options: AnalyzeOptions = {
    lang: checkedLang(values.lang, '--lang'),
    loadModel: loadModelFromDisk,
    summaryLength,
  };

  if (values.jsonl) {
    if (positionals.length > 0) throw new CliError('--jsonl reads stdin; it takes no file or URL');
    await runJsonl(options, domName, shapeOf(values.full), io);
    return;
  }
  if (positionals.length !== 1) {
    throw new CliError(`expected one file, URL or '-', got ${positionals.length} (see --help)`);
  }
  const page = await loadPage(positionals[0]!, io.stdin);
  let url = page.url;
  if (values.url !== undefined) {
    if (!URL.canParse(values.url)) throw new CliError(`--url: not a valid URL: ${values.url}`);
    url = values.url;
  }
  const analysis = await analyzeHtml(decodePageBytes(page.bytes, page.charset), url, options, domName);
  const printed = shapeOf(values.full)(analysis);
  io.stdout.write(`${JSON.stringify(printed, null, values.compact ? undefined : 2)}\n`);
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string' },
      url: { type: 'string' },
      summary: { type: 'string' },
      compact: { type: 'boolean' },
      full: { type: 'boolean' },
      dom: { type: 'string' },
      jsonl: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * Runs the CLI with `argv` (the arguments after the script) and returns its exit code: 0, or 1 after
 * one error line on stderr.
 */
export async function runAnalyzeCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    const message =
      error instanceof CliError ? error.message : `internal error: ${(error as Error)?.message ?? error}`;
    // One line, always: scripts and people read the first line of stderr.
    io.stderr.write(`analyze: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}

/** Runs the CLI as this process: its arguments, its streams, its exit code. */
export async function runAsProcess(): Promise<void> {
  // A reader closing the pipe early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await runAnalyzeCli(process.argv.slice(2), process);
}

// Run directly (`tsx scripts/analyze.ts`). The bundle defines KONTEXT_CLI_BUNDLE so this goes; its
// entry (scripts/cli/main.ts) runs the CLI instead.
if (
  process.env.KONTEXT_CLI_BUNDLE !== '1' &&
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  await runAsProcess();
}
