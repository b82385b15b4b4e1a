import { useState } from 'preact/hooks';
import type { HighlightKind } from '../../lib/messaging.ts';
import type { Analysis, EntityKind } from '../../lib/types.ts';
import { languageName, type Translate, uiLanguage } from '../i18n.ts';
import {
  ON_DEVICE_SUMMARY_LABELS_DE,
  ON_DEVICE_SUMMARY_LABELS_EN,
  OnDeviceSummary,
} from '../OnDeviceSummary.tsx';
import type { PopupApi } from './api.ts';
import { EntityList } from './EntityList.tsx';
import { HighlightToggles } from './HighlightToggles.tsx';
import { QuoteList } from './QuoteList.tsx';
import { RelatedList, SavedRelatedList } from './RelatedList.tsx';
import { SaveButton } from './SaveButton.tsx';

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organization'];

export interface AnalysisViewProps {
  api: PopupApi;
  tabId: number;
  analysis: Analysis;
  kinds: HighlightKind[];
  t: Translate;
}

export function AnalysisView({ api, tabId, analysis, kinds: initialKinds, t }: AnalysisViewProps) {
  const [kinds, setKinds] = useState<HighlightKind[]>(initialKinds);
  const changeKinds = (next: HighlightKind[]) => {
    setKinds(next);
    void api.setHighlightKinds(tabId, next);
  };
  const facts = [
    analysis.siteName,
    analysis.byline,
    analysis.readingMinutes ? t('minutes', { n: analysis.readingMinutes }) : null,
    languageName(analysis.lang, uiLanguage()),
  ].filter(Boolean);

  return (
    <article class="analysis" lang={analysis.lang === 'und' ? undefined : analysis.lang}>
      <header class="head">
        <h1 class="title" data-testid="title">
          {analysis.title}
        </h1>
        <p class="facts" lang={uiLanguage()}>
          {facts.join(' · ')}
        </p>
        {analysis.truncated && (
          <p class="facts" lang={uiLanguage()} data-testid="truncated">
            {t('readPrefix', { n: new Intl.NumberFormat(uiLanguage()).format(analysis.wordCount) })}
          </p>
        )}
        <SaveButton api={api} analysis={analysis} t={t} />
      </header>

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
          labels={uiLanguage() === 'de' ? ON_DEVICE_SUMMARY_LABELS_DE : ON_DEVICE_SUMMARY_LABELS_EN}
        />
      </section>

      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading">{t('entities')}</h2>
        <HighlightToggles kinds={kinds} onChange={changeKinds} t={t} />
        <EntityList entities={analysis.entities} t={t} />
      </section>

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">{t('quotes')}</h2>
        <QuoteList quotes={analysis.quotes} t={t} />
      </section>

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">{t('related')}</h2>
        <RelatedList links={analysis.related} t={t} />
        <SavedRelatedList api={api} analysis={analysis} t={t} />
      </section>
    </article>
  );
}
