import { render } from 'preact';
import { uiLanguage } from '@/components/i18n.ts';
import { createSavedTranslator, describeFailure } from '@/components/saved/i18n.ts';
import { LibraryTransfer } from '@/components/saved/LibraryTransfer.tsx';
import { SavedList } from '@/components/saved/SavedList.tsx';
import { openLibrary } from '@/lib/storage/library.ts';
import '@/components/theme.css';
import '@/components/saved/saved.css';

const lang = uiLanguage();
const t = createSavedTranslator(lang);
document.documentElement.lang = lang;
document.title = `${t('listTitle')} – Kontext`;
const root = document.getElementById('app')!;

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
        />
        <LibraryTransfer library={library} t={t} />
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
      </main>,
      root,
    ),
  );
