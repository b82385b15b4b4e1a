import { describe, expect, it } from 'vitest';
import { isPageExtraction } from './messaging.ts';

const extraction = {
  url: 'https://example.org/a',
  title: 'A',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  langSource: 'markup',
  markupLang: 'en-GB',
  excerpt: null,
  wordCount: 3,
  readingMinutes: 1,
  status: 'ok',
  message: null,
  blocks: [{ kind: 'paragraph', text: 'One two three', start: 0 }],
  text: 'One two three',
  contentHtml: '<p>One two three</p>',
  relatedCandidates: [
    { url: 'https://example.org/b', title: 'B', host: 'example.org', source: 'list', score: 0 },
  ],
  timings: { extract: 1 },
};

describe('isPageExtraction', () => {
  it('accepts what extractPage returns', () => {
    expect(isPageExtraction(extraction)).toBe(true);
  });

  it('refuses what a crashed or replaced frame answers', () => {
    expect(isPageExtraction(undefined)).toBe(false);
    expect(isPageExtraction(null)).toBe(false);
    expect(isPageExtraction({ ok: true })).toBe(false);
    expect(isPageExtraction({ ...extraction, status: 'great' })).toBe(false);
    expect(isPageExtraction({ ...extraction, text: 42 })).toBe(false);
    expect(isPageExtraction({ ...extraction, blocks: [{ text: 'x' }] })).toBe(false);
    expect(isPageExtraction({ ...extraction, relatedCandidates: [null] })).toBe(false);
    expect(isPageExtraction({ ...extraction, wordCount: -1 })).toBe(false);
  });
});
