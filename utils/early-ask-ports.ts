/** The popup's early request (components/popup/early-ask.ts) on the extension's APIs. */
import type { EarlyAskPorts } from '@/components/popup/early-ask.ts';

export function browserEarlyAskPorts(): EarlyAskPorts {
  return {
    search: location.search,
    hash: location.hash,
    activeTabId: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    sendMessage: (message) => browser.runtime.sendMessage(message),
  };
}
