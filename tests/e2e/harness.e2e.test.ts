/**
 * The harness itself, in both browsers: the test build loads, its popup page renders, the extension
 * has host access to the local fixture server (which the other e2e tests rely on), tab ids are found
 * for ordinary and for restricted pages, and a kept profile survives a restart with its storage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExtensionGlobal,
  evaluateInExtension,
  type FixtureServer,
  forEachBrowser,
  launchWithExtension,
  openPage,
  openPopup,
  serveFixtures,
  tabIdOf,
  useExtensionSession,
} from './harness.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await serveFixtures({
    '/one': '<!doctype html><title>One</title><p>first page</p>',
    '/two': '<!doctype html><title>Two</title><p>second page</p>',
  });
});
afterAll(async () => {
  await server?.close();
});

forEachBrowser((name) => {
  const session = useExtensionSession(name);

  it('loads the test build and renders popup.html', async () => {
    const popup = await openPopup(session(), null);
    const text = await popup.$eval('#app', (el) => el.textContent ?? '');
    expect(text.trim().length).toBeGreaterThan(0);
    await popup.close();
  });

  it('has host access to the local fixture server, and no other host', async () => {
    const page = await openPage(session(), server.url('/one'));
    const tabId = await tabIdOf(session(), page);
    const [forLocal, forOther, titleViaScripting] = await evaluateInExtension(
      session(),
      async (id: number) => {
        const g = globalThis as unknown as ExtensionGlobal;
        const api = (g.browser ?? g.chrome)!;
        const [injection] = await api.scripting.executeScript({
          target: { tabId: id },
          func: () => document.title,
        });
        return [
          await api.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
          await api.permissions.contains({ origins: ['https://example.org/*'] }),
          injection?.result,
        ];
      },
      tabId,
    );
    expect([forLocal, forOther]).toEqual([true, false]);
    // What the other tests rely on: scripting into a served page without a toolbar click.
    expect(titleViaScripting).toBe('One');
    await page.close();
  });

  it('finds the tab id of served pages and of a restricted page', async () => {
    const one = await openPage(session(), server.url('/one'));
    const two = await openPage(session(), server.url('/two'));
    const blank = await openPage(session(), 'about:blank');
    const ids = [
      await tabIdOf(session(), one),
      await tabIdOf(session(), two),
      await tabIdOf(session(), blank),
    ];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(Number.isInteger(id) && id >= 0).toBe(true);
    // The same page asked again gives the same id.
    expect(await tabIdOf(session(), one)).toBe(ids[0]);
    const urlOfSecond = await evaluateInExtension(
      session(),
      async (id: number) => {
        const g = globalThis as unknown as ExtensionGlobal;
        return (await (g.browser ?? g.chrome)!.tabs.get(id)).url;
      },
      ids[1],
    );
    expect(urlOfSecond).toBe(server.url('/two'));
    await Promise.all([one.close(), two.close(), blank.close()]);
  });

  it('keeps extension storage in a kept profile across a restart', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), `kontext-e2e-keep-${name}-`));
    try {
      const first = await launchWithExtension(name, { profileDir });
      const origin = first.extensionOrigin;
      await evaluateInExtension(first, async () => {
        const g = globalThis as unknown as ExtensionGlobal;
        const api = (g.browser ?? g.chrome)!;
        await api.storage.local.set({ harnessProbe: 'kept' });
      });
      await first.close();
      const second = await launchWithExtension(name, { profileDir });
      try {
        expect(second.extensionOrigin).toBe(origin);
        const value = await evaluateInExtension(second, async () => {
          const g = globalThis as unknown as ExtensionGlobal;
          const api = (g.browser ?? g.chrome)!;
          return (await api.storage.local.get('harnessProbe')).harnessProbe;
        });
        expect(value).toBe('kept');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
