/**
 * The card's answer to "who is this?": Wikipedia's description, first sentences and thumbnail when the
 * reader switched summaries on and the page is clearly this entity; a list of pages when several carry
 * the name; nothing when offline or on errors. All text is rendered as text (Preact escapes it); the
 * image only from Wikimedia's upload host (checked again here), without a referrer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntityCardModel } from '../../lib/highlight/card-model.ts';
import type { CardWikipediaAnswer } from '../../lib/messaging.ts';
import { firstSentences, imageFilePage, uploadImageUrl } from '../../lib/wikipedia/api.ts';
import { cardServices } from './card-services.ts';
import type { CardStrings } from './i18n.ts';

export function WikipediaSection({ model, strings }: { model: EntityCardModel; strings: CardStrings }) {
  const services = cardServices();
  const [answer, setAnswer] = useState<CardWikipediaAnswer | null>(null);
  const [imageFailed, setImageFailed] = useState(false);

  useEffect(() => {
    if (!services) return;
    let current = true;
    setAnswer(null);
    setImageFailed(false);
    services
      .wikipedia({ name: model.name, kind: model.kind, lang: model.lang, context: model.context })
      .then((result) => current && setAnswer(result))
      .catch(() => current && setAnswer({ state: 'none' }));
    return () => {
      current = false;
    };
  }, [services, model.entityId, model.name, model.kind, model.lang, model.context]);

  if (!services || !answer) return null;

  const on = answer.state !== 'off';
  const toggle = (
    <p class="wiki-switch">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        onClick={() => {
          if (on) {
            setAnswer({ state: 'off' });
            void services.turnWikipediaOff();
          } else services.openWikipediaSwitch();
        }}
      >
        <span class="track" aria-hidden="true" />
        {strings.wikipediaSwitch}
      </button>
      {!on && <span class="hint">{strings.wikipediaSwitchHint}</span>}
    </p>
  );

  if (answer.state === 'summary') {
    const { summary } = answer;
    const image = summary.thumbnail ? uploadImageUrl(summary.thumbnail.source) : null;
    const filePage = image ? imageFilePage(image) : null;
    return (
      // "wiki" puts the section in the card's diagnostic text (mount.ts text()), which e2e tests read.
      <section class="wiki wiki-card" data-testid="card-wikipedia" lang={summary.lang}>
        <h3>Wikipedia</h3>
        <div class="wiki-body">
          {image && !imageFailed && (
            <img
              src={image}
              alt=""
              width={64}
              referrerpolicy="no-referrer"
              onError={() => setImageFailed(true)}
            />
          )}
          <div>
            {summary.description && <p class="wiki-description">{summary.description}</p>}
            <p class="wiki-extract">{firstSentences(summary.extract)}</p>
          </div>
        </div>
        <p class="wiki-credit">
          <a href={summary.url} target="_blank" rel="noopener noreferrer">
            {strings.wikipediaRead}
          </a>{' '}
          · {strings.wikipediaTextLicence}
          {filePage && !imageFailed && (
            <>
              {' · '}
              <a href={filePage.url} target="_blank" rel="noopener noreferrer">
                {strings.wikipediaImage(filePage.file)}
              </a>
            </>
          )}
        </p>
        {toggle}
      </section>
    );
  }

  return (
    <section class="wiki wiki-card" data-testid="card-wikipedia">
      {answer.state === 'several' && answer.links.length > 0 && (
        <>
          <h3>{strings.wikipediaSeveral(model.kind, model.name)}</h3>
          <ul class="wiki-links">
            {answer.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {toggle}
    </section>
  );
}
