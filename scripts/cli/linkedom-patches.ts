/**
 * An esbuild plugin for the CLI's Node bundles (NODE_BUNDLE: the CLI and its benchmark floor, so both
 * run the same DOM) that patches linkedom as it is bundled: four slow paths, without changing what any
 * DOM call answers, and two wrong answers (`getElementsByTagName('*')` and a tree walker's filter, see
 * PATCHES):
 *
 * 1. Selectors. linkedom compiles a CSS selector anew on every `matches`, `closest`, `querySelector`
 *    and `querySelectorAll` call (css-select's compile, about as costly as the walk it serves on a small
 *    subtree). The related-link search asks `matches` once per text node and ancestor, so on the 20
 *    shared pages the compiling alone cost about 2% of `--jsonl`. Each compiled selector is now kept
 *    (per selector string and HTML/XML mode). The kept matchers are compiled with `cacheResults: false`:
 *    css-select's result caches remember elements between calls, which is wrong once the document
 *    changes (Readability rewrites its copy). `:scope` selectors depend on the element asked, so they
 *    are compiled per call as before.
 * 2. Event listeners. Every node (element, text, attribute) put an empty listener Map into a WeakMap
 *    when it was made: 7% of `--jsonl`'s CPU profile, and an ephemeron per node for the garbage
 *    collector. Nobody listens to a page parsed for analysis; the Map is now made on the first
 *    addEventListener.
 * 3. Tree walkers. linkedom's TreeWalker listed every node it would return when it was made (an array as
 *    long as the page for each of the related-link search's walks; TreeWalker was the search's largest
 *    item in a `--jsonl` profile); it now steps through the page as nextNode is called.
 *
 * Each patch replaces exact text of linkedom's source and fails the build when that text is not found
 * (a linkedom upgrade must be looked at, not silently run unpatched).
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The part of linkedom/esm/shared/matches.js (linkedom 0.18) that compiles on every call. */
const MATCHES_ORIGINAL = `export const prepareMatch = (element, selectors) => CSSselect.compile(
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

const MATCHES_KEPT = `const kontextCompiled = new Map();

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

interface Patch {
  /** The patched module, by its path inside linkedom. */
  file: string;
  /** Exact source text and what replaces it; each original must occur exactly once. */
  edits: Array<[original: string, replacement: string]>;
}

/** linkedom's TreeWalker (0.18): lists every node it will ever return when it is made. */
const TREE_WALKER_ORIGINAL = `    const nodes = [];
    while (next && next !== end) {
      if (isOK(next, whatToShow))
        nodes.push(next);
      next = next[NEXT];
    }
    this[PRIVATE] = {i: 0, nodes};
  }

  nextNode() {
    const $ = this[PRIVATE];
    this.currentNode = $.i < $.nodes.length ? $.nodes[$.i++] : null;
    return this.currentNode;
  }`;

const TREE_WALKER_LAZY = `    this[PRIVATE] = {first: next, end, last: null};
  }

  nextNode() {
    const $ = this[PRIVATE];
    const {end} = $;
    let next = $.last ? $.last[NEXT] : $.first;
    const filter = this.filter;
    for (;;) {
      while (next && next !== end && !isOK(next, this.whatToShow))
        next = next[NEXT];
      if (!next || next === end || !filter) break;
      const verdict = typeof filter === 'function' ? filter(next) : filter.acceptNode(next);
      if (verdict === 1) break;
      next = verdict === 2 && next.nodeType === ELEMENT_NODE ? next[END][NEXT] : next[NEXT];
    }
    if (next === end) next = null;
    // Once past the end it stays there, as the listing did.
    if (next) $.last = next;
    else $.first = $.last = null;
    this.currentNode = next;
    return next;
  }`;

const PATCHES: Patch[] = [
  { file: 'esm/shared/matches.js', edits: [[MATCHES_ORIGINAL, MATCHES_KEPT]] },
  // Tree walkers (3 above): the same nodes in the same order as the listing, as long as the page does
  // not change during the walk (Kontext's walks in the CLI only read it).
  { file: 'esm/interface/tree-walker.js', edits: [[TREE_WALKER_ORIGINAL, TREE_WALKER_LAZY]] },
  {
    // A walker's filter (FILTER_REJECT skips an element with its subtree, FILTER_SKIP the node alone):
    // linkedom dropped it, so the article's blocks (lib/extract/blocks.ts) read the text of scripts,
    // styles, SVG and MathML inside the article where a browser and jsdom leave it out.
    file: 'esm/interface/document.js',
    edits: [
      [
        'createTreeWalker(root, whatToShow = -1) { return new TreeWalker(root, whatToShow); }',
        'createTreeWalker(root, whatToShow = -1, filter = null) { const walker = new TreeWalker(root, whatToShow); walker.filter = filter; return walker; }',
      ],
    ],
  },
  {
    // getAttribute('class') read the class list (a Set made per element on first use) and joined it
    // again. The attribute itself holds the same text: linkedom writes every class change through to it
    // (parse5's setAttribute, className, classList, removeAttribute all do). Kontext's chrome and
    // pingback tests ask it of most elements on the page. '' without the attribute, as before.
    file: 'esm/interface/element.js',
    edits: [
      [
        "  getAttribute(name) {\n    if (name === 'class')\n      return this.className;",
        "  getAttribute(name) {\n    if (name === 'class') {\n      const attribute = this.getAttributeNode('class');\n      return attribute ? attribute.value : '';\n    }",
      ],
    ],
  },
  {
    // `getElementsByTagName('*')` must list every element (DOM standard); linkedom compared '*' with
    // each tag name and listed none, so the page-size guard (MAX_ELEMENTS) never fired in the CLI and
    // the related-link search's "follows" test saw no descendants.
    file: 'esm/mixin/parent-node.js',
    edits: [
      [
        '      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||',
        "      if (next.nodeType === ELEMENT_NODE && (\n        tagName === '*' ||\n        next.localName === tagName ||",
      ],
    ],
  },
  {
    file: 'esm/interface/event-target.js',
    edits: [
      ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
      [
        '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
        '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);',
      ],
      [
        '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
        '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
      ],
    ],
  },
];

/** `source` with `patch`'s edits made; throws when an original is missing or not unique. */
function patchSource(patch: Patch, path: string, source: string): string {
  let patched = source.replace(/\r\n/g, '\n');
  for (const [original, replacement] of patch.edits) {
    const at = patched.indexOf(original);
    if (at < 0 || patched.indexOf(original, at + 1) >= 0) {
      throw new Error(
        `${path} is not the linkedom source scripts/cli/linkedom-patches.ts was written for ` +
          `(${at < 0 ? 'missing' : 'repeated'}: ${JSON.stringify(original.slice(0, 60))}); review the patch`,
      );
    }
    patched = patched.slice(0, at) + replacement + patched.slice(at + original.length);
  }
  return patched;
}

const escaped = (path: string) => path.replace(/[.]/g, '\\.').replace(/\//g, '[\\\\/]');

export const linkedomPatches: Plugin = {
  name: 'kontext-linkedom-patches',
  setup(build) {
    for (const patch of PATCHES) {
      build.onLoad({ filter: new RegExp(`[\\\\/]linkedom[\\\\/]${escaped(patch.file)}$`) }, async (args) => ({
        contents: patchSource(patch, args.path, await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    }
  },
};
