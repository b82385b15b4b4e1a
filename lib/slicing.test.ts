import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AFTER_FRAME,
  afterFrame,
  type FramedSliced,
  pauseFor,
  quickTask,
  runSliced,
  runToEnd,
  type Sliced,
} from './slicing.ts';

/** Work of `steps` steps that each cost `cost` ms on `clock`, logging each step; returns the step count. */
function* work(clock: { ms: number }, log: string[], steps: number, cost: number): Sliced<number> {
  for (let i = 0; i < steps; i++) {
    clock.ms += cost;
    log.push(`step ${i}`);
    yield;
  }
  return steps;
}

describe('runSliced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the event loop a turn once a slice has used its budget, and returns the result', async () => {
    const clock = { ms: 0 };
    const log: string[] = [];
    // A page timer due now: it may only run between slices.
    const pageTimer = () => {
      log.push('page');
      setTimeout(pageTimer, 0);
    };
    setTimeout(pageTimer, 0);
    const result = runSliced(work(clock, log, 7, 5), { budgetMs: 10, now: () => clock.ms });
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    expect(await result).toBe(7);
    // Two 5 ms steps fill a 10 ms slice; the page runs after each slice.
    const firstSlices = log.slice(0, 9);
    expect(firstSlices).toEqual([
      'step 0',
      'step 1',
      'page',
      'step 2',
      'step 3',
      'page',
      'step 4',
      'step 5',
      'page',
    ]);
    vi.clearAllTimers();
  });

  it('runs work that stays under budget without pausing', async () => {
    const clock = { ms: 0 };
    const log: string[] = [];
    const pause = vi.fn(() => Promise.resolve());
    expect(await runSliced(work(clock, log, 20, 0), { budgetMs: 10, now: () => clock.ms, pause })).toBe(20);
    expect(pause).not.toHaveBeenCalled();
  });

  it('stops at the next pause point once aborted, and passes errors through', async () => {
    const clock = { ms: 0 };
    const log: string[] = [];
    const controller = new AbortController();
    const pause = () => {
      controller.abort(new Error('navigated'));
      return Promise.resolve();
    };
    await expect(
      runSliced(work(clock, log, 10, 10), {
        budgetMs: 10,
        now: () => clock.ms,
        pause,
        signal: controller.signal,
      }),
    ).rejects.toThrow('navigated');
    expect(log).toEqual(['step 0']);

    function* failing(): Sliced<number> {
      yield;
      throw new Error('broken page');
    }
    await expect(runSliced(failing())).rejects.toThrow('broken page');
  });
});

describe('runSliced with AFTER_FRAME', () => {
  it('waits for a rendered frame after `yield AFTER_FRAME`, however little of the budget was used', async () => {
    const log: string[] = [];
    let frames = 0;
    const frame = async () => {
      frames++;
      log.push('frame');
    };
    const pause = vi.fn(() => Promise.resolve());
    function* painting(): FramedSliced<string> {
      log.push('restyle');
      yield AFTER_FRAME;
      log.push('register');
      yield;
      return 'painted';
    }
    // A zero-cost clock: the budget alone would never pause.
    expect(await runSliced(painting(), { budgetMs: 10, now: () => 0, pause, frame })).toBe('painted');
    expect(log).toEqual(['restyle', 'frame', 'register']);
    expect(frames).toBe(1);
    expect(pause).not.toHaveBeenCalled();
  });

  it('runToEnd goes straight on', () => {
    function* painting(): FramedSliced<number> {
      yield AFTER_FRAME;
      return 1;
    }
    expect(runToEnd(painting())).toBe(1);
  });
});

/** Starts afterFrame(); the result says whether it has resolved yet. */
function watchAfterFrame(): () => boolean {
  let resolved = false;
  void afterFrame().then(() => {
    resolved = true;
  });
  return () => resolved;
}

describe('afterFrame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('resolves in a task after the next animation frame, not before', async () => {
    // A page's frames, every 16 ms (Node has no requestAnimationFrame).
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
    const resolved = watchAfterFrame();
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved()).toBe(false);
    // Fake animation frames come every 16 ms; the task queued from the frame then runs.
    await vi.advanceTimersByTimeAsync(16);
    expect(resolved()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after 100 ms when no frame comes (a frozen page renders none)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const resolved = watchAfterFrame();
    await vi.advanceTimersByTimeAsync(99);
    expect(resolved()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved()).toBe(true);
  });

  it('without requestAnimationFrame (a worker, the CLI) pauses for one task', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const resolved = watchAfterFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved()).toBe(true);
  });
});

describe('runToEnd', () => {
  it('runs the same work in one go', () => {
    const log: string[] = [];
    expect(runToEnd(work({ ms: 0 }, log, 3, 100))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });
});

describe('pauseFor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pauses a visible page with a timer, so its own timers run first', async () => {
    let resumed = false;
    void pauseFor(() => false)().then(() => {
      resumed = true;
    });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(resumed).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
    await vi.runOnlyPendingTimersAsync();
    expect(resumed).toBe(true);
  });

  it('pauses a hidden page without a timer, which a hidden tab would throttle', async () => {
    // No timer is ever advanced here: the pause must end on its own.
    await expect(pauseFor(() => true)()).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('quickTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pauses for a task without a timer (nested timers are clamped to 4 ms), after pending microtasks', async () => {
    const log: string[] = [];
    const paused = quickTask().then(() => log.push('resumed'));
    void Promise.resolve().then(() => log.push('microtask'));
    expect(vi.getTimerCount()).toBe(0);
    // No timer is ever advanced here: the pause must end on its own, in a later task.
    await paused;
    expect(log).toEqual(['microtask', 'resumed']);
  });
});
