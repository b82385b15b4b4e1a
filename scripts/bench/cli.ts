/**
 * Benchmark: the analyze CLI as shipped (`npm run analyze`: node scripts/cli/analyze.mjs, the bundle
 * dist/analyze.mjs). Three figures, each against its floor in the same run (runs alternate so both
 * meet the same machine load; medians):
 *  - start: `analyze --help` against a bare `node -e 0` (goal ≤ 6×);
 *  - throughput: `analyze --jsonl` over the 20 shared pages repeated to 49 inputs, against a process
 *    that runs Readability's parse() alone on the same inputs in the same DOM (goal ≤ 1.5×), in
 *    linkedom (the default) and, over the 20 pages once, jsdom (`--dom jsdom`), with where the CLI's time goes (parsing, each
 *    pipeline stage, the rest);
 *  - memory: peak RSS and JSON size on a 5 MB article (goal < 300 MB), lean and `--full`.
 * Each figure ends with PASS or NOT MET against its goal; for throughput the verdict is on wall time (the
 * issue's figure), with the CPU-time ratio and its verdict beside it (other load on the machine disturbs
 * CPU time less). Asserts nothing. Run: `npm run bench cli` (BENCH_ITERATIONS=n sets the jsonl runs,
 * default 3; BENCH_CLI_PARTS=start,jsonl,jsdom,memory picks parts, default all).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { hugeArticle } from '../../tests/support/hostile-pages.ts';
import { hasSharedData, ROOT, sharedPath } from '../../tests/support/shared-paths.ts';
import { buildCli, NODE_BUNDLE } from '../cli/build.ts';

const WORK = join(ROOT, '.bench', 'cli');
const LAUNCHER = join(ROOT, 'scripts', 'cli', 'analyze.mjs');
const FLOOR = join(WORK, 'readability-jsonl.mjs');
const RSS_PRELOAD = join(WORK, 'peak-rss.cjs');
const JSONL_INPUTS = 49;
/** `--jsonl` time over Readability's parse() alone on the same inputs and DOM (issue 16). */
const JSONL_GOAL = 1.5;
/** `analyze --help` over a bare `node -e 0`. */
const START_GOAL = 6;
/** Peak RSS on the 5 MB page, in MB. */
const MEMORY_GOAL_MB = 300;
const START_RUNS = 11;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS) || 3;
const PAGE_URL = 'http://fakehost/test/page.html';

