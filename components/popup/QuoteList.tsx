import type { Quote } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';

/**
 * Quotes, speech first. `showSpeakers` is false where the page's language has no speaker support:
 * then every speaker would read "unknown", which says nothing the language notice has not said. A
 * quote whose attribution was too unsure to name anyone says "speaker unclear" (issue 15).
 */
export function QuoteList({
  quotes,
  showSpeakers,
  t,
}: {
  quotes: Quote[];
  showSpeakers: boolean;
  t: Translate;
}) {
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
          {showSpeakers && (
            <span class="speaker" data-unclear={quote.speakerUnclear ? 'true' : undefined}>
              {' — '}
              {quote.speaker ?? t(quote.speakerUnclear ? 'speakerUnclear' : 'unknownSpeaker')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
