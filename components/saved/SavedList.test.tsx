// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchCards } from '../../lib/storage/card-search.ts';
import { type Library, openLibrary } from '../../lib/storage/library.ts';
import { storeDamagedRecords } from '../../tests/support/hostile-library.ts';
import { entityByStringSearch, makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { FAKE_TIMERS, settle } from '../../tests/support/settle.ts';
import { createSavedTranslator } from './i18n.ts';
import { SavedList } from './SavedList.tsx';
import { UNDO_MS } from './useSavedActions.ts';

let library: Library;
let root: HTMLElement;

const text = 'Kim Jong Un lobte die Soldaten. Pjöngjang und Moskau stehen hinter ihnen.';
const articles = () => [
  makeSavedArticle({
    title: 'Kim schreibt an Soldaten',
    url: 'https://tagesblick.example/kim',
    siteName: 'Tagesblick',
    lang: 'de',
    text,
    entities: [entityByStringSearch(text, 'Pjöngjang', 'place')],
    savedAt: '2025-01-02T00:00:00.000Z',
  }),
  makeSavedArticle({
    title: '<img src=x onerror="window.__xss=1">Budget talks',
    url: 'https://courier.example/budget',
    siteName: 'Daily Courier',
    lang: 'en',
    excerpt: '<script>window.__xss=2</script>',
    savedAt: '2025-01-01T00:00:00.000Z',
  }),
];

const items = () => [...root.querySelectorAll('[data-testid="saved-item"]')];
const titles = () => items().map((li) => li.querySelector('[data-testid="saved-open"]')?.textContent);
const click = async (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  await act(async () => (el as HTMLElement).click());
  await settle();
};
const type = async (input: Element | null, value: string) => {
  const field = input as HTMLInputElement;
  field.value = value;
  await act(async () => {
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
};

beforeEach(async () => {
  vi.useFakeTimers(FAKE_TIMERS);
  library = await openLibrary(new IDBFactory(), { broadcast: false });
  for (const a of articles()) await library.save(a);
  root = document.createElement('div');
  document.body.append(root);
  await renderList();
});

async function renderList() {
  await act(async () => {
    render(
      <SavedList
        library={library}
        readerHref={(id) => `/reader.html?id=${id}`}
        lang="en"
        t={createSavedTranslator('en')}
      />,
      root,
    );
  });
  await settle();
}

afterEach(() => {
  vi.useRealTimers();
  render(null, root);
  root.remove();
  library.close();
});

describe('SavedList', () => {
  it('lists saved articles newest first, linking to the reader', () => {
    expect(titles()).toEqual([
      'Kim schreibt an Soldaten',
      '<img src=x onerror="window.__xss=1">Budget talks',
    ]);
    const link = items()[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toMatch(/^\/reader\.html\?id=/);
    expect(root.querySelector('[data-testid="saved-status"]')?.textContent).toContain('2 of 2 articles');
  });

  it('renders page strings as text, never as markup', () => {
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.textContent).toContain('<script>window.__xss=2</script>');
  });

  it('searches the full text, ignoring diacritics', async () => {
    await type(root.querySelector('[data-testid="saved-search"]'), 'pjongjang');
    expect(titles()).toEqual(['Kim schreibt an Soldaten']);
    await type(root.querySelector('[data-testid="saved-search"]'), 'nothing-like-this');
    expect(items()).toHaveLength(0);
    expect(root.textContent).toContain('No saved article matches.');
  });

  it('filters by language and by a name chip', async () => {
    const lang = root.querySelector<HTMLSelectElement>('[data-testid="filter-lang"]')!;
    lang.value = 'en';
    await act(async () => {
      lang.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(titles()).toEqual(['<img src=x onerror="window.__xss=1">Budget talks']);
    lang.value = '';
    await act(async () => {
      lang.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await click(root.querySelector('.entity-chips button'));
    expect(titles()).toEqual(['Kim schreibt an Soldaten']);
  });

  it('marks read and adds a tag, stored in the library', async () => {
    await click(items()[0]!.querySelector('[data-testid="toggle-read"]'));
    await click(items()[0]!.querySelector('[data-testid="add-tag"]'));
    await type(root.querySelector('[data-testid="tag-input"]'), 'nordkorea, später');
    await act(async () => {
      root
        .querySelector('.tag-form')!
        .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    const stored = await library.getByUrl('https://tagesblick.example/kim');
    expect(stored?.read).toBe(true);
    expect(stored?.tags).toEqual(['nordkorea', 'später']);
    expect(items()[0]!.querySelector('.tag-chips')?.textContent).toContain('nordkorea');
  });

  it('deletes with undo', async () => {
    await click(items()[1]!.querySelector('[data-testid="delete"]'));
    expect(titles()).toEqual(['Kim schreibt an Soldaten']);
    expect(await library.getByUrl('https://courier.example/budget')).toBeUndefined();
    await click(root.querySelector('[data-testid="undo"]'));
    expect(titles()).toHaveLength(2);
    expect(await library.getByUrl('https://courier.example/budget')).toBeDefined();
  });

  it('offers the undo for fifteen seconds, then drops it', async () => {
    await click(items()[1]!.querySelector('[data-testid="delete"]'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(UNDO_MS - 1);
    });
    expect(root.querySelector('[data-testid="undo"]')).not.toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(root.querySelector('[data-testid="undo-bar"]')).toBeNull();
    expect(await library.getByUrl('https://courier.example/budget')).toBeUndefined();
  });

  it('while the full-text index loads, shows card matches with a note, then the full-text results', async () => {
    // The index stays "loading" until the test lets it finish; until then answers come from the cards.
    let finishLoading = () => {};
    const loaded = new Promise<void>((resolve) => {
      finishLoading = resolve;
    });
    let ready = false;
    const real = { searchNow: library.searchNow.bind(library), indexReady: library.indexReady.bind(library) };
    library.searchNow = async (request = {}) => {
      const query = request.query?.trim() ?? '';
      if (ready || !query) return real.searchNow(request);
      return { cards: searchCards(await library.list(), query), partial: true };
    };
    library.indexReady = () => loaded.then(real.indexReady);
    const search = root.querySelector('[data-testid="saved-search"]');
    const note = () => root.querySelector('[data-testid="saved-indexing"]')?.textContent ?? null;

    await type(search, 'kim');
    expect(titles()).toEqual(['Kim schreibt an Soldaten']);
    expect(note()).toContain('the full text is still loading');
    // "Moskau" is only in the text: no card has it.
    await type(search, 'moskau');
    expect(items()).toHaveLength(0);
    expect(note()).toContain('more may match');

    ready = true;
    finishLoading();
    await settle();
    expect(titles()).toEqual(['Kim schreibt an Soldaten']);
    expect(note()).toBeNull();
  });

  it('shows the newest articles while the whole list is still loading', async () => {
    render(null, root);
    // The full read never finishes in this test: what shows comes from newestCards alone.
    library.searchNow = () => new Promise(() => {});
    await renderList();
    expect(titles()).toEqual([
      'Kim schreibt an Soldaten',
      '<img src=x onerror="window.__xss=1">Budget talks',
    ]);
    expect(root.querySelector('[data-testid="saved-status"]')?.textContent).toBe(
      'Your newest 2 articles; loading the others…',
    );
  });

  it('says what failed instead of loading forever when the library cannot be read', async () => {
    render(null, root);
    library.searchNow = async () => {
      throw new Error('The database is corrupt');
    };
    await renderList();
    expect(root.querySelector('[data-testid="saved-status"]')?.textContent).not.toContain('Loading');
    expect(root.querySelector('[data-testid="saved-error"]')?.textContent).toBe('The database is corrupt');
  });

  it('shows a full disk as a clear message and keeps the list', async () => {
    const failing = library.update.bind(library);
    library.update = async () => {
      throw Object.assign(new Error('QuotaExceededError'), { code: 'quota' });
    };
    await click(items()[0]!.querySelector('[data-testid="toggle-read"]'));
    expect(root.querySelector('[data-testid="saved-error"]')?.textContent).toMatch(
      /no room left.*Nothing already saved was lost/,
    );
    expect(titles()).toHaveLength(2);
    library.update = failing;
  });
});

describe('SavedList with damaged records already in the database', () => {
  it('renders every record, with "Save date unknown" for a date it cannot read, and searches them', async () => {
    render(null, root);
    library.close();
    const factory = new IDBFactory();
    const stored = await storeDamagedRecords(factory);
    library = await openLibrary(factory, { broadcast: false });
    await renderList();
    expect(titles().sort()).toEqual([...stored].sort());
    expect(root.querySelector('[data-testid="saved-status"]')?.textContent).toContain('4 of 4 articles');
    const meta = (title: string) =>
      items()
        .find((li) => li.textContent?.includes(title))
        ?.querySelector('.saved-meta')?.textContent;
    expect(meta('Damaged no-date')).toContain('Save date unknown');
    // The space before "+01:00" is read as the slip it is: 1 January 2024, 00:00 at +01:00.
    expect(meta('Damaged bad-date')).toContain('Saved Dec 31, 2023');
    expect(meta('Damaged infinite')).toContain('0 min');
    await type(root.querySelector('[data-testid="saved-search"]'), 'wrong');
    expect(titles()).toEqual(['Damaged wrong-types']);
  });
});

describe('SavedList on a library whose cards are still being read', () => {
  it('searches the cards read so far, says how many of how many, and ends with every match', async () => {
    render(null, root);
    library.close();
    const factory = new IDBFactory();
    const seeding = await openLibrary(factory, { broadcast: false });
    await seeding.importArticles(
      Array.from({ length: 200 }, (_, i) =>
        makeSavedArticle({
          url: `https://example.org/${i}`,
          title: i % 5 === 0 ? `Harbour news ${i}` : `Other news ${i}`,
        }),
      ),
    );
    seeding.close();
    // Two cards per batch: each pause between batches is a timer that settle() runs one round at a time.
    library = await openLibrary(factory, { broadcast: false, cardBatch: 2 });
    await renderList();
    await type(root.querySelector('[data-testid="saved-search"]'), 'harbour');
    const status = () => root.querySelector('[data-testid="saved-status"]')?.textContent ?? '';
    const early = /Searching (\d+) of 200 articles… (\d+) found so far\./.exec(status());
    expect(early, status()).not.toBeNull();
    expect(Number(early![1])).toBeLessThan(200);
    expect(Number(early![2])).toBe(items().length);
    expect(titles().every((title) => title?.startsWith('Harbour'))).toBe(true);

    // A pause scheduled while fake timers run is due 1 ms later (the fake clock's rule for delay 0).
    for (let round = 0; round < 400 && status().includes('Searching'); round++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1);
      });
      await settle(1);
    }
    expect(status()).toContain('40 of 200 articles');
    expect(items()).toHaveLength(40);
  });
});
