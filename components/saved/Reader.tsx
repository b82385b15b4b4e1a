/**
 * The reader page: a saved article, offline, from its sanitised HTML (sanitised AGAIN here, and inserted
 * as a DOM fragment, never as an HTML string), with clean typography, a text-size control, dark mode
 * from the system, and the same highlights and hover cards as on the live page (lib/highlight).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createReadingAids } from '../../lib/highlight/reading-aids.ts';
import { analysisOfSaved } from '../../lib/storage/as-analysis.ts';
import type { Library } from '../../lib/storage/library.ts';
import { isStorableUrl } from '../../lib/storage/record-rules.ts';
import {
  BLOCKED_IMAGE_ATTR,
  type RemoteMediaOptions,
  sanitizedFragment,
} from '../../lib/storage/sanitize.ts';
import type { SavedArticle } from '../../lib/storage/types.ts';
import { siteNameOf } from '../../lib/url.ts';
import { createHoverCard } from '../hover-card/mount.ts';
import { type UiLanguage, uiLanguage } from '../i18n.ts';
import { createSavedTranslator, describeFailure, type SavedTranslate } from './i18n.ts';

export const FONT_SCALES = [0.85, 1, 1.15, 1.3, 1.5, 1.75] as const;

/** What the reader remembers between opens (the extension keeps it in storage: utils/storage-items.ts). */
export interface ReaderSettings {
  /** Index into FONT_SCALES; out of range reads as the default. */
  scaleIndex: number;
  /** Load remote images whenever an article opens (off by default). */
  remoteImages: boolean;
}

export interface ReaderSettingsStore {
  /** The settings as the page opens. */
  initial: ReaderSettings;
  save(settings: ReaderSettings): void;
}

const DEFAULT_SCALE_INDEX = 1;

/** Settings that last as long as the store object (tests, and a reader without extension storage). */
export function memoryReaderSettings(
  initial: ReaderSettings = { scaleIndex: DEFAULT_SCALE_INDEX, remoteImages: false },
): ReaderSettingsStore {
  const store: ReaderSettingsStore = {
    initial,
    save(settings) {
      store.initial = settings;
    },
  };
  return store;
}

const validScaleIndex = (index: number) =>
  Number.isInteger(index) && index >= 0 && index < FONT_SCALES.length ? index : DEFAULT_SCALE_INDEX;

type State =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; article: SavedArticle };

export interface ReaderProps {
  library: Library;
  id: string | null;
  listHref: string;
  lang?: UiLanguage;
  t?: SavedTranslate;
  settings?: ReaderSettingsStore;
}

