import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n.ts';
import type { PopupTab } from './popup-tab.ts';

export { type PopupTab, tabFromHash } from './popup-tab.ts';

const TABS: readonly PopupTab[] = ['article', 'saved'];

export function PopupShell({
  initialTab,
  article,
  saved,
  t,
}: {
  initialTab: PopupTab;
  article: () => ComponentChildren;
  saved: () => ComponentChildren;
  t: Translate;
}) {
  const [tab, setTab] = useState<PopupTab>(initialTab);
  useEffect(() => {
    history.replaceState(null, '', tab === 'saved' ? '#saved' : location.pathname + location.search);
  }, [tab]);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next =
      TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('appName')}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={onKeyDown}
          >
            {t(name === 'article' ? 'tabArticle' : 'tabSaved')}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'article' ? article() : saved()}
      </div>
    </>
  );
}
