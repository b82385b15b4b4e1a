/**
 * Issue 12 gate: on every real page in ../shared/data/pages/readability, the whole pipeline — the same
 * `analyzeDocument` the CLI runs, with the CLI's settings (its DOM without scripts, the models from
 * public/models, the default summary length) — reports an article, and its text is no further from
 * expected.html than Readability's own parse() text of the same page in the same DOM (token F1,
 * tests/support/token-f1.ts). It runs in both of the CLI's DOMs: linkedom built by parse5 (the default)
 * and jsdom (`--dom jsdom`); expected.html is read in jsdom for both.
 * The extension runs the same two halves (extractPage in the page, analyzeExtracted in the background).
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze.ts';
import { DOM_NAMES, parsePage } from '../../scripts/cli/dom.ts';
import { loadModelFromDisk } from '../../scripts/node-model-loader.ts';
import {
  describeWithSharedData,
  READABILITY_PAGE_URL as PAGE_URL,
  readReadabilityPage as read,
  readabilityPageNames,
} from '../support/shared-data.ts';
import { tokenF1 } from '../support/token-f1.ts';

/** Rounding slack for the comparison only: F1s are compared to three decimals, as reported. */
const F1_EPSILON = 0.0005;

const names = readabilityPageNames();

const documentOf = (html: string) =>
  new JSDOM(html, { url: PAGE_URL, virtualConsole: new VirtualConsole() }).window.document;

describeWithSharedData('the whole pipeline on the real pages', () => {
  it('has the 20 pages', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(DOM_NAMES)('in %s', (dom) => {
    const pageOf = async (html: string) => (await parsePage(html, PAGE_URL, dom)).document;

    it.each(names)('%s: reports an article, with text F1 no lower than Readability parse()', async (name) => {
      const source = read(name, 'source.html');
      const expectedText = documentOf(read(name, 'expected.html')).body.textContent ?? '';
      const readabilityText = new Readability(await pageOf(source)).parse()?.textContent ?? '';
      const analysis = await analyzeDocument(await pageOf(source), PAGE_URL, {
        loadModel: loadModelFromDisk,
      });
      expect(analysis.status, analysis.message ?? '').toBe('ok');
      const ours = tokenF1(analysis.text, expectedText).f1;
      const theirs = tokenF1(readabilityText, expectedText).f1;
      expect(
        ours,
        `${name} (${dom}): pipeline F1 ${ours.toFixed(3)}, Readability ${theirs.toFixed(3)}`,
      ).toBeGreaterThanOrEqual(theirs - F1_EPSILON);
    });
  });
});
