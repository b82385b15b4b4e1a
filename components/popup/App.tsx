import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackgroundResponses, TabAnalysisResponse, TabFailure } from '../../lib/messaging.ts';
import { createTranslator, type MessageKey, type Translate, type UiLanguage, uiLanguage } from '../i18n.ts';
import { AnalysisView } from './AnalysisView.tsx';
import type { PopupApi } from './api.ts';
import { mark } from './marks.ts';

const FAILURE_MESSAGES: Record<TabFailure, MessageKey> = {
  restricted: 'failureRestricted',
  'no-tab': 'failureNoTab',
  timeout: 'failureTimeout',
  error: 'failureError',
};

/** The popup never spins forever: after this the reader gets a message and a retry button. */
const POPUP_TIMEOUT_MS = 30_000;

type State = { phase: 'loading' } | { phase: 'done'; response: TabAnalysisResponse };
type RelatedAnswer = BackgroundResponses['kontext:related-links'];
const NO_RELATED: RelatedAnswer = { related: [], timings: {} };

export interface AppProps {
  api: PopupApi;
  /** null when there is no tab to analyse (for example the popup opened without one). */
  tabId: number | null;
  /** The UI's language; the browser's by default. `t` should speak it. */
  lang?: UiLanguage;
  t?: Translate;
  /**
   * The answer to the first, unforced analyze-tab request, already asked for before the popup rendered
   * (main.tsx asks as soon as it knows the tab, so the background works while the popup paints).
   */
  firstAnswer?: Promise<TabAnalysisResponse>;
  /** The tab's title, shown above the spinner until the analysis (with the article's title) comes. */
  pageTitle?: Promise<string | undefined>;
}

export function App({
  api,
  tabId,
  lang = uiLanguage(),
  t = createTranslator(lang),
  firstAnswer,
  pageTitle,
}: AppProps) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [title, setTitle] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void pageTitle?.then((text) => {
      if (current) setTitle(text);
    });
    return () => {
      current = false;
    };
  }, [pageTitle]);
  /** The page's related links, when the analysis came before them (`relatedPending`); null until then. */
  const [related, setRelated] = useState<RelatedAnswer | null>(null);
  /** Every section is filled (related reading included): `kontext:complete`, and the view is no longer busy. */
  const [filled, setFilled] = useState(false);
  const early = useRef(firstAnswer);

  const load = useCallback(
    (force: boolean) => {
      if (tabId === null) {
        setState({ phase: 'done', response: { ok: false, failure: 'no-tab', detail: 'No tab.' } });
        return () => undefined;
      }
      let settled = false;
      let current = true;
      setState({ phase: 'loading' });
      setRelated(null);
      setFilled(false);
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        setState({
          phase: 'done',
          response: { ok: false, failure: 'timeout', detail: 'The popup timed out.' },
        });
      }, POPUP_TIMEOUT_MS);
      const pending = !force && early.current ? early.current : api.analyzeTab(tabId, force);
      early.current = undefined;
      pending
        .catch(
          (error: unknown): TabAnalysisResponse => ({ ok: false, failure: 'error', detail: String(error) }),
        )
        .then((response) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          mark('kontext:response');
          setState({ phase: 'done', response });
          // Names, quotes and summary show now; the related links follow when the page has found them.
          if (!response.ok || !response.relatedPending) return;
          api
            .relatedLinks(tabId)
            .catch(() => NO_RELATED)
            .then((answer) => {
              if (current) setRelated(answer);
            });
        });
      return () => {
        settled = true;
        current = false;
        clearTimeout(timer);
      };
    },
    [api, tabId],
  );

  useEffect(() => load(false), [load]);
  // After the first results are on screen (effects run after paint): `npm run bench popup` reads this mark.
  useEffect(() => {
    if (state.phase !== 'done') return;
    const { response } = state;
    mark(
      'kontext:results',
      response.ok
        ? { steps: response.steps, timings: response.analysis.timings, cached: response.cached }
        : undefined,
    );
    // Nothing more comes for a failure or a page without an article.
    if (!response.ok || response.analysis.status !== 'ok') setFilled(true);
  }, [state]);
  useEffect(() => {
    if (filled) mark('kontext:complete', { timings: related?.timings ?? {} });
  }, [filled, related]);
  const onFilled = useCallback(() => setFilled(true), []);

  const response = state.phase === 'done' ? state.response : null;
  const analysis = useMemo(() => {
    if (!response?.ok) return null;
    return related ? { ...response.analysis, related: related.related } : response.analysis;
  }, [response, related]);

  if (response === null) {
    return (
      <>
        {title && <h1 class="title">{title}</h1>}
        <p class="loading" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true" /> {t('analysing')}
        </p>
      </>
    );
  }
  if (!response.ok) {
    return (
      <div class="status" role="alert">
        <p data-testid="status">{t(FAILURE_MESSAGES[response.failure])}</p>
        {response.failure === 'error' && <p class="detail">{response.detail}</p>}
        {response.failure !== 'restricted' && response.failure !== 'no-tab' && (
          <button type="button" onClick={() => load(true)}>
            {t('retry')}
          </button>
        )}
      </div>
    );
  }
  if (response.analysis.status !== 'ok') {
    return (
      <div class="status" role="alert">
        <h1 class="title">{response.analysis.title}</h1>
        {/* analysis.message is English, for logs and the CLI: the UI words the status itself. */}
        <p data-testid="status">
          {t(response.analysis.status === 'too-large' ? 'statusTooLarge' : 'statusNoArticle')}
        </p>
      </div>
    );
  }
  return (
    <AnalysisView
      api={api}
      tabId={tabId!}
      analysis={analysis ?? response.analysis}
      kinds={response.highlightKinds}
      relatedPending={response.relatedPending === true && related === null}
      onFilled={onFilled}
      t={t}
      lang={lang}
    />
  );
}
