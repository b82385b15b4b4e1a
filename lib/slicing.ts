/**
 * Cooperative time slicing for long work in a page's thread. The work is written once, as a generator
 * that `yield`s at points where it may pause; `runSliced` runs it in slices of about `budgetMs` and gives
 * the event loop a turn between slices (the page's timers, input and rendering run), `runToEnd` runs it
 * in one go (the CLI, tests, callers that cannot wait). Pure: only `setTimeout`, `MessageChannel`,
 * `performance.now` and the document's visibility.
 */

/**
 * Yielded (`yield AFTER_FRAME`) by sliced work that has changed what the page looks like and must let the
 * browser render that before it goes on: on a huge page a stylesheet change and newly registered
 * highlights each cost a rendering update over the whole document (see lib/highlight/painter.ts), and
 * two such changes in one frame make one long task of both.
 */
export const AFTER_FRAME: unique symbol = Symbol('kontext:after-frame');

/** Work that may pause at each `yield`; its return value is the result. */
export type Sliced<T> = Generator<void, T, void>;

/** Sliced work that may also `yield AFTER_FRAME` (painting); runSliced and runToEnd take both. */
// biome-ignore lint/suspicious/noConfusingVoidType: `yield;` yields void, as in Sliced
export type FramedSliced<T> = Generator<void | typeof AFTER_FRAME, T, void>;

/** Milliseconds of work per slice. A frame is 16 ms; 50 ms is where browsers call a task "long". */
export const SLICE_BUDGET_MS = 12;

export interface SliceOptions {
  budgetMs?: number;
  /** The clock (tests pass a fake one). */
  now?: () => number;
  /** Gives the event loop a turn; a macrotask (a timer), so the page's own timers and input run. */
  pause?: () => Promise<void>;
  /** Stops the work at its next pause point (the page navigated, the content script was invalidated). */
  signal?: AbortSignal;
  /** Waits until the browser has rendered a frame (for `yield AFTER_FRAME`; tests pass a fake one). */
  frame?: () => Promise<void>;
}

const timerTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A task through a private message channel: not a timer, so not throttled in a hidden tab. */
function channelTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A pause of one task without a timer where MessageChannel exists: browsers clamp nested timers to 4 ms,
 * so a loop pausing every 8 ms by setTimeout spends a third of its time waiting (a 100,000-entry import
 * took 63.6 s instead of 40 s). The page's own timers, input and rendering still run between two tasks.
 */
export function quickTask(): Promise<void> {
  return typeof MessageChannel === 'function' ? channelTask() : timerTask();
}

/**
 * The pause between slices. A timer lets a visible page's own timers and input run first. A hidden tab's
 * timers are throttled (to about one a second in Firefox), which turned a 90 ms extraction into 3 s while
 * the popup waited; there is no reader to keep responsive there, so a hidden page pauses through a message
 * channel instead.
 */
export function pauseFor(isHidden: () => boolean): () => Promise<void> {
  return () => (isHidden() && typeof MessageChannel === 'function' ? channelTask() : timerTask());
}

const pageIsHidden = () =>
  typeof document !== 'undefined' && (document as { visibilityState?: string }).visibilityState === 'hidden';

const nextTask = pauseFor(pageIsHidden);

/** A frame should come within this; a hidden or frozen page renders none, so the wait ends anyway. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the browser has rendered the next frame: a task queued from requestAnimationFrame runs
 * after that frame's style, layout and paint. Where no frame comes (a hidden tab, no
 * requestAnimationFrame) it resolves after one task, or after FRAME_WAIT_MS at most.
 */
export function afterFrame(): Promise<void> {
  const scope = globalThis as { requestAnimationFrame?: (callback: () => void) => number };
  if (typeof scope.requestAnimationFrame !== 'function' || pageIsHidden()) return nextTask();
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, FRAME_WAIT_MS);
    scope.requestAnimationFrame?.(() => setTimeout(finish, 0));
  });
}

/**
 * Runs `work` to its result in slices: after each `yield`, once `budgetMs` have passed since the slice
 * began, it pauses for a task; after `yield AFTER_FRAME` it waits for the next rendered frame. Rejects
 * with the signal's reason when aborted; errors in `work` reject.
 */
export async function runSliced<T>(work: FramedSliced<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? nextTask;
  let sliceStart = now();
  for (;;) {
    options.signal?.throwIfAborted();
    const step = work.next();
    if (step.done) return step.value;
    if (step.value === AFTER_FRAME) {
      await (options.frame ?? afterFrame)();
      sliceStart = now();
    } else if (now() - sliceStart >= budget) {
      await pause();
      sliceStart = now();
    }
  }
}

/** Runs `work` to its result without pausing. */
export function runToEnd<T>(work: FramedSliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
