/**
 * The tagger model: a first-order linear-chain model (averaged-perceptron weights for token features and
 * tag transitions) decoded with Viterbi. Features are looked up by a 32-bit hash of (template, value) in
 * an open-addressing table (hashing.ts); the committed file (public/models/ner-xx.bin, model-file.ts)
 * holds that table (or the list it is built from, see WeightLayout), the gazetteer and the word lists
 * as typed arrays, so loading creates views, and at most builds the weight table.
 */
import {
  type FeatureResources,
  type SentenceContext,
  TEMPLATES,
  visitSentenceFeatures,
  visitWordFeatures,
} from './features.ts';
import { Gazetteer, type GazetteerLists } from './gazetteer.ts';
import { HashIndex, hashChar, hashChars, hashFinish, hashStart, tableCapacity } from './hashing.ts';
import {
  buildLexicon,
  HashedWordValues,
  isValueArray,
  type Lexicon,
  type LexiconArrays,
  type LexiconSource,
  restoreLexicon,
  type StoredLexicon,
  storeLexicon,
  type WordSet,
  type WordValues,
} from './lexicon.ts';
import { readArrayFile, type StoredArray, writeArrayFile } from './model-file.ts';
import { applySpanRules } from './span-rules.ts';

export const MODEL_FORMAT = 'kontext-ner';
export const MODEL_VERSION = 4;

/**
 * How many of TEMPLATES files written before the word-cluster templates (features.ts `cl` …) list:
 * such a file (ner-en.bin) loads as it is, and has no `clusters` lexicon, so those templates never fire.
 */
export const LEGACY_TEMPLATES = 44;
const KNOWN_TEMPLATE_LISTS = [TEMPLATES.join(), TEMPLATES.slice(0, LEGACY_TEMPLATES).join()];

const BAR = 0x7c; // '|', which joins a value's parts (see FeatureVisitor)

/**
 * The hash under which a feature's weights are stored: of the template index and the value, whose
 * parts are hashed as if joined by '|' (so featureHash(t, 'a', 'b') === featureHash(t, 'a|b')).
 */
export function featureHash(template: number, value: string, part2?: string, part3?: string): number {
  let h = hashChars(hashStart(template), value);
  if (part2 !== undefined) {
    h = hashChars(hashChar(h, BAR), part2);
    if (part3 !== undefined) h = hashChars(hashChar(h, BAR), part3);
  }
  return hashFinish(h);
}

/**
 * Quantised feature weights by feature hash (real weight = stored / scale; transitions share the scale,
 * so decoding needs no division), sparse: most features carry weight for two or three of the tags
 * only. Each slot of the hash index holds one 32-bit entry, `start << nTags | mask`: the mask says
 * which tags have a weight, and those weights sit in tag order at values[start …]. Against a dense
 * row per feature this stores a third of the weights, which is what lets the model keep the weakly
 * weighted features that pruning used to drop (see TrainOptions.pruneBelow).
 */
export class FeatureWeights {
  private readonly maskBits: number;

  constructor(
    readonly index: HashIndex,
    readonly entries: Uint32Array,
    readonly values: Int16Array,
    readonly nTags: number,
  ) {
    this.maskBits = (1 << nTags) - 1;
  }

  /** The feature's weights (one per tag, 0 where it has none), or undefined when the model has none. */
  weightsOf(template: number, value: string): Int16Array | undefined {
    const slot = this.index.find(featureHash(template, value));
    if (slot < 0) return undefined;
    const row = new Int16Array(this.nTags);
    const entry = this.entries[slot]!;
    let mask = entry & this.maskBits;
    let i = entry >>> this.nTags;
    while (mask !== 0) {
      row[31 - Math.clz32(mask & -mask)] = this.values[i++]!;
      mask &= mask - 1;
    }
    return row;
  }

