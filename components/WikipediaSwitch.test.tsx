// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WikipediaSwitch, type WikipediaSwitchApi } from './WikipediaSwitch.tsx';

function fakeApi(on: boolean, grant = true) {
  return {
    load: vi.fn(async () => on),
    enable: vi.fn(async () => grant),
    disable: vi.fn(async () => undefined),
  } satisfies WikipediaSwitchApi;
}

async function mount(api: WikipediaSwitchApi, lang: 'en' | 'de' = 'en') {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<WikipediaSwitch api={api} lang={lang} />, root));
  await act(async () => {});
  return root.querySelector<HTMLInputElement>('[data-testid="wikipedia-toggle"]')!;
}

afterEach(() => document.body.replaceChildren());

describe('the Wikipedia switch', () => {
  it('is off by default and says what switching it on sends', async () => {
    const toggle = await mount(fakeApi(false));
    expect(toggle.checked).toBe(false);
    expect(document.body.textContent).toContain('sends that name and the article’s language to Wikipedia');
  });

  it('asks for the permission from the click itself, and shows the outcome', async () => {
    const api = fakeApi(false);
    const toggle = await mount(api);
    await act(async () => toggle.click());
    expect(api.enable).toHaveBeenCalledTimes(1);
    expect(toggle.checked).toBe(true);
  });

  it('stays off and says so when the browser refuses the permission', async () => {
    const toggle = await mount(fakeApi(false, false), 'de');
    await act(async () => toggle.click());
    expect(toggle.checked).toBe(false);
    expect(document.body.textContent).toContain('nicht erlaubt');
  });

  it('turning it off gives the permission back', async () => {
    const api = fakeApi(true);
    const toggle = await mount(api);
    expect(toggle.checked).toBe(true);
    await act(async () => toggle.click());
    expect(api.disable).toHaveBeenCalledTimes(1);
    expect(toggle.checked).toBe(false);
  });
});
