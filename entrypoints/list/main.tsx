import { render } from 'preact';
import { uiLanguage } from '@/components/i18n.ts';
import { createSavedTranslator, describeFailure } from '@/components/saved/i18n.ts';
import { LibraryTransfer } from '@/components/saved/LibraryTransfer.tsx';
import { SavedList } from '@/components/saved/SavedList.tsx';
import { WikipediaSwitch } from '@/components/WikipediaSwitch.tsx';
import { openLibrary } from '@/lib/storage/library.ts';
import '@/components/theme.css';
import { browserWikipediaSwitch } from '@/utils/wikipedia-switch-api.ts';
import '@/components/saved/saved.css';

const lang = uiLanguage();
const t = createSavedTranslator(lang);
document.documentElement.lang = lang;
document.title = `${t('listTitle')} – Kontext`;
const root = document.getElementById('app')!;
// `list.html?entity=NAME` opens filtered by a name (a hover card's "Show in your saved list").
const entity = new URLSearchParams(location.search).get('entity')?.slice(0, 200) || undefined;

// A hover card's switch opens `list.html#wikipedia`: the permission can be asked only from a click here.
const wikipediaSwitch = <WikipediaSwitch api={browserWikipediaSwitch()} lang={lang} />;
const showSwitch = () => {
  if (location.hash !== '#wikipedia') return;
  const section = document.getElementById('wikipedia');
  section?.scrollIntoView({ block: 'center' });
  section?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
};

openLibrary()
  .then((library) =>
    render(
      <main class="list-page">
        <header>
          <h1>{t('listTitle')}</h1>
        </header>
        <SavedList
          library={library}
          readerHref={(id) => `/reader.html?id=${encodeURIComponent(id)}`}
          lang={lang}
          t={t}
          initialFilters={entity ? { entity } : undefined}
        />
        <LibraryTransfer library={library} t={t} />
        {wikipediaSwitch}
      </main>,
      root,
    ),
  )
  .catch((error: unknown) =>
    render(
      <main class="list-page">
        <h1>{t('listTitle')}</h1>
        <p class="error" role="alert">
          {describeFailure(error, t)}
        </p>
        {wikipediaSwitch}
      </main>,
      root,
    ),
  )
  .finally(showSwitch);
