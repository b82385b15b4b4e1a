/**
 * One home for each concept (issue 13): folds, addresses, tokens, content words, highlight kinds and page
 * chrome are each written once. This reads the shipped and shared source (lib/, components/,
 * entrypoints/, utils/; tests and training code aside) and fails when a second definition reappears.
 * Each rule also checks that its pattern still finds its home, so a rule cannot go stale and pass
 * by matching nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared-paths.ts';

const FOLDERS = ['lib', 'components', 'entrypoints', 'utils'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'training' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const SOURCES = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).map((path) => ({
  file: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

interface Rule {
  concept: string;
  home: string;
  pattern: RegExp;
}

const RULES: Rule[] = [
  { concept: 'Unicode normalisation (folds)', home: 'lib/text/fold.ts', pattern: /\.normalize\(\s*['"]NF/ },
  { concept: 'accent stripping', home: 'lib/text/fold.ts', pattern: /\\p\{M\}\/gu?, ''\)/ },
  { concept: 'tracking parameters', home: 'lib/url.ts', pattern: /utm_|fbclid|gclid/ },
  { concept: '"www." stripping', home: 'lib/url.ts', pattern: /replace\(\/\^www\\\./ },
  { concept: 'the tokeniser', home: 'lib/text/tokens.ts', pattern: /export (function|const) tokenize\b/ },
  { concept: 'isCapitalised', home: 'lib/text/tokens.ts', pattern: /(function|const) isCapitalised\b/ },
  { concept: 'isPunctuation', home: 'lib/text/tokens.ts', pattern: /(function|const) isPunctuation\b/ },
  {
    concept: 'stop-word lists',
    home: 'lib/text/content-words.ts',
    pattern: /'(the a an and|der die das den dem des ein eine einer einem eines und)\b/,
  },
  { concept: 'entity kind list', home: 'lib/types.ts', pattern: /'person',\s*'place',\s*'organization'/ },
  { concept: 'quote kind list', home: 'lib/types.ts', pattern: /'speech',\s*'phrase'/ },
  {
    concept: 'chrome ARIA roles',
    home: 'lib/extract/page-chrome.ts',
    pattern: /'contentinfo'|contentinfo\|/,
  },
];

describe('one home for each concept', () => {
  it.each(RULES)('$concept is written only in $home', ({ home, pattern }) => {
    const where = SOURCES.filter(({ text }) => pattern.test(text)).map(({ file }) => file);
    expect(where).toEqual([home]);
  });

  it('never spreads or iterates searchParams (a Firefox content-script hazard: URL is an Xray there)', () => {
    const hazard =
      /\[\s*\.\.\.\s*[\w.]*searchParams\s*\]|searchParams\.(keys|values|entries)\(\)|of\s+[\w.]*searchParams\b/;
    const probe = 'const kept = [...url.searchParams].filter(Boolean);';
    expect(hazard.test(probe)).toBe(true);
    expect(
      SOURCES.filter(({ text }) => hazard.test(text.replace(/^\s*(\*|\/\/).*$/gm, ''))).map((s) => s.file),
    ).toEqual([]);
  });

  it('keeps the retired second homes deleted', () => {
    const retired = [
      'lib/storage/normalize-url.ts',
      'lib/related/url.ts',
      'lib/related/terms.ts',
      'lib/summary/terms.ts',
      'lib/quotes/tokens.ts',
      'lib/entities/tokenize.ts',
      'lib/related/page-chrome.ts',
    ];
    expect(retired.filter((file) => existsSync(join(ROOT, file)))).toEqual([]);
  });
});
