import { render } from 'preact';
import { uiLanguage } from '@/components/i18n.ts';
import { createSavedTranslator, describeFailure } from '@/components/saved/i18n.ts';
import { Reader } from '@/components/saved/Reader.tsx';
import { openLibrary } from '@/lib/storage/library.ts';
import '@/components/theme.css';
import { provideBrowserCardServices } from '@/utils/card-services.ts';
import { browserReaderSettings } from '@/utils/storage-items.ts';
import '@/components/saved/saved.css';

const lang = uiLanguage();
const t = createSavedTranslator(lang);
document.documentElement.lang = lang;
document.title = t('readerTitle');
const root = document.getElementById('app')!;
const id = new URLSearchParams(location.search).get('id');
// The reader's cards ask the background like a page's cards do; "In N of your saved articles" leaves out
// the article being read, known by its saved address once the library answers.
let readingUrl = '';
provideBrowserCardServices(() => readingUrl);

// The settings an older version kept in this page's localStorage move to extension storage once.
const settings = browserReaderSettings();

openLibrary()
  .then((library) => {
    if (id)
      void library.get(id).then((article) => {
        readingUrl = article?.url ?? '';
      });
    return library;
  })
  .then(async (library) =>
    render(
      <Reader library={library} id={id} listHref="/list.html" lang={lang} t={t} settings={await settings} />,
      root,
    ),
  )
  .catch((error: unknown) =>
    render(
      <main class="reader-page">
        <h1>{t('readerTitle')}</h1>
        <p class="error" role="alert">
          {describeFailure(error, t)}
        </p>
      </main>,
      root,
    ),
  );
