import { useCallback, useState } from 'preact/hooks';
import { MAX_PAINTED_SPANS, paintableCount } from '../../lib/highlight/cap.ts';
import { type Analysis, HIGHLIGHT_KINDS, type HighlightKind } from '../../lib/types.ts';
import { languageName, type Translate, type UiLanguage, uiLanguage } from '../i18n.ts';
import {
  ON_DEVICE_SUMMARY_LABELS_DE,
  ON_DEVICE_SUMMARY_LABELS_EN,
  OnDeviceSummary,
} from '../OnDeviceSummary.tsx';
import type { PopupApi } from './api.ts';
import { EntityList } from './EntityList.tsx';
import { HighlightToggles } from './HighlightToggles.tsx';
import { LanguageNotice } from './LanguageNotice.tsx';
import { QuoteList } from './QuoteList.tsx';
import { RelatedSection } from './RelatedSection.tsx';
import { SaveButton } from './SaveButton.tsx';

export interface AnalysisViewProps {
  api: PopupApi;
  tabId: number;
  analysis: Analysis;
  kinds: HighlightKind[];
  t: Translate;
  /** The UI's language (for language names); the browser's by default. */
  lang?: UiLanguage;
  /** The page's related links are still coming (`analysis.related` is empty until then). */
  relatedPending?: boolean;
  /** Called once every section is filled (the related reading last). */
  onFilled?: () => void;
}

/**
 * The analysis of one page. A section with nothing in it (no summary, names, quotes or related
 * reading) is left out rather than shown as a bare heading; where the page's language limits what
 * Kontext can find, a notice says so.
 */
export function AnalysisView({
  api,
  tabId,
  analysis,
  kinds: initialKinds,
  t,
  lang = uiLanguage(),
  relatedPending = false,
  onFilled,
}: AnalysisViewProps) {
  const [kinds, setKinds] = useState<HighlightKind[]>(initialKinds);
  const [filled, setFilled] = useState(false);
  const filledNow = useCallback(() => {
    setFilled(true);
    onFilled?.();
  }, [onFilled]);
  const changeKinds = (next: HighlightKind[]) => {
    setKinds(next);
    void api.setHighlightKinds(tabId, next);
  };
  const present = HIGHLIGHT_KINDS.filter(
    (kind) => analysis.entities.some((e) => e.kind === kind) || analysis.quotes.some((q) => q.kind === kind),
  );
  const facts = [
    analysis.siteName,
    analysis.byline,
    analysis.readingMinutes ? t('minutes', { n: analysis.readingMinutes }) : null,
    languageName(analysis.lang, lang),
  ].filter(Boolean);
  const paintable = paintableCount(analysis);
  const number = (n: number) => new Intl.NumberFormat(uiLanguage()).format(n);

  return (
    <article
      class="analysis"
      data-testid="analysis"
      lang={analysis.lang === 'und' ? undefined : analysis.lang}
      aria-busy={filled ? undefined : 'true'}
    >
      <header class="head">
        <h1 class="title" data-testid="title">
          {analysis.title}
        </h1>
        <p class="facts" lang={lang}>
          {facts.join(' · ')}
        </p>
        {analysis.truncated && (
          <p class="facts" lang={uiLanguage()} data-testid="truncated">
            {t('readPrefix', { n: number(analysis.wordCount) })}
          </p>
        )}
        {paintable > MAX_PAINTED_SPANS && (
          <p class="facts" lang={uiLanguage()} data-testid="paint-capped">
            {t('paintCapped', { n: number(MAX_PAINTED_SPANS), total: number(paintable) })}
          </p>
        )}
        <SaveButton api={api} analysis={analysis} t={t} />
      </header>

      <LanguageNotice analysis={analysis} lang={lang} t={t} />

      {analysis.summary.length > 0 && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('summary')}</h2>
          <ol class="summary" data-testid="summary">
            {analysis.summary.map((sentence) => (
              <li key={sentence.start}>{sentence.text}</li>
            ))}
          </ol>
          {/* Chrome's on-device summariser as a second opinion; renders nothing where the browser lacks it. */}
          <OnDeviceSummary
            text={analysis.text}
            lang={analysis.lang}
            labels={lang === 'de' ? ON_DEVICE_SUMMARY_LABELS_DE : ON_DEVICE_SUMMARY_LABELS_EN}
          />
        </section>
      )}

      {analysis.entities.length > 0 && (
        <section aria-labelledby="entities-heading">
          <h2 id="entities-heading">{t('entities')}</h2>
          <EntityList entities={analysis.entities} t={t} />
        </section>
      )}

      {analysis.quotes.length > 0 && (
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">{t('quotes')}</h2>
          <QuoteList quotes={analysis.quotes} showSpeakers={analysis.support.speakers !== 'none'} t={t} />
        </section>
      )}

      {present.length > 0 && (
        <HighlightToggles kinds={kinds} present={present} onChange={changeKinds} t={t} />
      )}

      <RelatedSection api={api} analysis={analysis} pending={relatedPending} onFilled={filledNow} t={t} />
    </article>
  );
}
