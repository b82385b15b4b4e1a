import { describe, expect, it } from 'vitest';
import { normalizeArticleUrl, siteOf } from './normalize-url.ts';

describe('normalizeArticleUrl', () => {
  it.each([
    ['https://News.Example.COM/politik/kim', 'https://news.example.com/politik/kim'],
    ['https://news.example.com/politik/kim/', 'https://news.example.com/politik/kim'],
    ['https://news.example.com/politik/kim#comments', 'https://news.example.com/politik/kim'],
    [
      'https://news.example.com/politik/kim?utm_source=tw&utm_medium=social',
      'https://news.example.com/politik/kim',
    ],
    [
      'https://news.example.com/politik/kim?fbclid=abc&gclid=def&mc_cid=1',
      'https://news.example.com/politik/kim',
    ],
    ['http://news.example.com:80/politik/kim', 'https://news.example.com/politik/kim'],
    ['https://news.example.com/story?b=2&a=1', 'https://news.example.com/story?a=1&b=2'],
  ])('%s is the same article as %s', (a, b) => {
    expect(normalizeArticleUrl(a)).toBe(normalizeArticleUrl(b));
  });

  it.each([
    ['https://news.example.com/story?id=1', 'https://news.example.com/story?id=2'],
    ['https://news.example.com/a', 'https://news.example.com/b'],
    ['https://news.example.com/a', 'https://other.example.com/a'],
    ['https://news.example.com/Story', 'https://news.example.com/story'],
  ])('%s differs from %s', (a, b) => {
    expect(normalizeArticleUrl(a)).not.toBe(normalizeArticleUrl(b));
  });

  it('leaves unparsable input as it is (trimmed)', () => {
    expect(normalizeArticleUrl('  not a url ')).toBe('not a url');
  });
});

describe('siteOf', () => {
  it('prefers the site name, else the host without www', () => {
    expect(siteOf({ siteName: 'Tagesblick', url: 'https://www.tagesblick.example/x' })).toBe('Tagesblick');
    expect(siteOf({ siteName: null, url: 'https://www.tagesblick.example/x' })).toBe('tagesblick.example');
  });
});