  /** Adds the weights of feature hash `h` to scores[offset … offset + nTags). */
  addTo(scores: Float64Array, offset: number, h: number): void {
    // HashIndex.find's probe (and homeSlot), inlined: this runs for every feature of every token, and a
    // page's first article is tagged before the JIT has optimised (and inlined) anything.
    const keys = this.index.keys;
    const size = keys.length;
    let slot = ((h * size) / 4294967296) | 0;
    for (let k = keys[slot]!; k !== h; k = keys[slot]!) {
      if (k === 0) return;
      if (++slot === size) slot = 0;
    }
    const entry = this.entries[slot]!;
    const values = this.values;
    let tags = entry & this.maskBits;
    let i = entry >>> this.nTags;
    while (tags !== 0) {
      scores[offset + 31 - Math.clz32(tags & -tags)]! += values[i++]!;
      tags &= tags - 1;
    }
  }

  /**
   * Whether `entries` and `values` fit `index` and nTags, for a model file's arrays: free slots are 0,
   * each used slot has weights and they lie within `values`, and the slots use as many weights as
   * there are. (A file that passes can still be wrong, but no lookup reads outside the arrays.)
   */
  static isValid(index: HashIndex, entries: Uint32Array, values: Int16Array, nTags: number): boolean {
    if (nTags < 1 || nTags > 16 || entries.length !== index.keys.length) return false;
    const maskBits = (1 << nTags) - 1;
    let used = 0;
    for (let s = 0; s < entries.length; s++) {
      const entry = entries[s]!;
      if (index.keys[s] === 0) {
        if (entry !== 0) return false;
        continue;
      }
      let n = 0;
      for (let m = entry & maskBits; m !== 0; m &= m - 1) n++;
      const start = entry >>> nTags;
      if (n === 0 || start + n > values.length) return false;
      used += n;
    }
    return used === values.length;
  }

  /**
   * The weights as a list, for a smaller file (see WeightLayout): each feature's hash and tag mask, in
   * slot order, and its weights in that order (the same values array when the table was built in order).
   */
  toList(): { hashes: Uint32Array; masks: Uint16Array; values: Int16Array } {
    const keys = this.index.keys;
    const used = keys.reduce((n, k) => (k === 0 ? n : n + 1), 0);
    const hashes = new Uint32Array(used);
    const masks = new Uint16Array(used);
    const values = new Int16Array(this.values.length);
    let f = 0;
    let v = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === 0) continue;
      const entry = this.entries[slot]!;
      const mask = entry & this.maskBits;
      hashes[f] = keys[slot]!;
      masks[f++] = mask;
      let i = entry >>> this.nTags;
      for (let m = mask; m !== 0; m &= m - 1) values[v++] = this.values[i++]!;
    }
    return { hashes, masks, values };
  }

  /**
   * The table of a list as toList gives it, with `values` used as is (a view of the file stays one);
   * null when the list is inconsistent: a zero or repeated hash, a mask without tags or with tags past
   * nTags, or weights left over or missing.
   */
  static fromList(
    hashes: Uint32Array,
    masks: Uint16Array,
    values: Int16Array,
    nTags: number,
  ): FeatureWeights | null {
    if (nTags < 1 || nTags > 16 || masks.length !== hashes.length) return null;
    if (values.length >= 2 ** (32 - nTags)) return null;
    const keys = new Uint32Array(tableCapacity(hashes.length));
    if (!HashIndex.isValid(keys)) return null;
    const entries = new Uint32Array(keys.length);
    const maskBits = (1 << nTags) - 1;
    let start = 0;
    for (let f = 0; f < hashes.length; f++) {
      const h = hashes[f]!;
      const mask = masks[f]!;
      if (h === 0 || mask === 0 || (mask & ~maskBits) !== 0) return null;
      const slot = HashIndex.probe(keys, h);
      if (keys[slot] === h) return null;
      keys[slot] = h;
      entries[slot] = ((start << nTags) | mask) >>> 0;
      for (let m = mask; m !== 0; m &= m - 1) start++;
    }
    return start === values.length ? new FeatureWeights(new HashIndex(keys), entries, values, nTags) : null;
  }

  /** From trained weights by feature hash (rows of nTags integers, each within Int16; zeros are dropped). */
  static from(byHash: ReadonlyMap<number, ArrayLike<number>>, nTags: number): FeatureWeights {
    if (nTags > 16) throw new Error(`${nTags} tags: the weight table holds at most 16`);
    const rows = [...byHash].filter(([, weights]) => Array.prototype.some.call(weights, (w) => w !== 0));
    const { index, slots } = HashIndex.build(rows.map(([h]) => h));
    const entries = new Uint32Array(index.keys.length);
    const packed: number[] = [];
    rows.forEach(([, weights], r) => {
      const start = packed.length;
      if (start >= 2 ** (32 - nTags)) throw new Error('too many weights for a 32-bit entry');
      let mask = 0;
      for (let t = 0; t < nTags; t++) {
        const w = weights[t]!;
        if (w === 0) continue;
        if (w !== (w << 16) >> 16) throw new Error(`weight ${w} does not fit 16 bits: lower the scale`);
        mask |= 1 << t;
        packed.push(w);
      }
      entries[slots[r]!] = ((start << nTags) | mask) >>> 0;
    });
    return new FeatureWeights(index, entries, Int16Array.from(packed), nTags);
  }
}

