import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n.ts';

export type PopupTab = 'article' | 'saved';

const TABS: readonly PopupTab[] = ['article', 'saved'];

/** `popup.html#saved` opens on the saved list; the hash follows the tab so a reload keeps it. */
export function tabFromHash(hash: string): PopupTab {
  return hash === '#saved' ? 'saved' : 'article';
}

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
