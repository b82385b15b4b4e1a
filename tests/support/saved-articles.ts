/**
 * Saved-article fixtures for the storage tests, the library benchmark and the saved-articles e2e tests.
 * `makeSavedArticle` builds a small valid record; `generateLibrary` a large varied one (deterministic);
 * `seedSavedArticle` the seed article as the library would hold it, with entity mentions found by
 * plain string search (a fixture, not the NER: it only needs offsets the reader can highlight).
 */

import type { SavedArticle } from '../../lib/storage/types.ts';
import type { Entity, EntityKind } from '../../lib/types.ts';
import { sameArticleKey } from '../../lib/url.ts';
import { readSeedArticle } from '../fixtures/news-page.ts';

let counter = 0;

export function makeSavedArticle(overrides: Partial<SavedArticle> = {}): SavedArticle {
  counter++;
  const url = overrides.url ?? `https://news.example.com/articles/${counter}`;
  const text = overrides.text ?? `Article ${counter} body text about nothing in particular.`;
  return {
    id: `fixture-${counter}-${Math.random().toString(36).slice(2)}`,
    url,
    normalizedUrl: sameArticleKey(url),
    title: `Article ${counter}`,
    byline: null,
    siteName: 'Example News',
    lang: 'en',
    savedAt: new Date(Date.UTC(2025, 0, 1, 0, counter % 60)).toISOString(),
    readingMinutes: 3,
    excerpt: null,
    summary: [],
    entities: [],
    quotes: [],
    related: [],
    tags: [],
    read: false,
    contentHtml: `<p>${text}</p>`,
    text,
    blocks: [{ kind: 'paragraph', text, start: 0 }],
    ...overrides,
  };
}

/** An entity whose mentions are every occurrence of `name` in `text`. */
export function entityByStringSearch(text: string, name: string, kind: EntityKind): Entity {
  const mentions: Entity['mentions'] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    mentions.push({ start: at, end: at + name.length, text: name });
  }
  const sentence =
    text.slice(Math.max(0, text.lastIndexOf('.', mentions[0]?.start ?? 0) + 1)).split('. ')[0] ?? '';
  return {
    id: `${kind}:${name.toLowerCase()}`,
    name,
    kind,
    count: mentions.length,
    aliases: [],
    firstSentence: sentence.trim(),
    sentences: [sentence.trim()],
    mentions,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The shared seed article as a saved record, or null without ../shared. */
export function seedSavedArticle(url = 'http://127.0.0.1/politik/kim-neujahr'): SavedArticle | null {
  const plain = readSeedArticle();
  if (!plain) return null;
  let start = 0;
  const blocks = plain.blocks.map((b) => {
    const block = { kind: b.kind, text: b.text, start };
    start += b.text.length + 2;
    return block;
  });
  const text = blocks.map((b) => b.text).join('\n\n');
  const entities = (
    [
      ['Kim Jong Un', 'person'],
      ['Pjöngjang', 'place'],
      ['Nordkorea', 'place'],
      ['Moskau', 'place'],
      ['KCNA', 'organization'],
    ] as const
  )
    .map(([name, kind]) => entityByStringSearch(text, name, kind))
    .filter((e) => e.count > 0);
  const html = blocks
    .map((b) => (b.kind === 'heading' ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`))
    .join('\n');
  return makeSavedArticle({
    url,
    normalizedUrl: sameArticleKey(url),
    title: plain.title,
    byline: 'Anna Beispiel',
    siteName: 'Tagesblick',
    lang: 'de',
    readingMinutes: Math.max(1, Math.round(text.split(/\s+/).length / 200)),
    excerpt: blocks[0]?.text.slice(0, 160) ?? null,
    summary: blocks.slice(0, 2).map((b) => ({ text: b.text, start: b.start, end: b.start + b.text.length })),
    entities,
    tags: ['nordkorea'],
    contentHtml: `<div><h1>${escapeHtml(plain.title)}</h1>\n${html}</div>`,
    text,
    blocks,
  });
}

const COMMON = (
  'regierung wahl minister parlament bericht wirtschaft markt energie klima gericht polizei stadt ' +
  'schule forschung gesundheit verkehr bahn flughafen hafen industrie export handel steuer haushalt ' +
  'government election minister parliament report economy market energy climate court police city ' +
  'school research health transport rail airport harbour industry export trade tax budget'
).split(' ');
const SYLLABLES = 'ka ri to me sa lu ne po fi da ge ho an ber sch ung lin wer mar tis ol ev ra ku zen'.split(
  ' ',
);

/**
 * A vocabulary as large as real news text has (~20,000 distinct words), so the index is as big as a
 * real library's: the common words above, then pseudo-words built from syllables.
 */
const WORDS = [
  ...COMMON,
  ...Array.from({ length: 20_000 }, (_, i) => {
    let word = '';
    for (let n = i + 7; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
    return word;
  }),
];

const PLACES = [
  'Berlin',
  'München',
  'Wien',
  'Zürich',
  'Pjöngjang',
  'Seoul',
  'London',
  'Paris',
  'Madrid',
  'Rom',
];
const PEOPLE = ['Anna Schmidt', 'Jonas Weber', 'Kim Jong Un', 'Olaf Scholz', 'Maria Rossi', 'John Smith'];
const SITES = ['Tagesblick', 'Der Morgen', 'Daily Courier', 'Le Journal', 'Alpenpost'];

/** A deterministic pseudo-random library of `size` articles (~600 words each) for benchmarks. */
export function generateLibrary(size: number, seed = 7): SavedArticle[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Word frequencies in text follow Zipf's law: a few words are everywhere, most are rare.
  const zipfWord = () => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length ** random()) - 1)]!;
  const articles: SavedArticle[] = [];
  for (let i = 0; i < size; i++) {
    const place = pick(PLACES);
    const person = pick(PEOPLE);
    const paragraphs = Array.from({ length: 6 }, () =>
      Array.from({ length: 100 }, (_, w) => (w % 25 === 0 ? place : w % 37 === 0 ? person : zipfWord())).join(
        ' ',
      ),
    );
    const text = paragraphs.join('\n\n');
    let start = 0;
    const blocks = paragraphs.map((p) => {
      const block = { kind: 'paragraph' as const, text: p, start };
      start += p.length + 2;
      return block;
    });
    const site = pick(SITES);
    articles.push(
      makeSavedArticle({
        url: `https://${site.toLowerCase().replace(/\s+/g, '-')}.example/${i}/${pick(COMMON)}`,
        title: `${pick(COMMON)} ${place} ${zipfWord()} ${i}`,
        siteName: site,
        lang: random() < 0.6 ? 'de' : 'en',
        savedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
        tags: random() < 0.3 ? [pick(['politik', 'wirtschaft', 'later', 'research'])] : [],
        read: random() < 0.4,
        entities: [entityByStringSearch(text, place, 'place'), entityByStringSearch(text, person, 'person')],
        contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
        text,
        blocks,
      }),
    );
  }
  return articles;
}