export interface TaggerModel {
  lang: string;
  /** Training tag set (IOB2), including MISC and German's DERIV, which are reported as O (span-rules.ts). */
  tags: string[];
  scale: number;
  /** (tags.length + 1) × tags.length; the last row holds start-of-sentence weights. */
  transitions: Int32Array;
  weights: FeatureWeights;
  resources: FeatureResources;
  /** The word lists behind `resources`, by name, as stored in the file. */
  lexicons: Readonly<Record<string, Lexicon>>;
  /** (tags.length + 1) × tags.length: 1 where the IOB2 constraint allows the transition. */
  allowed: Uint8Array;
  /** Summed weights of each word's word-only features (see visitWordFeatures), filled as words come. */
  wordScores: Map<string, Float64Array>;
  /** Provenance: data, epochs, seed, scores. Informational only. */
  meta?: Record<string, unknown>;
}

/** Bound on the per-word score cache; it is cleared when full (pages rarely come near it). */
const WORD_CACHE_LIMIT = 50_000;

/** IOB2: I-X may only follow B-X or I-X. Row tags.length is the sentence start. */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const T = tags.length;
  const allowed = new Uint8Array((T + 1) * T);
  for (let prev = 0; prev <= T; prev++) {
    const p = prev < T ? tags[prev]! : 'O';
    tags.forEach((t, i) => {
      const type = t.slice(2);
      allowed[prev * T + i] = !t.startsWith('I-') || p === `B-${type}` || p === `I-${type}` ? 1 : 0;
    });
  }
  return allowed;
}

/** Lexicon names the features read through FeatureResources' own fields. */
const FIRST_NAMES = 'firstNames';
const CASE_PROFILE = 'caseProfile';

/**
 * Word lists for the features. `lexicons` may add any named list: a string[] becomes an exact set, a
 * Map a word → value table, `{ bloom: words }` an approximate set; they reach features as
 * `resources.wordSets[name]` or `resources.wordValues[name]`, and the model file stores them all.
 */
export function buildResources(
  lang: string,
  gazetteer: GazetteerLists,
  caseProfile: Record<string, string[]>,
  firstNames: readonly string[],
  lexicons: Record<string, LexiconSource> = {},
): FeatureResources & { lexicons: Record<string, Lexicon> } {
  const profile = new Map<string, number>();
  for (const [value, words] of Object.entries(caseProfile)) {
    for (const w of words) profile.set(w, Number(value));
  }
  const built: Record<string, Lexicon> = {
    [FIRST_NAMES]: buildLexicon(firstNames),
    [CASE_PROFILE]: buildLexicon(profile),
  };
  for (const [name, source] of Object.entries(lexicons)) built[name] = buildLexicon(source);
  const resources = resourcesOf(lang, Gazetteer.fromLists(gazetteer), built);
  if (!resources) throw new Error('firstNames must be a set and caseProfile a map');
  return { ...resources, lexicons: built };
}

