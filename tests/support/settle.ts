/**
 * Lets a component's IndexedDB promises and Preact's renders settle, without waiting real time. Each round
 * runs, inside act(), the timers that are due now (when the test uses fake timers: the library's
 * nextTask pauses are setTimeout 0) and then one turn of the event loop (fake-indexeddb answers on
 * setImmediate, which tests must leave real: fake timers here fake setTimeout and setInterval only).
 */
import { act } from 'preact/test-utils';
import { vi } from 'vitest';

/** The timers a component test fakes: the ones it means to control, never fake-indexeddb's setImmediate. */
export const FAKE_TIMERS: Parameters<typeof vi.useFakeTimers>[0] = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
};

export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
      await new Promise<void>((resolve) => setImmediate(resolve));
    });
  }
}
