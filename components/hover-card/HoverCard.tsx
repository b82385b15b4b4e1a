/**
 * The hover card's content. Every page-derived string is rendered as text by Preact, never as HTML.
 */
import type { EntityCardModel } from '../../lib/highlight/card-model.ts';
import type { CardStrings } from './i18n.ts';
import { SavedMentionsSection } from './SavedMentionsSection.tsx';
import { WikipediaSection } from './WikipediaSection.tsx';

export interface HoverCardProps {
  model: EntityCardModel;
  strings: CardStrings;
  onNextMention: () => void;
  onClose: () => void;
}

export function HoverCard({ model, strings, onNextMention, onClose }: HoverCardProps) {
  const titleId = 'kontext-card-title';
  return (
    <div class="body">
      <header>
        <h2 id={titleId}>{model.name}</h2>
        <span class={`kind ${model.kind}`}>{strings.kinds[model.kind]}</span>
        <button
          type="button"
          class="close"
          aria-label={strings.close}
          title={strings.close}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p class="count">
        <span>{strings.mentions(model.count)}</span>
        {model.count > 1 && (
          <button type="button" class="next" onClick={onNextMention}>
            {strings.nextMention}
            {model.mentionNumber > 0 && <span> ({strings.mentionOf(model.mentionNumber, model.count)})</span>}
          </button>
        )}
      </p>
      {model.firstSentence && (
        <section>
          <h3>{strings.firstMention}</h3>
          <p class="first">{model.firstSentence}</p>
        </section>
      )}
      {model.quotes.length > 0 && (
        <section>
          <h3>{strings.quotes}</h3>
          <ul class="quotes">
            {model.quotes.map((quote) => (
              <li key={quote.text} class={quote.kind}>
                <blockquote>{strings.quoted(quote.text)}</blockquote>
                {quote.speakerUnclear && <p class="unclear">{strings.speakerUnclear}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.related.length > 0 && (
        <section>
          <h3>{strings.appearsWith}</h3>
          <ul class="related">
            {model.related.map((entity) => (
              <li key={entity.id} title={strings.kinds[entity.kind]}>
                {entity.name}
              </li>
            ))}
          </ul>
        </section>
      )}
      <SavedMentionsSection name={model.name} strings={strings} />
      <WikipediaSection model={model} strings={strings} />
      <a class="wiki" href={model.wikipediaUrl} target="_blank" rel="noopener noreferrer">
        {strings.wikipedia}
      </a>
    </div>
  );
}
