/**
 * Time limits for work that waits on another context (a tab, a content script, a worker). A tab that never
 * finishes loading, or a page the browser will not script (view-source:), leaves browser promises pending
 * forever; every such wait goes through withDeadline so it ends with a named reason instead.
 */

/** A step that did not settle in time; `step` names it for the reader of the failure detail. */
export class DeadlineError extends Error {
  constructor(
    readonly step: string,
    readonly ms: number,
  ) {
    super(`${step} did not answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** `work`'s outcome, or a DeadlineError when it has not settled after `ms` milliseconds. */
export function withDeadline<T>(step: string, ms: number, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineError(step, ms)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export interface SingleFlight<K, V> {
  /**
   * Joins the job running for `key`, or starts one. The job's answer is `onDeadline(error)` when it has
   * not settled within `ms`; either way the key is free again as soon as the answer is given, so a stuck
   * job can never block later requests for the same key. A `fresh` request (the reader asked to analyse
   * again) joins only a job that was itself fresh: it must not be answered with the result of a job that
   * began before it asked, so it starts its own once that one has settled.
   */
  run(key: K, start: () => Promise<V>, fresh?: boolean): Promise<V>;
  /** How many jobs are running (for tests and diagnostics). */
  readonly size: number;
}

/** One job per key at a time, each bounded by `ms`. */
export function singleFlight<K, V>(
  step: string,
  ms: number,
  onDeadline: (error: DeadlineError) => V,
): SingleFlight<K, V> {
  const running = new Map<K, { answer: Promise<V>; fresh: boolean }>();
  const begin = (start: () => Promise<V>): Promise<V> => {
    try {
      return start();
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    run(key, start, fresh = false) {
      const existing = running.get(key);
      if (existing && (existing.fresh || !fresh)) return existing.answer;
      // One job per key at a time: a fresh job waits for the stale one rather than racing it.
      const job = existing
        ? existing.answer.then(
            () => begin(start),
            () => begin(start),
          )
        : begin(start);
      const answer = withDeadline(step, ms, job)
        .catch((error: unknown) => {
          if (error instanceof DeadlineError) return onDeadline(error);
          throw error;
        })
        .finally(() => {
          if (running.get(key)?.answer === answer) running.delete(key);
        });
      running.set(key, { answer, fresh });
      return answer;
    },
    get size() {
      return running.size;
    },
  };
}
