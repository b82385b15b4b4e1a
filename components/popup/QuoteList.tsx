import type { Quote } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';

export function QuoteList({ quotes, t }: { quotes: Quote[]; t: Translate }) {
  if (quotes.length === 0) return <p class="empty">{t('noQuotes')}</p>;
  // Speech first: it is what a reader scans for; phrases are context.
  const ordered = [
    ...quotes.filter((q) => q.kind === 'speech'),
    ...quotes.filter((q) => q.kind === 'phrase'),
  ];
  return (
    <ul class="quotes">
      {ordered.map((quote) => (
        <li
          key={quote.id}
          class={`quote ${quote.kind}`}
          data-testid="quote"
          data-kind={quote.kind}
          data-speaker={quote.speaker ?? ''}
        >
          <q>{quote.text}</q>
          <span class="speaker"> — {quote.speaker ?? t('unknownSpeaker')}</span>
        </li>
      ))}
    </ul>
  );
}
