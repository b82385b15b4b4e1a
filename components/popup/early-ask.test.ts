/** The popup's early request and its hand-over (components/popup/early-ask.ts), on fake ports. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundRequest } from '@/lib/messaging.ts';
import { type EarlyAskPorts, leaveEarlyAsk, startEarlyAsk, takeAnswer, takeEarlyAsk } from './early-ask.ts';

function ports(overrides: Partial<EarlyAskPorts> = {}) {
  const sent: BackgroundRequest[] = [];
  const port: EarlyAskPorts = {
    search: '',
    hash: '',
    activeTabId: async () => 7,
    sendMessage: async (message) => {
      sent.push(message);
      return { reply: sent.length };
    },
    ...overrides,
  };
  return { port, sent };
}

afterEach(() => {
  globalThis.__kontextPopupEarlyAsk = undefined;
});

describe('startEarlyAsk', () => {
  it('asks for the active tab’s analysis once the tab is known, and hands the reply over once', async () => {
    const { port, sent } = ports();
    const ask = startEarlyAsk(port, 'popup-early.js');
    expect(await ask.tabId).toBe(7);
    expect(sent).toEqual([{ type: 'kontext:analyze-tab', tabId: 7 }]);
    const asked = performance.getEntriesByName('kontext:asked', 'mark').at(-1) as PerformanceMark;
    expect(asked.detail).toEqual({ by: 'popup-early.js' });
    const answer = takeAnswer(ask);
    expect(await answer).toEqual({ reply: 1 });
    expect(takeAnswer(ask)).toBeUndefined();
  });

  it('targets ?tabId=N, and no tab at all for a malformed one', async () => {
    const activeTabId = vi.fn(async () => 7);
    const { port, sent } = ports({ search: '?tabId=42', activeTabId });
    expect(await startEarlyAsk(port, 'popup-early.js').tabId).toBe(42);
    expect(sent).toEqual([{ type: 'kontext:analyze-tab', tabId: 42 }]);
    const malformed = ports({ search: '?tabId=4x', activeTabId });
    const ask = startEarlyAsk(malformed.port, 'popup-early.js');
    expect(await ask.tabId).toBeNull();
    expect(takeAnswer(ask)).toBeUndefined();
    expect(malformed.sent).toEqual([]);
    expect(activeTabId).not.toHaveBeenCalled();
  });

  it('asks nothing when the popup opens on the saved tab', async () => {
    const { port, sent } = ports({ hash: '#saved' });
    const ask = startEarlyAsk(port, 'popup-early.js');
    expect(await ask.tabId).toBe(7);
    expect(takeAnswer(ask)).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('keeps a failed request for its reader, without an unhandled rejection meanwhile', async () => {
    const { port } = ports({ sendMessage: () => Promise.reject(new Error('no background')) });
    const ask = startEarlyAsk(port, 'popup-early.js');
    await ask.tabId;
    await new Promise((resolve) => setImmediate(resolve));
    await expect(takeAnswer(ask)).rejects.toThrow('no background');
  });
});

describe('the hand-over between /popup-early.js and the bundle', () => {
  it('gives the left request once; then, as when the early script did not run, nothing', async () => {
    const { port } = ports();
    const ask = startEarlyAsk(port, 'popup-early.js');
    leaveEarlyAsk(ask);
    expect(takeEarlyAsk()).toBe(ask);
    expect(takeEarlyAsk()).toBeUndefined();
  });

  it('lets the bundle ask itself when nothing was left (the fallback early.ts takes)', async () => {
    const { port, sent } = ports();
    const ask = takeEarlyAsk() ?? startEarlyAsk(port, 'bundle');
    expect(await ask.tabId).toBe(7);
    expect(sent).toHaveLength(1);
  });

  it('has the reply ready for a reader that waits for the tab after the early script did', async () => {
    const { port } = ports();
    const ask = startEarlyAsk(port, 'popup-early.js');
    leaveEarlyAsk(ask);
    const taken = takeEarlyAsk()!;
    // As main.tsx: its `then` on the same tab promise runs after the early script's.
    const answer = await taken.tabId.then(() => takeAnswer(taken));
    expect(answer).toBeDefined();
    expect(await answer).toEqual({ reply: 1 });
  });
});
