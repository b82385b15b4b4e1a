/**
 * Evaluates the committed NER models on the dev splits of ../shared/data/ner: precision, recall and F1
 * per type and overall, exact spans of PER, LOC and ORG (MISC, OTH, -deriv, -part → O). For English,
 * compromise's figures on the same sentences are printed beside Kontext's.
 *
 *   npm run eval:ner
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { loadNerModel } from '../lib/entities/index.ts';
import { tagSentence } from '../lib/entities/model.ts';
import { type CorpusSentence, parseCorpus } from '../lib/entities/training/conll.ts';
import { formatScores, type Scores, scoreSpans } from '../lib/entities/training/evaluate.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.KONTEXT_SHARED_DATA ?? resolve(ROOT, '..', 'shared', 'data');
const DEV: Record<string, string> = { de: 'ner/de/dev.tsv', en: 'ner/en/dev.txt' };

function sideBySide(a: Scores, b: Scores, labelA: string, labelB: string): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const lines = [
    `  type     ${labelA.padEnd(24)}${labelB}`,
    `           P      R      F1      P      R      F1`,
  ];
  for (const type of ['PER', 'LOC', 'ORG', 'overall'] as const) {
    const x = a[type];
    const y = b[type];
    lines.push(
      `  ${type.padEnd(8)}${pct(x.precision)} ${pct(x.recall)} ${pct(x.f1)}  ${pct(y.precision)} ${pct(y.recall)} ${pct(y.f1)}`,
    );
  }
  return lines.join('\n');
}

/** Tags `tokens` (joined by spaces) with compromise, mapping its matches back to token indices. */
export function compromiseTags(tokens: readonly string[]): string[] {
  const text = tokens.join(' ');
  const starts: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    starts.push(pos);
    pos += t.length + 1;
  }
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const tags = tokens.map(() => 'O');
  const doc = nlp(text);
  const sets: Array<[string, { json(options: object): unknown }]> = [
    ['PER', doc.people()],
    ['LOC', doc.places()],
    ['ORG', doc.organizations()],
  ];
  for (const [type, matches] of sets) {
    for (const m of matches.json({ offset: true }) as Array<{ text: string; offset: { start: number } }>) {
      // compromise's match may end in separate punctuation ("New York ."): keep the words only.
      const words = m.text.replace(/[^\p{L}\p{N}]+$/u, '');
      if (!words) continue;
      const first = tokenAt(m.offset.start);
      const last = tokenAt(m.offset.start + words.length - 1);
      if (tags.slice(first, last + 1).some((t) => t !== 'O')) continue;
      for (let k = first; k <= last; k++) tags[k] = `${k === first ? 'B' : 'I'}-${type}`;
    }
  }
  return tags;
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.error(`${DATA} is absent: nothing to evaluate`);
    process.exit(1);
  }
  for (const lang of ['en', 'de']) {
    const model = await loadNerModel(lang, loadModelFromDisk);
    if (!model) throw new Error(`no model for ${lang}: run npm run train:ner`);
    const dev: CorpusSentence[] = parseCorpus(readFileSync(resolve(DATA, DEV[lang]!), 'utf8'));
    const gold = dev.map((s) => s.tags);
    const t0 = performance.now();
    const kontext = scoreSpans(
      gold,
      dev.map((s) => tagSentence(model.tagger, s.tokens)),
    );
    const ms = performance.now() - t0;
    const tokens = dev.reduce((n, s) => n + s.tokens.length, 0);
    console.log(
      `\n${lang} dev (${DEV[lang]}): ${dev.length} sentences, ${tokens} tokens, tagged in ${ms.toFixed(0)} ms`,
    );
    if (lang === 'en') {
      const compromise = scoreSpans(
        gold,
        dev.map((s) => compromiseTags(s.tokens)),
      );
      console.log(sideBySide(kontext, compromise, 'kontext', 'compromise'));
    } else {
      console.log(formatScores('kontext', kontext));
    }
  }
}

await main();
