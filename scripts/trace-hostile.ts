/**
 * Finds the long tasks of the page's thread on the hostile pages (issue 18), in headless Chromium: runs the
 * hostile bench's in-page flow (scripts/bench/hostile.ts: extraction, analysis, the reading aids' show())
 * under a CDP trace of the page (devtools.timeline, v8.execute, blink.user_timing, the JS sampler) and
 * prints each renderer main-thread task over 50 ms with what it spent its time on: the largest trace
 * events inside it (style recalc, layout, paint, GC, script) and the JS functions the sampler saw most.
 * Run: `HOSTILE_PAGES=huge-text npx tsx scripts/trace-hostile.ts` (TRACE_OUT=file keeps the trace).
 */
import { writeFileSync } from 'node:fs';
import { buildHostilePages } from '../tests/support/hostile-pages.ts';
import { measureInPage } from './bench/hostile.ts';
import { bundlePipeline, launchBenchChromium, serveBenchPages } from './support/pipeline-page.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not stretched by other processes on a loaded machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

const LONG_MS = 50;

/** The renderer main thread: the CrRendererMain thread with the most complete events. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const counts = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  let best: { pid: number; tid: number } | null = null;
  let most = -1;
  for (const n of names) {
    if ((n.args as { name?: string })?.name !== 'CrRendererMain') continue;
    const c = counts.get(`${n.pid}:${n.tid}`) ?? 0;
    if (c > most) {
      most = c;
      best = { pid: n.pid, tid: n.tid };
    }
  }
  return best;
}

/** Self time per event name inside [start, end) on the thread (nested complete events). */
function breakdown(events: TraceEvent[], start: number, end: number): Map<string, number> {
  const inside = events
    .filter((e) => e.ph === 'X' && e.ts >= start && e.ts + (e.dur ?? 0) <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; child: number }> = [];
  const close = (upTo: number) => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.e.ts + (top.e.dur ?? 0) > upTo) break;
      stack.pop();
      const label = describe(top.e);
      self.set(label, (self.get(label) ?? 0) + (top.e.dur ?? 0) - top.child);
      if (stack.length > 0) stack[stack.length - 1]!.child += top.e.dur ?? 0;
    }
  };
  for (const e of inside) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

function describe(e: TraceEvent): string {
  const data = (e.args?.data ?? e.args?.beginData) as Record<string, unknown> | undefined;
  if (e.name === 'FunctionCall' && data)
    return `FunctionCall ${data.functionName || '(anon)'} ${String(data.url ?? '').slice(-30)}:${data.lineNumber}`;
  if (e.name === 'UpdateLayoutTree' || e.name === 'RecalculateStyles')
    return `${e.name} (${data?.elementCount ?? e.args?.elementCount ?? '?'} elements)`;
  if (e.name === 'Layout') return 'Layout';
  return e.name;
}

/** JS self samples per function inside [start, end) from the v8 cpu profile chunks. */
function jsSamples(events: TraceEvent[], pid: number, start: number, end: number): Map<string, number> {
  const nodes = new Map<number, string>();
  const out = new Map<string, number>();
  let time = 0;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') time = (e.args?.data as { startTime?: number } | undefined)?.startTime ?? time;
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as {
      cpuProfile?: {
        nodes?: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? [])
      nodes.set(
        n.id,
        `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').slice(-24)}:${n.callFrame.lineNumber}`,
      );
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      time += deltas[i] ?? 0;
      if (time < start || time >= end) continue;
      const name = nodes.get(samples[i]!) ?? `#${samples[i]}`;
      out.set(name, (out.get(name) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
    }
  }
  return out;
}

const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .filter(([, us]) => us >= 1000)
    .map(([name, us]) => `${name} ${Math.round(us / 1000)}`)
    .join('; ');

const only = process.env.HOSTILE_PAGES?.split(',') ?? ['huge-text'];
const pages = buildHostilePages().filter((page) => only.includes(page.name));
const server = await serveBenchPages();
for (const page of pages) server.route(`/${page.name}`, page.html);
const script = await bundlePipeline({ minify: false });
const browser = await launchBenchChromium();
try {
  for (const spec of pages) {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/${spec.name}`, { waitUntil: 'load', timeout: 120_000 });
    await tab.evaluate(script);
    await tab.evaluate('globalThis.__name = (fn) => fn');
    await tab.tracing.start({ categories: CATEGORIES });
    const figures = await tab.evaluate(measureInPage);
    const buffer = await tab.tracing.stop();
    const text = new TextDecoder().decode(buffer);
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, text);
    const events = (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = mainThread(events);
    console.log(
      `${spec.name}: worst task ${Math.round(figures.worstTaskMs ?? 0)} ms, gaps ${JSON.stringify(figures.gaps)}, paint ${Math.round(figures.paintMs)} ms`,
    );
    if (!main) continue;
    const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
    const marks = thread.filter((e) => e.cat.includes('blink.user_timing'));
    // One event per task (ThreadControllerImpl::RunTask; its twin RunTask has no thread time). Long by
    // wall time; the CPU time (tdur) says how much of it was the page's thread working, not waiting for
    // a core on a loaded machine.
    const tasks = thread.filter(
      (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= LONG_MS * 1000,
    );
    const t0 = Math.min(...thread.filter((e) => e.ph === 'X').map((e) => e.ts));
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      const mark = marks.filter((m) => m.ts <= task.ts).at(-1)?.name ?? '';
      const cpu = task.tdur === undefined ? '' : `, CPU ${Math.round(task.tdur / 1000)} ms`;
      console.log(
        `  task at ${Math.round((task.ts - t0) / 1000)} ms: ${Math.round((task.dur ?? 0) / 1000)} ms${cpu}; ${mark}`,
      );
      console.log(`    events (self ms): ${top(breakdown(thread, task.ts, end), 8)}`);
      console.log(`    js (self ms): ${top(jsSamples(events, main.pid, task.ts, end), 8)}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
