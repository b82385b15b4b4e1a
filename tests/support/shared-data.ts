import { describe } from 'vitest';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from './shared-paths.ts';

export * from './shared-paths.ts';

/**
 * `describe` for tests that need ../shared: on a fresh clone it skips, with the reason in the suite's
 * name so the skip is never silent; with CI=true a missing folder throws instead.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  requireSharedDataInCi();
  describe.skipIf(!hasSharedData)(hasSharedData ? name : `${name} (${SKIP_NO_DATA})`, body);
}
