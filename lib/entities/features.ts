/**
 * Feature extraction for the sequence tagger. Features depend only on the tokens (never on predicted
 * tags, which the tagger models through its transition weights), so training can precompute them once.
 *
 * A feature is a (template, value) pair, e.g. (L_PREV, "präsident"). Values are passed to a visitor
 * rather than concatenated with the template, and a value made of parts ("prev|word") is passed as its
 * parts: the tagger hashes them straight from their characters (model.ts featureHash), so tagging
 * builds no lookup strings.
 */

import { hasLetter, isCapitalised } from '../text/tokens.ts';
import type { Gazetteer, GazetteerMatch } from './gazetteer.ts';
import type { WordSet, WordValues } from './lexicon.ts';
import { isRoleWord } from './roles.ts';

export interface SentenceContext {
  /** The sentence is a heading (headline capitalisation: content words may be capitalised). */
  heading?: boolean;
}

export interface FeatureResources {
  gazetteer: Gazetteer;
  /** Words seen as the first word of multi-word person names. */
  firstNames: WordSet;
  /**
   * How a word behaves in running text, from the training corpus: 1 when it is mostly written
   * lower-case, 2 when it is seen both ways, 3 when it is always capitalised. Missing when unseen.
   */
  caseProfile: WordValues;
  /**
   * Further word lists by name, as the model file stores them (see model.ts buildResources and
   * lexicon.ts): a feature reads, say, `res.wordSets.nouns?.has(l)`.
   */
  wordSets: Readonly<Record<string, WordSet>>;
  wordValues: Readonly<Record<string, WordValues>>;
  lang: string;
}

/** Feature templates, in a fixed order (their names are the model file's keys). */
export const TEMPLATES = [
  'b',
  'w',
  'l',
  'sh',
  'st',
  'p1',
  'p2',
  'p3',
  'p4',
  's1',
  's2',
  's3',
  's4',
  's5',
  'first',
  'cp',
  'caps',
  'hyph',
  'hyphgz',
  'hyphl',
  'l-1',
  'l+1',
  'l-2',
  'l+2',
  'sh-1',
  'sh+1',
  'sh3',
  'l-1|l',
  'l|l+1',
  'role-1',
  'role-2',
  'gz',
  'gz-1',
  'gz+1',
  'gzc',
  'gzgen',
  'fn',
  'fn-1',
  'w-1|sh',
  'noun',
  'name',
  'noun|name',
  'name-1',
  'name+1',
  // Appended (model files list the templates they were trained with, and older files lack these: see
  // model.ts LEGACY_TEMPLATES): word clusters, read only when the model has a `clusters` lexicon.
  'cl',
  'clc',
  'cl-1',
  'cl+1',
  'cl0',
] as const;
export type TemplateName = (typeof TEMPLATES)[number];
const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<TemplateName, number>;

/** Distributional classes (training/clusters.ts): `fine` classes per coarse one, class = coarse × fine + k. */
export const CLUSTER_FINE = 16;
/** Class numbers as feature values, made once (tagging builds no strings). */
const CLASS_NAMES = Array.from({ length: 256 }, (_, i) => String(i));
const className = (c: number | undefined) => (c === undefined ? '-' : (CLASS_NAMES[c] ?? String(c)));

/**
 * Receives feature (template, value) of a token. A value of two or three parts comes as `value`,
 * `part2`, `part3` and means the parts joined by '|' (`${value}|${part2}`): one feature, not several.
 */
export type FeatureVisitor = (
  token: number,
  template: number,
  value: string,
  part2?: string,
  part3?: string,
) => void;

/** The value a visitor's parts stand for. */
export function joinParts(value: string, part2?: string, part3?: string): string {
  if (part2 === undefined) return value;
  return part3 === undefined ? `${value}|${part2}` : `${value}|${part2}|${part3}`;
}

/** Word shape: X for upper, x for lower, d for digits, repeated runs collapsed ("Kim" → "Xx"). */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const code = ch.charCodeAt(0);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = ch;
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** All letters upper-case (and at least one letter): "KCNA", "U.S.", "BRUSSELS". */
function isAllCaps(word: string, lower: string): boolean {
  return word !== lower && word === word.toUpperCase();
}

