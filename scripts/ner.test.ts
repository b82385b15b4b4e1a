/** The tagging CLI: input formats, output shape, dropped lines. */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function runCli(lang: string, input: string): string {
  return execFileSync(
    resolve(ROOT, 'node_modules', '.bin', 'tsx'),
    [resolve(ROOT, 'scripts', 'ner.ts'), '--lang', lang],
    {
      input,
      encoding: 'utf8',
    },
  );
}

describe('npm run ner', () => {
  it('tags CoNLL input: one token<TAB>tag line per token, a blank line after each sentence', () => {
    const input =
      '-DOCSTART- -X- -X- O\n\nGerman NNP B-NP B-MISC\nChancellor NNP I-NP O\nAngela NNP I-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n\nThanks NNS B-NP O\n. . O O\n';
    const lines = runCli('en', input).split('\n');
    expect(lines).toEqual([
      'German\tO',
      'Chancellor\tO',
      'Angela\tB-PER',
      'Merkel\tI-PER',
      'visited\tO',
      'Paris\tB-LOC',
      '.\tO',
      '',
      'Thanks\tO',
      '.\tO',
      '',
      '',
    ]);
  });

  it('tags GermEval input (token in the second column), dropping # lines', () => {
    const input =
      '#\thttp://example.org\t[2010-01-01]\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\treist\tO\tO\n4\tnach\tO\tO\n5\tMoskau\tB-LOC\tO\n6\t.\tO\tO\n\n';
    const out = runCli('de', input);
    expect(out).toBe('Angela\tB-PER\nMerkel\tI-PER\nreist\tO\nnach\tO\nMoskau\tB-LOC\n.\tO\n\n');
  });

  it('prints only PER, LOC and ORG tags: the tagger learns DERIV for "deutschen", reported as O', () => {
    const input = ['Die', 'deutschen', 'und', 'russischen', 'Truppen', 'in', 'Berlin', '.']
      .map((t, k) => `${k + 1}\t${t}\tO\tO`)
      .join('\n');
    const tags = runCli('de', `${input}\n\n`)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[1]);
    expect(tags).toEqual(['O', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O']);
  });

  it('fails with usage for a language without a model', () => {
    expect(() => runCli('xx', 'a\n')).toThrow();
  });
});
