/**
 * Reading a Chromium CDP trace of a bench page (scripts/trace-hostile.ts, scripts/trace-library.ts): the
 * categories to record, and each long task of the page's main thread with what it spent its time on.
 */
export interface TraceEvent {
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

export const CATEGORIES = [
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
  // Which collection, and how much of the heap it found dead (GC: of what?).
  if (e.name === 'MajorGC' || e.name === 'MinorGC') {
    const before = Number(e.args?.usedHeapSizeBefore ?? 0) / 1e6;
    const after = Number(e.args?.usedHeapSizeAfter ?? 0) / 1e6;
    return before > 0 ? `${e.name} (${before.toFixed(0)}→${after.toFixed(0)} MB)` : e.name;
  }
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

/**
 * Prints each renderer main-thread task of at least `longMs` in a trace (the JSON text puppeteer's
 * tracing.stop returns): its wall and CPU time, the last user-timing mark before it (the bench's phase),
 * the largest trace events inside it by self time and the JS functions the sampler saw most.
 */
export function printLongTasks(text: string, longMs: number): void {
  const events = (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = mainThread(events);
  if (!main) return;
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  // The bench's own marks (a parsed document's navigation marks are user timing too: DOMPurify makes many).
  const marks = thread
    .filter((e) => e.cat.includes('blink.user_timing') && !/^(dom|navigation|fetch|unload)/i.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  // One event per task (ThreadControllerImpl::RunTask; its twin RunTask has no thread time). Long by
  // wall time; the CPU time (tdur) says how much of it was the page's thread working, not waiting for
  // a core on a loaded machine.
  const all = thread.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  // Long by wall time, or among the ten that kept the thread busiest (on a loaded machine the two differ).
  const busiest = new Set([...all].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 10));
  const tasks = all.filter((e) => (e.dur ?? 0) >= longMs * 1000 || busiest.has(e));
  const markAt = (ts: number) => marks.filter((m) => m.ts <= ts).at(-1)?.name ?? '';
  console.log(
    `  ${all.length} tasks; ${all.filter((e) => (e.dur ?? 0) >= longMs * 1000).length} of ${longMs} ms or more wall time, ${all.filter((e) => (e.tdur ?? 0) >= longMs * 1000).length} of ${longMs} ms or more CPU time`,
  );
  const busiestList = [...busiest].map((e) => `${Math.round((e.tdur ?? 0) / 1000)} (${markAt(e.ts)})`);
  console.log(`  busiest tasks, CPU ms (step): ${busiestList.join(', ')}`);
  // Not Math.min(...spread): a long trace holds more events than a call takes arguments.
  const t0 = thread.reduce((min, e) => (e.ph === 'X' && e.ts < min ? e.ts : min), Number.POSITIVE_INFINITY);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const mark = markAt(task.ts);
    const cpu = task.tdur === undefined ? '' : `, CPU ${Math.round(task.tdur / 1000)} ms`;
    console.log(
      `  task at ${Math.round((task.ts - t0) / 1000)} ms: ${Math.round((task.dur ?? 0) / 1000)} ms${cpu}; ${mark}`,
    );
    console.log(`    events (self ms): ${top(breakdown(thread, task.ts, end), 8)}`);
    console.log(`    js (self ms): ${top(jsSamples(events, main.pid, task.ts, end), 8)}`);
  }
}
