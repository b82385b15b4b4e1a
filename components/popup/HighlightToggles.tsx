import { HIGHLIGHT_KINDS, type HighlightKind } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';

/**
 * The switches for what is painted in the page, as a section of its own under its own heading. One
 * switch per kind the page has (`present`); "All" switches every kind, so the choice carries over to
 * the next page.
 */
export function HighlightToggles({
  kinds,
  present,
  onChange,
  t,
}: {
  kinds: HighlightKind[];
  present: readonly HighlightKind[];
  onChange: (kinds: HighlightKind[]) => void;
  t: Translate;
}) {
  const allOn = kinds.length === HIGHLIGHT_KINDS.length;
  return (
    <section aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">{t('highlights')}</h2>
      <fieldset class="toggles" aria-labelledby="highlights-heading">
        <label class="toggle toggle-all">
          <input
            type="checkbox"
            checked={kinds.length > 0}
            ref={(el) => {
              if (el) el.indeterminate = kinds.length > 0 && !allOn;
            }}
            onChange={(event) => onChange(event.currentTarget.checked ? [...HIGHLIGHT_KINDS] : [])}
          />{' '}
          {t('highlightAll')}
        </label>
        {present.map((kind) => (
          <label key={kind} class={`toggle kind-${kind}`}>
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked
                    ? HIGHLIGHT_KINDS.filter((k) => k === kind || kinds.includes(k))
                    : kinds.filter((k) => k !== kind),
                )
              }
            />{' '}
            {t(kind)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