function resourcesOf(
  lang: string,
  gazetteer: Gazetteer,
  lexicons: Record<string, Lexicon>,
): FeatureResources | null {
  const wordSets: Record<string, WordSet> = {};
  const wordValues: Record<string, WordValues> = {};
  for (const [name, lexicon] of Object.entries(lexicons)) {
    if (lexicon instanceof HashedWordValues) wordValues[name] = lexicon;
    else wordSets[name] = lexicon;
  }
  const firstNames = wordSets[FIRST_NAMES];
  const caseProfile = wordValues[CASE_PROFILE];
  if (!firstNames || !caseProfile) return null;
  return { gazetteer, firstNames, caseProfile, wordSets, wordValues, lang };
}

export interface ModelParts {
  lang: string;
  tags: string[];
  scale: number;
  transitions: Int32Array;
  weights: FeatureWeights;
  gazetteer: Gazetteer;
  lexicons: Record<string, Lexicon>;
  meta?: Record<string, unknown>;
}

export function createModel(parts: ModelParts): TaggerModel | null {
  const resources = resourcesOf(parts.lang, parts.gazetteer, parts.lexicons);
  if (!resources) return null;
  return {
    ...parts,
    resources,
    allowed: allowedTransitions(parts.tags),
    wordScores: new Map(),
  };
}

/**
 * How a model file stores the feature weights (its header's `weightLayout`; files without one are
 * 'table'). 'table': the lookup table itself (weights.keys, .entries, .values), which loads as views of
 * the file; its slots are 40% empty and each used one spends 8 bytes on hash and entry. 'list': each
 * feature's hash (weights.hashes) and 16-bit tag mask (weights.masks), and the weights; loading builds
 * the table (a few milliseconds for 10⁵ features), and the file's weights take 40% of the bytes. The
 * tagger is the same either way.
 */
export type WeightLayout = 'table' | 'list';

function weightArrays(weights: FeatureWeights, layout: WeightLayout): Record<string, StoredArray> {
  if (layout === 'table') {
    return {
      'weights.keys': weights.index.keys,
      'weights.entries': weights.entries,
      'weights.values': weights.values,
    };
  }
  const { hashes, masks, values } = weights.toList();
  return { 'weights.hashes': hashes, 'weights.masks': masks, 'weights.values': values };
}

/** The model as the bytes of a .bin file. */
export function serializeModel(model: TaggerModel, layout: WeightLayout = 'table'): Uint8Array {
  const arrays: Record<string, StoredArray> = {
    transitions: model.transitions,
    ...weightArrays(model.weights, layout),
    'gazetteer.names.keys': model.resources.gazetteer.names.keys,
    'gazetteer.names.values': model.resources.gazetteer.names.values,
    'gazetteer.starts.keys': model.resources.gazetteer.starts.keys,
    'gazetteer.starts.values': model.resources.gazetteer.starts.values,
  };
  const lexicons: Record<string, Omit<StoredLexicon, 'arrays'>> = {};
  for (const [name, lexicon] of Object.entries(model.lexicons)) {
    const { arrays: parts, ...info } = storeLexicon(lexicon);
    lexicons[name] = info;
    for (const [role, array] of Object.entries(parts)) arrays[`lexicon.${name}.${role}`] = array;
  }
  const header = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    lang: model.lang,
    tags: model.tags,
    scale: model.scale,
    templates: TEMPLATES,
    ...(layout === 'table' ? {} : { weightLayout: layout }),
    lexicons,
    meta: model.meta ?? {},
  };
  return writeArrayFile(header, arrays);
}

