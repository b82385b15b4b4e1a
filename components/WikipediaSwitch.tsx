/**
 * "Show Wikipedia summaries in cards": the switch in the popup and on the saved-list page, with what
 * switching it on sends. Its own strings (English and German), so it stays one small component.
 */
import { useEffect, useState } from 'preact/hooks';
import { type UiLanguage, uiLanguage } from './i18n.ts';
import './wikipedia-switch.css';

export interface WikipediaSwitchApi {
  /** Whether summaries are on now. */
  load(): Promise<boolean>;
  /** Must be called synchronously from the click (it asks for the host permission). Resolves to the new state. */
  enable(): Promise<boolean>;
  disable(): Promise<void>;
}

const STRINGS = {
  en: {
    label: 'Show Wikipedia summaries in cards',
    explain:
      'Off by default. When on, opening a name’s card sends that name and the article’s language to Wikipedia (de.wikipedia.org or en.wikipedia.org), and the card may load the page’s image from upload.wikimedia.org. Nothing else is sent, and nothing while the switch is off. Turning it off gives the permission back.',
    denied: 'The browser did not grant access to Wikipedia, so summaries stay off.',
  },
  de: {
    label: 'Wikipedia-Zusammenfassungen in Karten zeigen',
    explain:
      'Standardmäßig aus. Eingeschaltet sendet das Öffnen der Karte eines Namens diesen Namen und die Sprache des Artikels an Wikipedia (de.wikipedia.org oder en.wikipedia.org), und die Karte kann das Bild der Seite von upload.wikimedia.org laden. Sonst wird nichts gesendet, und bei ausgeschaltetem Schalter gar nichts. Ausschalten gibt die Berechtigung zurück.',
    denied: 'Der Browser hat den Zugriff auf Wikipedia nicht erlaubt; die Zusammenfassungen bleiben aus.',
  },
} as const;

export function WikipediaSwitch({
  api,
  lang = uiLanguage(),
}: {
  api: WikipediaSwitchApi;
  lang?: UiLanguage;
}) {
  const t = STRINGS[lang];
  const [on, setOn] = useState<boolean | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    api
      .load()
      .then(setOn)
      .catch(() => setOn(false));
  }, [api]);

  const change = (wanted: boolean) => {
    setDenied(false);
    if (wanted) {
      // No await before enable(): the permission request must stay inside the click's user gesture.
      api
        .enable()
        .then((granted) => {
          setOn(granted);
          setDenied(!granted);
        })
        .catch(() => setOn(false));
    } else {
      setOn(false);
      void api.disable();
    }
  };

  return (
    <section class="wikipedia-switch" id="wikipedia" aria-describedby="wikipedia-switch-explain">
      <label>
        <input
          type="checkbox"
          role="switch"
          aria-checked={on === true}
          data-testid="wikipedia-toggle"
          checked={on === true}
          disabled={on === null}
          onChange={(event) => change(event.currentTarget.checked)}
        />{' '}
        {t.label}
      </label>
      <p id="wikipedia-switch-explain" class="hint">
        {t.explain}
      </p>
      {denied && (
        <p class="hint" role="status">
          {t.denied}
        </p>
      )}
    </section>
  );
}
