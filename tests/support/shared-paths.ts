/** Where ../shared/data is. No test-runner imports here: scripts (npm start, benchmarks) use it too. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root (the folder with package.json). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/data` beside the checkout; read in place, never copied into the repo. */
export const SHARED_DATA = process.env.KONTEXT_SHARED_DATA ?? resolve(ROOT, '..', 'shared', 'data');

export const hasSharedData = existsSync(SHARED_DATA);

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** Names of the real pages in pages/readability (one folder each), sorted; none without the data. */
export function readabilityPageNames(): string[] {
  if (!hasSharedData) return [];
  return readdirSync(sharedPath('pages', 'readability'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The URL mozilla/readability's harness gives every page; expected.html's absolute links use it. */
export const READABILITY_PAGE_URL = 'http://fakehost/test/page.html';

/** One file of a real page: 'source.html', 'expected.html' or 'expected-metadata.json'. */
export function readReadabilityPage(name: string, file: string): string {
  return readFileSync(sharedPath('pages', 'readability', name, file), 'utf8');
}

/**
 * Reason printed when a data-dependent test is skipped. In CI the data must be there, so a missing
 * folder fails instead of skipping (see `requireSharedDataInCi`).
 */
export const SKIP_NO_DATA = `skipped: ${SHARED_DATA} is absent (fresh clone without ../shared); the quality gates run in CI`;

export function requireSharedDataInCi(): void {
  if (process.env.CI === 'true' && !hasSharedData) {
    throw new Error(`CI=true but the shared data folder ${SHARED_DATA} is missing`);
  }
}
