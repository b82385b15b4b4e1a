import { HIGHLIGHT_KINDS, type HighlightKind } from '../../lib/messaging.ts';
import type { Translate } from '../i18n.ts';

export function HighlightToggles({
  kinds,
  onChange,
  t,
}: {
  kinds: HighlightKind[];
  onChange: (kinds: HighlightKind[]) => void;
  t: Translate;
}) {
  const allOn = kinds.length === HIGHLIGHT_KINDS.length;
  return (
    <fieldset class="toggles">
      <legend>
        <label>
          <input
            type="checkbox"
            checked={kinds.length > 0}
            ref={(el) => {
              if (el) el.indeterminate = kinds.length > 0 && !allOn;
            }}
            onChange={(event) => onChange(event.currentTarget.checked ? [...HIGHLIGHT_KINDS] : [])}
          />{' '}
          {t('highlights')}
        </label>
      </legend>
      {HIGHLIGHT_KINDS.map((kind) => (
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
  );
}