export function Reader({
  library,
  id,
  listHref,
  lang = uiLanguage(),
  t: given,
  settings = memoryReaderSettings(),
}: ReaderProps) {
  const t = useMemo(() => given ?? createSavedTranslator(lang), [given, lang]);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [scaleIndex, setScaleIndex] = useState(() => validScaleIndex(settings.initial.scaleIndex));
  /** Remote images load for this open (the button) or always (the remembered checkbox). */
  const [always, setAlways] = useState(settings.initial.remoteImages === true);
  const [loadImages, setLoadImages] = useState(always);
  const [blockedImages, setBlockedImages] = useState(0);

  useEffect(() => {
    if (!id) {
      setState({ phase: 'failed', message: t('missingId') });
      return;
    }
    library
      .get(id)
      .then((article) =>
        setState(article ? { phase: 'ready', article } : { phase: 'failed', message: t('notFound') }),
      )
      .catch((error: unknown) => setState({ phase: 'failed', message: describeFailure(error, t) }));
  }, [library, id, t]);

  useEffect(() => {
    document.title = state.phase === 'ready' ? state.article.title : t('readerTitle');
  }, [state, t]);

  const changeAlways = (next: boolean) => {
    setAlways(next);
    setLoadImages(next);
    settings.save({ scaleIndex, remoteImages: next });
  };

  const changeScale = (step: 1 | -1) => {
    const next = Math.min(FONT_SCALES.length - 1, Math.max(0, scaleIndex + step));
    setScaleIndex(next);
    settings.save({ scaleIndex: next, remoteImages: always });
  };

  if (state.phase === 'loading') {
    return (
      <main class="reader-page">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  if (state.phase === 'failed') {
    return (
      <main class="reader-page">
        <h1>{t('readerTitle')}</h1>
        <p class="error" role="alert" data-testid="reader-error">
          {state.message}
        </p>
        <p>
          <a href={listHref}>{t('backToList')}</a>
        </p>
      </main>
    );
  }

  const { article } = state;
  const articleLang = article.lang !== 'und' ? article.lang : undefined;
  return (
    <>
      <header class="reader-page reader-toolbar">
        <a href={listHref} data-testid="back-to-list">
          ← {t('backToList')}
        </a>
        <fieldset class="font-size">
          <legend class="visually-hidden">{t('fontSize')}</legend>
          <button
            type="button"
            data-testid="font-smaller"
            disabled={scaleIndex === 0}
            onClick={() => changeScale(-1)}
          >
            A−<span class="visually-hidden"> {t('fontSmaller')}</span>
          </button>
          <button
            type="button"
            data-testid="font-larger"
            disabled={scaleIndex === FONT_SCALES.length - 1}
            onClick={() => changeScale(1)}
          >
            A+<span class="visually-hidden"> {t('fontLarger')}</span>
          </button>
        </fieldset>
        {(blockedImages > 0 || loadImages) && (
          <fieldset class="remote-images">
            <legend class="visually-hidden">{t('remoteImagesOff')}</legend>
            {!loadImages && (
              <button
                type="button"
                data-testid="load-images"
                title={t('remoteImagesOff')}
                onClick={() => setLoadImages(true)}
              >
                {t('loadImages', { n: blockedImages })}
              </button>
            )}
            <label>
              <input
                type="checkbox"
                data-testid="always-load-images"
                checked={always}
                onChange={(event) => changeAlways((event.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {t('alwaysLoadImages')}
            </label>
          </fieldset>
        )}
        {isStorableUrl(article.url) && (
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {t('original')} ↗
          </a>
        )}
      </header>
      <main class="reader-page" lang={articleLang}>
        <h1 data-testid="reader-title">{article.title}</h1>
        <p class="reader-byline">
          {[
            article.byline ? t('by', { name: article.byline }) : null,
            siteNameOf(article),
            t('minutes', { n: article.readingMinutes }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {article.summary.length > 0 && (
          <section class="reader-summary" aria-labelledby="reader-summary-heading" lang={lang}>
            <h2 id="reader-summary-heading">{t('summary')}</h2>
            <ul lang={articleLang}>
              {article.summary.map((s) => (
                <li key={s.start}>{s.text}</li>
              ))}
            </ul>
          </section>
        )}
        <ArticleBody
          article={article}
          scale={FONT_SCALES[scaleIndex] ?? 1}
          media={{ remoteImages: loadImages, labels: { video: t('videoLink'), audio: t('audioLink') } }}
          onBlockedImages={setBlockedImages}
        />
      </main>
    </>
  );
}

/** Global holding the reader's reading-aids snapshot function (see ArticleBody). */
export const READER_INSPECT_GLOBAL = '__kontextReaderInspect';

function ArticleBody({
  article,
  scale,
  media,
  onBlockedImages,
}: {
  article: SavedArticle;
  scale: number;
  media: RemoteMediaOptions;
  onBlockedImages: (count: number) => void;
}) {
  const container = useRef<HTMLElement>(null);
  const { remoteImages } = media;
  const { video, audio } = media.labels;
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    root.replaceChildren(
      sanitizedFragment(article.contentHtml, window, {
        baseUrl: article.url,
        media: { remoteImages, labels: { video, audio } },
      }),
    );
    onBlockedImages(root.querySelectorAll(`[${BLOCKED_IMAGE_ATTR}]`).length);
    const lifetime = new AbortController();
    const aids = createReadingAids(document, {
      signal: lifetime.signal,
      createCard: (doc) => createHoverCard(doc, { language: navigator.language }),
    });
    aids.show(analysisOfSaved(article), null);
    // An extension page runs no page scripts, so exposing the aids' snapshot here reveals nothing; the
    // end-to-end tests read the hover card's text through it (its shadow root is closed).
    const scope = globalThis as unknown as Record<string, unknown>;
    scope[READER_INSPECT_GLOBAL] = () => aids.inspect();
    return () => {
      delete scope[READER_INSPECT_GLOBAL];
      aids.clear();
      lifetime.abort();
      root.replaceChildren();
    };
  }, [article, remoteImages, video, audio, onBlockedImages]);
  return (
    <article
      ref={container}
      class="reader-article"
      data-testid="reader-content"
      style={{ '--reader-scale': String(scale) }}
    />
  );
}
