// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../lib/storage/library.ts';
import { makeEntity } from '../../tests/support/entities.ts';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { settle } from '../../tests/support/settle.ts';
import { SavedList } from './SavedList.tsx';

describe('the saved list opened for a name (a hover card’s “Show in your saved list”)', () => {
  it('shows only the articles naming it, in either spelling', async () => {
    const library = await openLibrary(new IDBFactory(), { broadcast: false });
    const saved = (title: string, name: string) =>
      library.save(makeSavedArticle({ title, entities: [makeEntity(name, 'person', 1)] }));
    await saved('Summit in Hanoi', 'Kim Jong Un');
    await saved('Raketen über dem Meer', 'Kim Jong-un');
    await saved('Budget talks', 'Rishi Sunak');
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () =>
      render(
        <SavedList
          library={library}
          readerHref={(id) => `/reader.html?id=${id}`}
          lang="en"
          initialFilters={{ entity: 'Kim Jong Un' }}
        />,
        root,
      ),
    );
    await settle();
    const titles = [...root.querySelectorAll('[data-testid="saved-open"]')].map((a) => a.textContent).sort();
    expect(titles).toEqual(['Raketen über dem Meer', 'Summit in Hanoi']);
    library.close();
  });
});
