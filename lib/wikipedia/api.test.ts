import { describe, expect, it } from 'vitest';
import { KIM_SUMMARY_EN } from '../../tests/fixtures/wikipedia/responses.ts';
import {
  firstSentences,
  imageFilePage,
  lookupLanguages,
  loopbackOrigin,
  parseSearchTitle,
  parseSummary,
  searchTitleUrl,
  summaryUrl,
  uploadImageUrl,
} from './api.ts';

describe('Wikipedia endpoints', () => {
  it('builds both request URLs from the origin, with the name and title encoded', () => {
    expect(searchTitleUrl('https://de.wikipedia.org', 'Kim Jong-un & Co')).toBe(
      'https://de.wikipedia.org/w/rest.php/v1/search/title?q=Kim%20Jong-un%20%26%20Co&limit=5',
    );
    expect(summaryUrl('http://127.0.0.1:4000', 'Paris, Texas')).toBe(
      'http://127.0.0.1:4000/api/rest_v1/page/summary/Paris%2C_Texas',
    );
  });

  it('asks the article’s language first, then the other one; English for others', () => {
    expect(lookupLanguages('de')).toEqual(['de', 'en']);
    expect(lookupLanguages('en')).toEqual(['en', 'de']);
    expect(lookupLanguages('fr')).toEqual(['en', 'de']);
  });

  it('lets only a loopback http origin stand in for Wikipedia', () => {
    expect(loopbackOrigin('http://127.0.0.1:4567/x')).toBe('http://127.0.0.1:4567');
    expect(loopbackOrigin('http://localhost:80')).toBe('http://localhost');
    expect(loopbackOrigin('https://evil.example')).toBeNull();
    expect(loopbackOrigin('http://127.0.0.1.evil.example')).toBeNull();
    expect(loopbackOrigin(42)).toBeNull();
  });
});

describe('parsing answers (untrusted)', () => {
  it('keeps images from Wikimedia’s upload host only', () => {
    expect(uploadImageUrl('//upload.wikimedia.org/a.jpg')).toBe('https://upload.wikimedia.org/a.jpg');
    expect(uploadImageUrl('https://evil.example/a.jpg')).toBeNull();
    expect(uploadImageUrl('http://upload.wikimedia.org/a.jpg')).toBeNull();
    expect(uploadImageUrl('javascript:alert(1)')).toBeNull();
  });

  it('reads a summary and links to the real edition, whatever content_urls says', () => {
    const summary = parseSummary(
      {
        ...KIM_SUMMARY_EN,
        content_urls: { desktop: { page: 'https://evil.example/' } },
      },
      'en',
    );
    expect(summary).toMatchObject({
      type: 'standard',
      title: 'Kim Jong Un',
      description: 'Supreme Leader of North Korea since 2011',
      url: 'https://en.wikipedia.org/wiki/Kim_Jong_Un',
    });
    expect(summary?.thumbnail?.source).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
  });

  it('drops a thumbnail from elsewhere and odd types', () => {
    const summary = parseSummary(
      { ...KIM_SUMMARY_EN, type: 'weird', thumbnail: { source: 'https://tracker.example/p.gif' } },
      'en',
    );
    expect(summary?.thumbnail).toBeNull();
    expect(summary?.type).toBe('other');
    expect(parseSummary('nope', 'en')).toBeNull();
    expect(parseSummary({ title: 7 }, 'en')).toBeNull();
  });

  it('reads search hits as plain text and skips malformed ones', () => {
    const hits = parseSearchTitle({
      pages: [
        { id: 1, key: 'A', title: 'A', excerpt: '<span class="searchmatch">A</span>', description: null },
        { id: 2, title: 5 },
        'junk',
      ],
    });
    expect(hits).toEqual([{ title: 'A', description: '', excerpt: 'A', matchedTitle: '' }]);
    expect(parseSearchTitle({ pages: 'x' })).toEqual([]);
  });
});

describe('firstSentences', () => {
  it('keeps the first two sentences, not cut at abbreviations', () => {
    expect(firstSentences('Dr. Who is a show. It began in 1963. A third.')).toBe(
      'Dr. Who is a show. It began in 1963.',
    );
  });
});

describe('imageFilePage', () => {
  it('finds the file page of a thumbnail, on Commons or a local wiki', () => {
    expect(
      imageFilePage(
        'https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Kim_Jong_Un_2019.jpg/320px-Kim_Jong_Un_2019.jpg',
      ),
    ).toEqual({
      file: 'Kim Jong Un 2019.jpg',
      url: 'https://commons.wikimedia.org/wiki/File:Kim_Jong_Un_2019.jpg',
    });
    expect(imageFilePage('https://upload.wikimedia.org/wikipedia/en/1/12/Logo.svg')?.url).toBe(
      'https://en.wikipedia.org/wiki/File:Logo.svg',
    );
    expect(imageFilePage('https://upload.wikimedia.org/other/x.jpg')).toBeNull();
  });
});