/** The arrays stored under `${prefix}.keys`, `.values` and `.bits`, for restoreLexicon to check. */
function lexiconArrays(arrays: Record<string, StoredArray>, prefix: string): LexiconArrays {
  const parts: LexiconArrays = {};
  for (const role of ['keys', 'values', 'bits']) {
    const a = arrays[`${prefix}.${role}`];
    if (a instanceof Uint32Array || isValueArray(a)) parts[role] = a;
  }
  return parts;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The feature weights of a file's arrays in either layout, or null when they are missing or inconsistent. */
function storedWeights(
  arrays: Record<string, StoredArray>,
  layout: unknown,
  nTags: number,
): FeatureWeights | null {
  const values = arrays['weights.values'];
  if (!(values instanceof Int16Array)) return null;
  if (layout === 'list') {
    const hashes = arrays['weights.hashes'];
    const masks = arrays['weights.masks'];
    if (!(hashes instanceof Uint32Array) || !(masks instanceof Uint16Array)) return null;
    return FeatureWeights.fromList(hashes, masks, values, nTags);
  }
  if (layout !== 'table') return null;
  const keys = arrays['weights.keys'];
  const entries = arrays['weights.entries'];
  if (!(keys instanceof Uint32Array) || !HashIndex.isValid(keys) || !(entries instanceof Uint32Array))
    return null;
  const index = new HashIndex(keys);
  return FeatureWeights.isValid(index, entries, values, nTags)
    ? new FeatureWeights(index, entries, values, nTags)
    : null;
}

/**
 * The model of a .bin file's bytes, or null when the file is not a model this code can use: wrong
 * format or version, arrays missing, out of bounds or of inconsistent sizes. The arrays are views
 * into `buffer`.
 */
export function deserializeModel(buffer: ArrayBuffer): TaggerModel | null {
  const file = readArrayFile(buffer);
  if (!file) return null;
  const { header, arrays } = file;
  const { format, version, lang, tags, scale, templates, lexicons, meta, weightLayout } = header;
  if (format !== MODEL_FORMAT || version !== MODEL_VERSION) return null;
  if (typeof lang !== 'string' || typeof scale !== 'number' || !isStringArray(tags) || tags.length === 0)
    return null;
  // Feature hashes include template indices: a file from another template list would score garbage.
  // Templates are only ever appended, so a file written before the last ones came keeps its indices.
  if (!isStringArray(templates) || !KNOWN_TEMPLATE_LISTS.includes(templates.join())) return null;
  const T = tags.length;
  const i32 = (name: string) => (arrays[name] instanceof Int32Array ? (arrays[name] as Int32Array) : null);
  const transitions = i32('transitions');
  if (!transitions || transitions.length !== (T + 1) * T) return null;
  const weights = storedWeights(arrays, weightLayout ?? 'table', T);
  if (!weights) return null;
  const table = (prefix: string) => {
    const lexicon = restoreLexicon({
      kind: 'map',
      arrays: lexiconArrays(arrays, prefix),
    });
    return lexicon instanceof HashedWordValues ? lexicon : null;
  };
  const names = table('gazetteer.names');
  const starts = table('gazetteer.starts');
  if (!names || !starts) return null;
  if (!lexicons || typeof lexicons !== 'object') return null;
  const restored: Record<string, Lexicon> = {};
  for (const [name, info] of Object.entries(lexicons as Record<string, Partial<StoredLexicon>>)) {
    const lexicon = info?.kind
      ? restoreLexicon({
          kind: info.kind,
          hashes: info.hashes,
          arrays: lexiconArrays(arrays, `lexicon.${name}`),
        })
      : null;
    if (!lexicon) return null;
    restored[name] = lexicon;
  }
  return createModel({
    lang,
    tags,
    scale,
    transitions,
    weights,
    gazetteer: new Gazetteer(names, starts),
    lexicons: restored,
    meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : undefined,
  });
}

function wordScores(model: TaggerModel, word: string): Float64Array {
  const cached = model.wordScores.get(word);
  if (cached) return cached;
  const row = new Float64Array(model.tags.length);
  const weights = model.weights;
  visitWordFeatures(word, model.resources, (template, value) =>
    weights.addTo(row, 0, featureHash(template, value)),
  );
  if (model.wordScores.size >= WORD_CACHE_LIMIT) model.wordScores.clear();
  model.wordScores.set(word, row);
  return row;
}

/** Emission scores of a sentence, flat: token i's score for tag t at i × tags.length + t. */
export function emissionScores(
  model: TaggerModel,
  tokens: readonly string[],
  ctx: SentenceContext,
): Float64Array {
  const T = model.tags.length;
  const scores = new Float64Array(tokens.length * T);
  for (let i = 0; i < tokens.length; i++) scores.set(wordScores(model, tokens[i]!), i * T);
  const weights = model.weights;
  visitSentenceFeatures(
    tokens,
    model.resources,
    ctx,
    (i, template, value, part2, part3) =>
      weights.addTo(scores, i * T, featureHash(template, value, part2, part3)),
    true,
  );
  return scores;
}

/**
 * Best tag index sequence under emission (flat, n × nTags) + transition scores and the IOB2
 * constraint (`allowed`, as from allowedTransitions).
 */
export function viterbi(
  emissions: Float64Array,
  transitions: ArrayLike<number>,
  allowed: Uint8Array,
  nTags: number,
): number[] {
  const n = emissions.length / nTags;
  if (n === 0) return [];
  // Each tag's allowed predecessors, in order, listed once: IOB2 rules out about a third of the pairs,
  // and the inner loop then skips no pair (same order, same ties, same path as testing each one).
  const predecessors: number[][] = [];
  for (let t = 0; t < nTags; t++) {
    const list: number[] = [];
    for (let p = 0; p < nTags; p++) if (allowed[p * nTags + t]) list.push(p);
    predecessors.push(list);
  }
  const back = new Int32Array(n * nTags);
  let prev = new Float64Array(nTags);
  let cur = new Float64Array(nTags);
  const start = nTags * nTags;
  for (let t = 0; t < nTags; t++) {
    prev[t] = allowed[start + t] ? emissions[t]! + transitions[start + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const e = i * nTags;
    for (let t = 0; t < nTags; t++) {
      const list = predecessors[t]!;
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        const s = prev[p]! + transitions[p * nTags + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + emissions[e + t]!;
      back[e + t] = arg;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let last = 0;
  for (let t = 1; t < nTags; t++) if (prev[t]! > prev[last]!) last = t;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * nTags + path[i]!]!;
  return path;
}

/** IOB2 training tags (MISC included) for one tokenised sentence. */
export function tagSentenceRaw(
  model: TaggerModel,
  tokens: readonly string[],
  ctx?: SentenceContext,
): string[] {
  const emissions = emissionScores(model, tokens, ctx ?? {});
  const path = viterbi(emissions, model.transitions, model.allowed, model.tags.length);
  return path.map((t) => model.tags[t]!);
}

/**
 * tagSentence's tags, and per token how strongly the tagger's emission scores favour its best name tag
 * over O (positive: a name; the entity table's confidence reads it, see confidence.ts), and the raw
 * training tags before the span rules (MISC included; the recogniser reads organisations out of them).
 */
export function tagSentenceWithMargins(
  model: TaggerModel,
  tokens: readonly string[],
  ctx?: SentenceContext,
): { tags: string[]; margins: Float64Array; raw: string[] } {
  const T = model.tags.length;
  const emissions = emissionScores(model, tokens, ctx ?? {});
  const path = viterbi(emissions, model.transitions, model.allowed, T);
  const o = model.tags.indexOf('O');
  const names = model.tags.flatMap((tag, t) => (/^[BI]-(PER|LOC|ORG)$/.test(tag) ? [t] : []));
  const margins = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let best = -Infinity;
    for (const t of names) if (emissions[i * T + t]! > best) best = emissions[i * T + t]!;
    margins[i] = best - (o < 0 ? 0 : emissions[i * T + o]!);
  }
  const raw = path.map((t) => model.tags[t]!);
  return { tags: applySpanRules(tokens, raw, model.resources), margins, raw };
}

/** IOB2 tags over PER, LOC and ORG only, after the span rules (see span-rules.ts). */
export function tagSentence(model: TaggerModel, tokens: readonly string[], ctx?: SentenceContext): string[] {
  return applySpanRules(tokens, tagSentenceRaw(model, tokens, ctx), model.resources);
}