/** Sentence style: 'caps' when nearly every word is upper-case (CoNLL headlines), 'title' for title case. */
function sentenceStyle(tokens: readonly string[], lower: readonly string[]): string {
  let words = 0;
  let caps = 0;
  let title = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!hasLetter(t)) continue;
    words++;
    if (t.length > 1 && isAllCaps(t, lower[i]!)) caps++;
    else if (isCapitalised(t)) title++;
  }
  if (words >= 2 && caps / words > 0.8) return 'caps';
  if (words >= 4 && (caps + title) / words > 0.75) return 'title';
  return 'plain';
}

const gazKey = (m: GazetteerMatch | undefined) => (m ? m.kind + m.position : '-');

/**
 * Visits the features that depend on the word alone (not on its neighbours, position or sentence):
 * the tagger caches their summed weights per word.
 */
export function visitWordFeatures(
  w: string,
  res: FeatureResources,
  visit: (template: number, value: string) => void,
): void {
  const l = w.toLowerCase();
  const sh = wordShape(w);
  const capital = isCapitalised(w);
  visit(T.b, '');
  visit(T.w, w);
  visit(T.l, l);
  visit(T.sh, sh);
  const len = l.length;
  if (len > 1) visit(T.p1, l.slice(0, 1));
  if (len > 2) visit(T.p2, l.slice(0, 2));
  if (len > 3) visit(T.p3, l.slice(0, 3));
  if (len > 4) visit(T.p4, l.slice(0, 4));
  if (len > 1) visit(T.s1, l.slice(-1));
  if (len > 2) visit(T.s2, l.slice(-2));
  if (len > 3) visit(T.s3, l.slice(-3));
  if (len > 4) visit(T.s4, l.slice(-4));
  if (len > 5) visit(T.s5, l.slice(-5));
  const hyphen = w.indexOf('-');
  if (hyphen > 0) {
    visit(T.hyph, '');
    const kind = res.gazetteer.kindOf(w.slice(0, hyphen));
    if (kind) visit(T.hyphgz, kind);
    visit(T.hyphl, l.slice(l.lastIndexOf('-') + 1));
  }
  if (res.firstNames.has(w)) visit(T.fn, capital ? 'C' : 'c');
  const noun = nounClass(w, capital, res);
  const name = nameClass(w, res);
  if (noun) visit(T.noun, noun);
  if (name) visit(T.name, name);
  if (noun && name) visit(T['noun|name'], noun + name);
  const clusters = res.wordValues.clusters;
  if (clusters) {
    const c = clusters.get(w);
    visit(T.cl, className(c));
    if (c !== undefined) visit(T.clc, className(Math.floor(c / CLUSTER_FINE)));
  }
}

/**
 * 'N' for a known common-noun form; 'T' when the word ends in one (a German compound such as
 * "Schweinegestank" ends in "Gestank"): both argue against a name, though places are often compounds
 * too ("Schlossberg"), so the tagger weighs them against the other features.
 */
export function nounClass(w: string, capital: boolean, res: FeatureResources): string {
  const nouns = res.wordSets.nouns;
  if (!nouns || !capital) return '';
  if (nouns.has(w)) return 'N';
  for (let k = 3; k + 4 <= w.length; k++) {
    const ch = w[k]!;
    if (ch === '-') continue;
    if (nouns.has(ch.toUpperCase() + w.slice(k + 1))) return 'T';
  }
  return '';
}

/**
 * "Putins Drohnenangriffe", "Wulffs Hochzeitsfeier": a genitive name (ending in s, and not a given
 * name such as "Nikolas") followed by a common noun that no name list knows — the noun is what the
 * person owns, not part of the name.
 */
export function isPossessedNoun(genitive: string, w: string, res: FeatureResources): boolean {
  return (
    genitive.endsWith('s') &&
    !res.wordSets.givenNames?.has(genitive) &&
    nounClass(w, isCapitalised(w), res) !== '' &&
    nameClass(w, res) === ''
  );
}

/** 'G' given name, 'S' surname, 'GS' both (from external name lists). */
export function nameClass(w: string, res: FeatureResources): string {
  return (res.wordSets.givenNames?.has(w) ? 'G' : '') + (res.wordSets.surnames?.has(w) ? 'S' : '');
}

/**
 * Visits every feature of every token of a sentence; with `contextOnly`, only those that
 * visitWordFeatures does not cover.
 */
