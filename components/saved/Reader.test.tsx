// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Library, openLibrary } from '../../lib/storage/library.ts';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { createSavedTranslator } from './i18n.ts';
import { memoryReaderSettings, Reader, type ReaderSettingsStore } from './Reader.tsx';

let library: Library;
let root: HTMLElement;
let settings: ReaderSettingsStore;

const MEDIA_HTML = [
  '<p>Before the media.</p>',
  '<img src="https://images.example/photo.jpg" alt="A photo" crossorigin="use-credentials">',
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Inline">',
  '<video src="https://media.example/clip.mp4" poster="https://media.example/poster.jpg" autoplay controls crossorigin="use-credentials"></video>',
  '<audio autoplay><source src="https://media.example/sound.mp3" type="audio/mpeg"></audio>',
  '<p>After the media.</p>',
].join('');

async function showReader(id: string) {
  await act(async () => {
    render(
      <Reader
        library={library}
        id={id}
        listHref="/list.html"
        lang="en"
        t={createSavedTranslator('en')}
        settings={settings}
      />,
      root,
    );
  });
  // The article comes from IndexedDB: let its promise and the renders settle (no timers involved).
  for (let i = 0; i < 20 && !root.querySelector('[data-testid="reader-content"] p'); i++) {
    await act(async () => {
      await library.get(id);
    });
  }
}

const content = () => root.querySelector('[data-testid="reader-content"]')!;
/** Every address in the article that the browser would fetch by itself. */
const fetched = () =>
  [...content().querySelectorAll('[src], [poster]')].flatMap((el) =>
    ['src', 'poster'].map((a) => el.getAttribute(a)).filter((v): v is string => !!v && /^https?:/.test(v)),
  );

beforeEach(async () => {
  settings = memoryReaderSettings();
  library = await openLibrary(new IDBFactory(), { broadcast: false });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  library.close();
});

describe('Reader: remote media', () => {
  it('loads nothing from the web by default, turns media into links, and loads images when asked', async () => {
    const saved = await library.save(makeSavedArticle({ contentHtml: MEDIA_HTML }));
    await showReader(saved.id);
    expect(fetched()).toEqual([]);
    expect(content().querySelector('video, audio, source, [autoplay], [crossorigin]')).toBeNull();
    const links = [...content().querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Video (opens on its site)', 'https://media.example/clip.mp4'],
      ['Audio (opens on its site)', 'https://media.example/sound.mp3'],
    ]);
    // The inline data: image is not remote and stays; the photo keeps its alt text.
    expect(content().querySelector('img[alt="Inline"]')?.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(content().querySelector('img[alt="A photo"]')?.hasAttribute('src')).toBe(false);

    const load = root.querySelector<HTMLButtonElement>('[data-testid="load-images"]')!;
    expect(load.textContent).toBe('Load images (1)');
    await act(async () => load.click());
    expect(fetched()).toEqual(['https://images.example/photo.jpg']);
    expect(content().querySelector('[crossorigin]')).toBeNull();
    // For this open only: nothing remembered.
    expect(settings.initial.remoteImages).toBe(false);
  });

  it('remembers "always load images" for the next open', async () => {
    const saved = await library.save(makeSavedArticle({ contentHtml: MEDIA_HTML }));
    await showReader(saved.id);
    const always = root.querySelector<HTMLInputElement>('[data-testid="always-load-images"]')!;
    await act(async () => always.click());
    expect(fetched()).toEqual(['https://images.example/photo.jpg']);
    render(null, root);
    await showReader(saved.id);
    expect(fetched()).toEqual(['https://images.example/photo.jpg']);
    expect(root.querySelector<HTMLInputElement>('[data-testid="always-load-images"]')?.checked).toBe(true);
  });

  it('remembers the text size for the next open', async () => {
    const saved = await library.save(makeSavedArticle({ contentHtml: MEDIA_HTML }));
    await showReader(saved.id);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="font-larger"]')!.click());
    expect(settings.initial).toEqual({ scaleIndex: 2, remoteImages: false });
    settings = memoryReaderSettings({ scaleIndex: 0, remoteImages: false });
    render(null, root);
    await showReader(saved.id);
    expect(root.querySelector<HTMLButtonElement>('[data-testid="font-smaller"]')?.disabled).toBe(true);
  });

  it('links to the original only when its address is http(s)', async () => {
    const bad = await library.save(makeSavedArticle({ url: 'javascript:alert(1)', title: 'Bad address' }));
    await showReader(bad.id);
    expect(root.querySelector('[data-testid="reader-title"]')?.textContent).toBe('Bad address');
    expect(root.querySelector('a[href^="javascript:"]')).toBeNull();
  });
});
