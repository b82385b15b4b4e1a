// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n.ts';
import { PopupShell, tabFromHash } from './PopupShell.tsx';

describe('popup tabs', () => {
  it('opens on the saved list for #saved', () => {
    expect(tabFromHash('#saved')).toBe('saved');
    expect(tabFromHash('')).toBe('article');
  });

  it('switches tabs by click and arrow keys, keeping the hash in step', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <PopupShell
          initialTab="article"
          article={() => <p>article panel</p>}
          saved={() => <p>saved panel</p>}
          t={createTranslator('en')}
        />,
        root,
      );
    });
    expect(root.querySelector('[role="tabpanel"]')?.textContent).toBe('article panel');
    const savedTab = root.querySelector<HTMLButtonElement>('#tab-saved')!;
    await act(async () => savedTab.click());
    expect(root.querySelector('[role="tabpanel"]')?.textContent).toBe('saved panel');
    expect(location.hash).toBe('#saved');
    await act(async () => {
      savedTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(root.querySelector('[role="tabpanel"]')?.textContent).toBe('article panel');
    expect(root.querySelector('#tab-article')?.getAttribute('aria-selected')).toBe('true');
    render(null, root);
  });
});
