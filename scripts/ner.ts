/**
 * Tagging CLI for held-out evaluation:
 *
 *   npm run -s ner -- --lang de|en < in.conll > out.tsv
 *
 * Input: CoNLL-2003 (space-separated, token in the first column) or GermEval (tab-separated, token in
 * the second column). Output: `token<TAB>predicted-BIO-tag` per input token, a blank line after each
 * sentence; `-DOCSTART-` and `#` comment lines are dropped. Tags are IOB2 over PER, LOC and ORG.
 */
import { readFileSync } from 'node:fs';
import { loadNerModel } from '../lib/entities/index.ts';
import { tagSentence } from '../lib/entities/model.ts';
import { parseCorpus } from '../lib/entities/training/conll.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run -s ner -- --lang de|en < in.conll > out.tsv\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--lang');
  const lang = i >= 0 ? args[i + 1] : undefined;
  if (!lang) usage('missing --lang');
  const model = await loadNerModel(lang, loadModelFromDisk);
  if (!model) usage(`no NER model for language "${lang}"`);
  const input = readFileSync(0, 'utf8');
  const out: string[] = [];
  for (const sentence of parseCorpus(input)) {
    const tags = tagSentence(model.tagger, sentence.tokens);
    sentence.tokens.forEach((token, k) => {
      out.push(`${token}\t${tags[k]}`);
    });
    out.push('');
  }
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
}

await main();