export function visitSentenceFeatures(
  tokens: readonly string[],
  res: FeatureResources,
  ctx: SentenceContext,
  visit: FeatureVisitor,
  contextOnly = false,
): void {
  const n = tokens.length;
  const lower = tokens.map((t) => t.toLowerCase());
  const shapes = tokens.map(wordShape);
  const gaz = res.gazetteer.annotate(tokens);
  const gazKeys = gaz.map(gazKey);
  const style = ctx.heading ? 'head' : sentenceStyle(tokens, lower);
  const german = res.lang === 'de';
  const low = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const shp = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]!);
  const clusters = res.wordValues.clusters;
  const classes = clusters ? tokens.map((t) => className(clusters.get(t))) : null;

  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    const l = lower[i]!;
    const sh = shapes[i]!;
    const capital = isCapitalised(w);
    const len = l.length;
    if (!contextOnly) visitWordFeatures(w, res, (t, v) => visit(i, t, v));
    visit(i, T.st, style, sh);
    if (i === 0) visit(i, T.first, sh);
    const cp = res.caseProfile.get(l) ?? 0;
    visit(i, T.cp, `${cp}${capital ? 'C' : 'c'}${i === 0 ? '0' : ''}`);
    if (len > 1 && isAllCaps(w, l)) visit(i, T.caps, style);
    // Neighbouring words and shapes.
    const prev = low(i - 1);
    const next = low(i + 1);
    visit(i, T['l-1'], prev);
    visit(i, T['l+1'], next);
    visit(i, T['l-2'], low(i - 2));
    visit(i, T['l+2'], low(i + 2));
    visit(i, T['sh-1'], shp(i - 1));
    visit(i, T['sh+1'], shp(i + 1));
    visit(i, T.sh3, shp(i - 1), sh, shp(i + 1));
    visit(i, T['l-1|l'], prev, l);
    visit(i, T['l|l+1'], l, next);
    visit(i, T['w-1|sh'], prev, sh);
    if (i > 0 && isRoleWord(prev)) visit(i, T['role-1'], '');
    if (i > 1 && isRoleWord(lower[i - 2]!)) visit(i, T['role-2'], '');
    if (i > 0 && res.firstNames.has(tokens[i - 1]!)) visit(i, T['fn-1'], capital ? 'C' : 'c');
    if (i > 0) {
      const name = nameClass(tokens[i - 1]!, res);
      if (name) visit(i, T['name-1'], name + (capital ? 'C' : 'c'));
    }
    if (i + 1 < n) {
      const name = nameClass(tokens[i + 1]!, res);
      if (name) visit(i, T['name+1'], name + (capital ? 'C' : 'c'));
    }
    if (classes) {
      visit(i, T['cl-1'], i > 0 ? classes[i - 1]! : '<s>');
      visit(i, T['cl+1'], i + 1 < n ? classes[i + 1]! : '</s>');
      // A sentence's first word is capitalised whatever it is: the class of its lower-case form.
      if (i === 0 && capital && l !== w) visit(i, T.cl0, className(clusters!.get(l)));
    }
    // Gazetteer matches of this token and its neighbours.
    const g = gazKeys[i]!;
    visit(i, T.gz, g);
    visit(i, T['gz-1'], i > 0 ? gazKeys[i - 1]! : '<s>');
    visit(i, T['gz+1'], i + 1 < n ? gazKeys[i + 1]! : '</s>');
    if (g !== '-') visit(i, T.gzc, capital ? 'C' : 'c');
    else if (german && capital && len > 3 && l.endsWith('s')) {
      // German genitive: "Nordkoreas", "Putins".
      const kind = res.gazetteer.kindOf(w.slice(0, -1));
      if (kind) visit(i, T.gzgen, kind);
    }
  }
}

/** Feature strings ("template=value") for every token; for inspection and tests. */
export function sentenceFeatures(
  tokens: readonly string[],
  res: FeatureResources,
  ctx: SentenceContext = {},
) {
  const out: string[][] = tokens.map(() => []);
  visitSentenceFeatures(tokens, res, ctx, (i, t, v, v2, v3) =>
    out[i]!.push(`${TEMPLATES[t]}=${joinParts(v, v2, v3)}`),
  );
  return out;
}
