/**
 * An esbuild plugin for the CLI's Node bundles: linkedom compiles a CSS selector anew on every
 * `matches`, `closest`, `querySelector` and `querySelectorAll` call (css-select's compile, about as
 * costly as the walk it serves on a small subtree). The related-link search asks `matches` once per
 * text node and ancestor, so on the 20 shared pages the compiling alone cost about 2% of `--jsonl`.
 * This keeps each compiled selector (per selector string and HTML/XML mode) for later calls.
 *
 * The kept matchers are compiled with `cacheResults: false`: css-select's result caches remember
 * elements between calls, which is wrong once the document changes (Readability rewrites its copy).
 * `:scope` selectors depend on the element asked, so they are compiled per call as before. Matching is
 * otherwise unchanged: the same css-select, the same adapter, the same options.
 *
 * The plugin patches linkedom's source as it is bundled and fails the build if that source is not the
 * one it was written for (a linkedom upgrade must be looked at, not silently run unpatched).
 */

import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The part of linkedom/esm/shared/matches.js (linkedom 0.18) that the plugin replaces. */
const ORIGINAL = `export const prepareMatch = (element, selectors) => CSSselect.compile(
  selectors,
  {
    context: selectors.includes(':scope') ? element : void 0,
    xmlMode: !ignoreCase(element),
    adapter
  }
);

export const matches = (element, selectors) => CSSselect.is(
  element,
  selectors,
  {
    strict: true,
    context: selectors.includes(':scope') ? element : void 0,
    xmlMode: !ignoreCase(element),
    adapter
  }
);
`;

/** Distinct selectors kept at most; the CLI's code and Readability use a few dozen. */
const MAX_KEPT = 1000;

const REPLACEMENT = `const kontextCompiled = new Map();

const kontextCompile = (element, selectors) => {
  const xmlMode = !ignoreCase(element);
  if (selectors.includes(':scope'))
    return CSSselect.compile(selectors, {context: element, xmlMode, adapter});
  const key = (xmlMode ? 'x' : 'h') + selectors;
  let test = kontextCompiled.get(key);
  if (!test) {
    test = CSSselect.compile(selectors, {xmlMode, adapter, cacheResults: false});
    if (kontextCompiled.size >= ${MAX_KEPT}) kontextCompiled.clear();
    kontextCompiled.set(key, test);
  }
  return test;
};

export const prepareMatch = (element, selectors) => kontextCompile(element, selectors);

export const matches = (element, selectors) => kontextCompile(element, selectors)(element);
`;

export const linkedomSelectorCache: Plugin = {
  name: 'kontext-linkedom-selector-cache',
  setup(build) {
    build.onLoad({ filter: /[\\/]linkedom[\\/]esm[\\/]shared[\\/]matches\.js$/ }, async (args) => {
      const source = (await readFile(args.path, 'utf8')).replace(/\r\n/g, '\n');
      if (!source.endsWith(ORIGINAL)) {
        throw new Error(
          `${args.path} is not the linkedom source scripts/cli/linkedom-selectors.ts was written for; ` +
            'review the selector cache against the new version',
        );
      }
      return { contents: source.slice(0, -ORIGINAL.length) + REPLACEMENT, loader: 'js' };
    });
  },
};
