import { useEffect, useState } from 'preact/hooks';
import type { Analysis } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';
import type { PopupApi } from './api.ts';

type SaveState =
  | { phase: 'checking' }
  | { phase: 'unsaved' }
  | { phase: 'busy' }
  | { phase: 'saved'; id: string }
  | { phase: 'failed'; reason: string };

export function SaveButton({ api, analysis, t }: { api: PopupApi; analysis: Analysis; t: Translate }) {
  const [state, setState] = useState<SaveState>({ phase: 'checking' });

  useEffect(() => {
    api
      .findSaved(analysis.url)
      .then((found) => setState(found ? { phase: 'saved', id: found.id } : { phase: 'unsaved' }))
      .catch(() => setState({ phase: 'unsaved' }));
  }, [api, analysis.url]);

  const toggle = async () => {
    const previous = state;
    setState({ phase: 'busy' });
    try {
      if (previous.phase === 'saved') {
        await api.unsave(previous.id);
        setState({ phase: 'unsaved' });
      } else {
        const saved = await api.save(analysis);
        setState({ phase: 'saved', id: saved.id });
      }
    } catch (error) {
      setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const saved = state.phase === 'saved';
  return (
    <div class="save">
      <button
        type="button"
        data-testid="save"
        aria-pressed={saved}
        disabled={state.phase === 'checking' || state.phase === 'busy'}
        onClick={toggle}
      >
        {state.phase === 'busy' ? t('saving') : saved ? t('saved') : t('save')}
      </button>
      {state.phase === 'failed' && (
        <p class="error" role="alert">
          {t('saveFailed', { reason: state.reason })}
        </p>
      )}
    </div>
  );
}