interface Run {
  ms: number;
  stdout: string;
  /** Peak resident set of the child in MB (from the preload). */
  peakMb: number;
  /** The child's CPU time (user + system), which other load on the machine disturbs less than wall time. */
  cpuMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
/** The word for a ratio against its goal (issue 16). */
const verdict = (ratio: number, goal: number) => (ratio <= goal ? 'PASS' : 'NOT MET');

/** One child `node args…` with `input` on stdin; wall time, stdout, and its peak RSS. */
function runNode(args: string[], input?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', RSS_PRELOAD, ...args], { cwd: ROOT });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const usage = /kontext-usage (\d+) ([\d.]+)/.exec(err);
      if (code !== 0) fail(new Error(`node ${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
      else {
        const stdout = Buffer.concat(out).toString('utf8');
        done({ ms, stdout, peakMb: Number(usage?.[1] ?? 0) / 1024, cpuMs: Number(usage?.[2] ?? 0) });
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

async function prepare(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    RSS_PRELOAD,
    // A CommonJS preload (node -r) that reports the child's peak RSS and CPU time on stderr as it exits.
    [
      "process.on('exit', () => {",
      '  const usage = process.resourceUsage();',
      '  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1000;',
      "  require('node:fs').writeSync(2, 'kontext-usage ' + usage.maxRSS + ' ' + cpu + '\\n');",
      '});',
      '',
    ].join('\n'),
  );
  await buildCli();
  await build({
    ...NODE_BUNDLE,
    entryPoints: ['scripts/bench/support/readability-jsonl.ts'],
    outfile: FLOOR,
  });
}

async function benchStart(): Promise<void> {
  const bare: number[] = [];
  const help: number[] = [];
  await runNode([LAUNCHER, '--help']);
  for (let i = 0; i < START_RUNS; i++) {
    bare.push((await runNode(['-e', '0'])).ms);
    help.push((await runNode([LAUNCHER, '--help'])).ms);
  }
  console.log(
    `cli start: analyze --help ${ms(median(help))}, node -e 0 ${ms(median(bare))}: ` +
      `${(median(help) / median(bare)).toFixed(2)}× (goal ≤ ${START_GOAL}×: ` +
      `${verdict(median(help) / median(bare), START_GOAL)}; median of ${START_RUNS})`,
  );
}

function jsonlInput(): string {
  const dir = sharedPath('pages', 'readability');
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const pages = names.map((name) => readFileSync(join(dir, name, 'source.html'), 'utf8'));
  return Array.from({ length: JSONL_INPUTS }, (_, i) =>
    JSON.stringify({ id: `${names[i % names.length]}#${i}`, html: pages[i % pages.length], url: PAGE_URL }),
  ).join('\n');
}

/** Where the CLI's time went, from the timings each analysis carries (ms summed over all inputs). */
function stageTotals(stdout: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const { timings } = JSON.parse(line) as { timings?: Record<string, number> };
    for (const [stage, value] of Object.entries(timings ?? {})) totals[stage] = (totals[stage] ?? 0) + value;
  }
  return totals;
}

async function benchJsonl(dom: 'linkedom' | 'jsdom', input: string, iterations: number): Promise<void> {
  const inputs = input.split('\n').length;
  const cli: Run[] = [];
  const floor: Run[] = [];
  for (let i = 0; i < iterations; i++) {
    floor.push(await runNode([FLOOR, dom], input));
    cli.push(await runNode([LAUNCHER, '--jsonl', '--compact', '--dom', dom], input));
  }
  const cliMs = median(cli.map((run) => run.ms));
  const floorMs = median(floor.map((run) => run.ms));
  const cliCpu = median(cli.map((run) => run.cpuMs));
  const floorCpu = median(floor.map((run) => run.cpuMs));
  const ratio = cliMs / floorMs;
  const cpuRatio = cliCpu / floorCpu;
  console.log(
    `cli --jsonl (${dom}, ${inputs} inputs): ${ms(cliMs)}, Readability parse() alone ${ms(floorMs)}: ` +
      `${ratio.toFixed(2)}× (goal ≤ ${JSONL_GOAL}×: ${verdict(ratio, JSONL_GOAL)}; median of ${iterations}); ` +
      `CPU time ${ms(cliCpu)} vs ${ms(floorCpu)}: ${cpuRatio.toFixed(2)}× (${verdict(cpuRatio, JSONL_GOAL)}); ` +
      `peak ${median(cli.map((r) => r.peakMb)).toFixed(0)} MB`,
  );
  const totals = stageTotals(cli[0]!.stdout);
  const staged = Object.values(totals).reduce((sum, value) => sum + value, 0);
  const parts = Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .map(([stage, value]) => `${stage} ${ms(value)}`);
  console.log(
    `  where it goes (first run, ${ms(cli[0]!.ms)}): ${parts.join(', ')}; ` +
      `outside the stages (start, DOM parsing, JSON) ${ms(cli[0]!.ms - staged)}`,
  );
}

async function benchMemory(): Promise<void> {
  const path = join(WORK, 'huge-5mb.html');
  const html = hugeArticle(5_000_000);
  writeFileSync(path, html);
  const args = [LAUNCHER, path, '--compact', '--url', 'https://example.org/huge'];
  for (const [label, extra] of [
    ['lean', []],
    ['--full', ['--full']],
  ] as const) {
    const run = await runNode([...args, ...extra]);
    console.log(
      `cli on a ${(html.length / 1e6).toFixed(1)} MB page (${label}): peak ${run.peakMb.toFixed(0)} MB ` +
        `(goal < ${MEMORY_GOAL_MB} MB: ${run.peakMb < MEMORY_GOAL_MB ? 'PASS' : 'NOT MET'}), ${ms(run.ms)}, ` +
        `${(Buffer.byteLength(run.stdout) / 1e6).toFixed(1)} MB of JSON`,
    );
  }
}

/** The parts BENCH_CLI_PARTS asks for (all when unset). */
const PARTS = new Set(
  (process.env.BENCH_CLI_PARTS ?? 'start,jsonl,jsdom,memory').split(',').map((p) => p.trim()),
);

export default async function benchCli(): Promise<void> {
  await prepare();
  if (PARTS.has('start')) await benchStart();
  if ((PARTS.has('jsonl') || PARTS.has('jsdom')) && hasSharedData) {
    const input = jsonlInput();
    if (PARTS.has('jsonl')) await benchJsonl('linkedom', input, ITERATIONS);
    // jsdom is ~10× slower: one run over the 20 pages (one line each) keeps the section short.
    if (PARTS.has('jsdom')) await benchJsonl('jsdom', input.split('\n').slice(0, 20).join('\n'), 1);
  } else if (PARTS.has('jsonl') || PARTS.has('jsdom')) {
    console.log(`cli --jsonl: skipped, no shared pages at ${sharedPath()}`);
  }
  if (PARTS.has('memory')) await benchMemory();
}
