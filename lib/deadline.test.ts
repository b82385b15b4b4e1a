import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineError, singleFlight, withDeadline } from './deadline.ts';

const never = <T>() => new Promise<T>(() => {});

describe('withDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('rejects with the step and the limit when the work never settles', async () => {
    const outcome = withDeadline('inject', 4000, never<string>()).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3999);
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(DeadlineError);
    expect((error as DeadlineError).step).toBe('inject');
    expect((error as DeadlineError).message).toBe('inject did not answer within 4000 ms');
  });

  it('passes a value or an error through and leaves no timer behind', async () => {
    await expect(withDeadline('ping', 1000, Promise.resolve(7))).resolves.toBe(7);
    await expect(withDeadline('ping', 1000, Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('singleFlight', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers a stuck job with the deadline reason and frees its key for the next request', async () => {
    const flights = singleFlight<number, string>('analysis', 5000, (error) => `timeout: ${error.step}`);
    const start = vi.fn(() => never<string>());
    const first = flights.run(3, start);
    const joined = flights.run(3, start);
    expect(start).toHaveBeenCalledTimes(1);
    expect(flights.size).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(first).resolves.toBe('timeout: analysis');
    await expect(joined).resolves.toBe('timeout: analysis');
    expect(flights.size).toBe(0);

    const next = flights.run(3, () => Promise.resolve('fresh'));
    await expect(next).resolves.toBe('fresh');
    expect(flights.size).toBe(0);
  });

  // Issue 13: a forced re-analysis asked for while one runs used to get the unforced result.
  it('gives a fresh request its own job, after the running one, and lets later requests join it', async () => {
    const flights = singleFlight<number, string>('analysis', 5000, () => 'timeout');
    let finishStale!: (value: string) => void;
    const stale = flights.run(3, () => new Promise<string>((resolve) => (finishStale = resolve)));
    const startFresh = vi.fn(() => Promise.resolve('after the change'));
    const fresh = flights.run(3, startFresh, true);
    const joinsFresh = flights.run(3, () => Promise.resolve('a third job'));
    const alsoFresh = flights.run(3, () => Promise.resolve('a fourth job'), true);
    // Not two jobs on one tab at once: the fresh one starts when the stale one has answered.
    await vi.advanceTimersByTimeAsync(0);
    expect(startFresh).not.toHaveBeenCalled();
    finishStale('before the change');
    await expect(stale).resolves.toBe('before the change');
    await expect(fresh).resolves.toBe('after the change');
    await expect(joinsFresh).resolves.toBe('after the change');
    await expect(alsoFresh).resolves.toBe('after the change');
    expect(startFresh).toHaveBeenCalledTimes(1);
    expect(flights.size).toBe(0);
  });

  it('frees the key when the job fails, synchronously or not', async () => {
    const flights = singleFlight<number, string>('analysis', 5000, () => 'timeout');
    await expect(
      flights.run(1, () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(flights.run(1, () => Promise.reject(new Error('async')))).rejects.toThrow('async');
    expect(flights.size).toBe(0);
  });
});
