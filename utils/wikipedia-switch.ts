/**
 * The "Show Wikipedia summaries in cards" switch, bound to the browser: a flag in storage.local and the
 * optional host permission for Wikipedia. Summaries are on only while both hold, so a permission the
 * reader revoked in the browser's own settings turns them off too.
 *
 * The permission is requested from the click in an extension page (popup or saved list): browsers accept
 * permissions.request only inside a user gesture there, never from a content script. So enable() calls it
 * first, before any await, and writes the flag alongside (a Firefox popup may close when the permission
 * prompt opens; the flag then still matches what the reader chose once the prompt is answered).
 */
import { loopbackOrigin, WIKIPEDIA_ORIGINS } from '@/lib/wikipedia/api.ts';
import { wikipediaOriginOverride, wikipediaSummaries } from './storage-items.ts';

/** Test build only (see tests/e2e/README.md): a loopback stub stands in for both Wikipedia endpoints. */
const TEST_HOST = 'http://127.0.0.1/*';

export interface WikipediaSwitchState {
  on: boolean;
  /** The host permission the switch asks for (Wikipedia's, or the test stub's loopback host). */
  permissions: { origins: string[] };
  /** The loopback stub's origin in the test build; null in store builds. */
  override: string | null;
}

/** Honoured only where the manifest itself grants loopback hosts, i.e. in the test build. */
async function testOrigin(): Promise<string | null> {
  const granted = browser.runtime.getManifest().host_permissions ?? [];
  if (!granted.includes(TEST_HOST)) return null;
  return loopbackOrigin(await wikipediaOriginOverride.getValue());
}

export async function wikipediaSwitchState(): Promise<WikipediaSwitchState> {
  const override = await testOrigin();
  const permissions = {
    origins: override ? [`http://${new URL(override).hostname}/*`] : [...WIKIPEDIA_ORIGINS],
  };
  const [flag, granted] = await Promise.all([
    wikipediaSummaries.getValue(),
    browser.permissions.contains(permissions).catch(() => false),
  ]);
  return { on: flag === true && granted, permissions, override };
}

/** Call straight from the click handler. Resolves to whether summaries are now on. */
export function enableWikipedia(state: WikipediaSwitchState): Promise<boolean> {
  const asking = browser.permissions.request(state.permissions);
  const flagged = wikipediaSummaries.setValue(true);
  return Promise.all([asking, flagged]).then(async ([granted]) => {
    if (!granted) await wikipediaSummaries.setValue(false);
    return granted;
  });
}

/** Off, and the permission given back. Works without a user gesture (the card's switch, via the background). */
export async function disableWikipedia(state: WikipediaSwitchState): Promise<void> {
  await wikipediaSummaries.setValue(false);
  // The test stub's loopback host is the test build's own required host permission: it stays.
  if (state.override) return;
  await browser.permissions.remove(state.permissions).catch(() => false);
}
