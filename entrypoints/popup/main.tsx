// First, for its effect: the analysis is asked for before the rest of the popup evaluates.
import './early.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createTranslator, uiLanguage } from '@/components/i18n.ts';
import { App } from '@/components/popup/App.tsx';
import type { PopupApi } from '@/components/popup/api.ts';
import { mark } from '@/components/popup/marks.ts';
import { PopupShell, tabFromHash } from '@/components/popup/PopupShell.tsx';
import { savedArticlesLike } from '@/components/popup/saved-related.ts';
import type { SavedList as SavedListComponent } from '@/components/saved/SavedList.tsx';
import { WikipediaSwitch } from '@/components/WikipediaSwitch.tsx';
import type { Library } from '@/lib/storage/index.ts';
import type { Analysis, HighlightKind } from '@/lib/types.ts';
import '@/components/theme.css';
import '@/components/saved/saved.css';
import { browserWikipediaSwitch } from '@/utils/wikipedia-switch-api.ts';
import './popup.css';
import { analyzeTab, ask, tabIdPromise, tabTitlePromise, takeFirstAnswer } from './early.ts';

// The saved list's code (the library: idb, MiniSearch, DOMPurify; the list's UI) is not in the popup's
// first module graph, and loads only when first used: the Save button's look-up after the first results,
// the Saved tab, a save. Loaded at start, its 70 kB were parsed and evaluated while the page was being
// injected and extracted, on the same cores (issue 16).
let storageLoad: Promise<typeof import('@/lib/storage/index.ts')> | undefined;
let libraryLoad: Promise<Library> | undefined;
const storageModule = () => {
  storageLoad ??= import('@/lib/storage/index.ts');
  return storageLoad;
};
const openedLibrary = () => {
  libraryLoad ??= storageModule().then((storage) => storage.openLibrary());
  return libraryLoad;
};
const readerHref = (id: string) => `${browser.runtime.getURL('/reader.html')}?id=${encodeURIComponent(id)}`;

const api: PopupApi = {
  analyzeTab,
  relatedLinks: (tabId) => ask({ type: 'kontext:related-links', tabId }),
  setHighlightKinds: async (tabId: number, kinds: HighlightKind[]) => {
    await ask({ type: 'kontext:set-highlight-kinds', tabId, kinds });
  },
  findSaved: async (url) => (await openedLibrary()).getByUrl(url),
  save: async (analysis: Analysis) => {
    // The article's HTML never left the page: its content script sanitises it (the library only ever
    // stores sanitised HTML), as for a save from the context menu.
    const tabId = await tabIdPromise;
    const content = tabId === null ? null : await ask({ type: 'kontext:sanitized-content', tabId });
    const html = content?.html ?? '';
    const { savedArticleFromAnalysis } = await storageModule();
    try {
      return await (await openedLibrary()).save(savedArticleFromAnalysis(analysis, html));
    } catch (error) {
      // A full disk or a failed write: say so in the reader's language; nothing saved before is lost.
      const { createSavedTranslator, describeFailure } = await import('@/components/saved/i18n.ts');
      throw new Error(describeFailure(error, createSavedTranslator(uiLanguage())));
    }
  },
  unsave: async (id) => {
    await (await openedLibrary()).remove(id);
  },
  savedRelated: async (analysis) => savedArticlesLike(await openedLibrary(), analysis.entities, analysis.url),
  readerHref: (id) => readerHref(id),
};

document.documentElement.lang = uiLanguage();
const t = createTranslator();
document.title = t('appName');
function SavedTab() {
  const [loaded, setLoaded] = useState<{ library: Library; SavedList: typeof SavedListComponent } | null>(
    null,
  );
  useEffect(() => {
    void Promise.all([openedLibrary(), import('@/components/saved/SavedList.tsx')]).then(
      ([library, { SavedList }]) => setLoaded({ library, SavedList }),
    );
  }, []);
  if (!loaded) return null;
  const { library, SavedList } = loaded;
  return (
    <SavedList
      library={library}
      compact
      readerHref={readerHref}
      onOpen={(id) => void browser.tabs.create({ url: readerHref(id) })}
    />
  );
}

const wikipediaSwitch = browserWikipediaSwitch();

void tabIdPromise.then((tabId) => {
  const initialTab = tabFromHash(location.hash);
  render(
    <>
      <PopupShell
        initialTab={initialTab}
        article={() => (
          <App api={api} tabId={tabId} t={t} firstAnswer={takeFirstAnswer()} pageTitle={tabTitlePromise} />
        )}
        saved={() => <SavedTab />}
        t={t}
      />
      <footer class="settings">
        <WikipediaSwitch api={wikipediaSwitch} />
      </footer>
    </>,
    document.getElementById('app')!,
  );
  requestAnimationFrame(() => mark('kontext:painted'));
});
