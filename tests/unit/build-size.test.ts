/**
 * Issue 16: the script injected on a reader's first click stays small, and the service worker carries no
 * DOMPurify (it has no DOM to sanitise in). This builds the store extension (Chromium; Firefox's
 * bundles are the same code) with WXT into a temp folder, as `npm run build` does, and reads the files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';
import { ROOT } from '../support/shared-paths.ts';

/**
 * Minified bytes allowed for content-scripts/content.js, the script injected on a reader's first click
 * (issue 16 asked for 80 kB; it is the extraction only since the related-link search became a late part,
 * 55 kB, and its compile and evaluation are on the way to the first results).
 */
const CONTENT_LIMIT = 60 * 1024;

/** A string only the related-link search holds (its pingback pattern), to tell where that code went. */
const RELATED_MARK = 'trackback';

/** Strings only DOMPurify's code holds (its name, its config keys). */
const DOMPURIFY_MARKS = ['DOMPurify', 'ALLOWED_TAGS', 'SAFE_FOR_TEMPLATES'];

let outDir = '';
let extension = '';
const read = (file: string) => readFileSync(join(extension, file), 'utf8');

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kontext-build-size-'));
  await build({ root: ROOT, browser: 'chrome', outDir });
  extension = join(outDir, 'chrome-mv3');
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('shipped bundle sizes', () => {
  it(`keeps the content script within ${CONTENT_LIMIT / 1024} kB minified`, () => {
    const size = Buffer.byteLength(read('content-scripts/content.js'));
    expect(size).toBeLessThanOrEqual(CONTENT_LIMIT);
  });

  it('keeps the related-link search out of the first injection, in its own late part', () => {
    expect(read('content-scripts/content.js')).not.toContain(RELATED_MARK);
    expect(read('related.js')).toContain(RELATED_MARK);
  });

  it('has no DOMPurify in the background, and finds it where it belongs (the sanitiser part)', () => {
    const background = read('background.js');
    const sanitizer = read('sanitize.js');
    for (const mark of DOMPURIFY_MARKS) {
      expect(background).not.toContain(mark);
      // The probe itself works: the same strings are there in the bundle that does ship DOMPurify.
      expect(sanitizer).toContain(mark);
    }
    expect(read('content-scripts/content.js')).not.toContain('ALLOWED_TAGS');
  });
});
