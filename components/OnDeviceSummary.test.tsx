// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OnDeviceSummary,
  type SummarizerApi,
  type SummarizerAvailability,
  type SummarizerCreateOptions,
} from './OnDeviceSummary.tsx';

const ARTICLE = 'Kim Jong Un hat Soldaten im Ausland gewürdigt. Die Botschaft wurde von KCNA verbreitet.';

/** A stream whose chunks the test pushes one by one. */
function controllableStream() {
  let controller!: ReadableStreamDefaultController<string>;
  const stream = new ReadableStream<string>({
    start(c) {
      controller = c;
    },
  });
  return { stream, push: (chunk: string) => controller.enqueue(chunk), close: () => controller.close() };
}

function fakeApi(availability: SummarizerAvailability) {
  const stream = controllableStream();
  const monitors: EventTarget[] = [];
  const destroy = vi.fn();
  const summarizeStreaming = vi.fn((_input: string, _options?: { signal?: AbortSignal }) => stream.stream);
  const api: SummarizerApi = {
    availability: vi.fn(async (_options?: SummarizerCreateOptions) => availability),
    create: vi.fn(async (options?: SummarizerCreateOptions) => {
      const target = new EventTarget();
      monitors.push(target);
      options?.monitor?.(target);
      return { summarizeStreaming, destroy };
    }),
  };
  return { api, stream, monitors, summarizeStreaming, destroy };
}

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

let host: HTMLElement;
async function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(() => {
    render(node, host);
  });
}

afterEach(() => {
  render(null, host);
  host.remove();
  delete (globalThis as { Summarizer?: unknown }).Summarizer;
});

describe('OnDeviceSummary', () => {
  it('renders nothing, and throws nothing, where the Summarizer API is absent', async () => {
    await mount(<OnDeviceSummary text={ARTICLE} lang="de" />);
    await flush();
    expect(host.innerHTML).toBe('');
  });

  it('renders nothing when the model is unavailable for the language, after asking with that language', async () => {
    const { api } = fakeApi('unavailable');
    await mount(<OnDeviceSummary text={ARTICLE} lang="de" api={api} />);
    await flush();
    expect(host.innerHTML).toBe('');
    expect(api.availability).toHaveBeenCalledWith(
      expect.objectContaining({ expectedInputLanguages: ['de'], outputLanguage: 'de' }),
    );
    expect(api.create).not.toHaveBeenCalled();
  });

  it('uses globalThis.Summarizer when present and streams the summary in as text', async () => {
    const fake = fakeApi('available');
    (globalThis as { Summarizer?: unknown }).Summarizer = fake.api;
    await mount(<OnDeviceSummary text={ARTICLE} lang="de" labels={{ heading: 'KI-Zusammenfassung' }} />);
    await flush();
    expect(fake.api.create).toHaveBeenCalledWith(
      expect.objectContaining({ expectedInputLanguages: ['de'], outputLanguage: 'de', format: 'plain-text' }),
    );
    expect(fake.summarizeStreaming).toHaveBeenCalledWith(ARTICLE, expect.anything());
    expect(host.textContent).toContain('KI-Zusammenfassung');

    fake.stream.push('Kim würdigt ');
    await flush();
    expect(host.querySelector('[data-testid="on-device-summary-output"]')?.textContent).toBe('Kim würdigt ');
    fake.stream.push('<b>Soldaten</b>.');
    fake.stream.close();
    await flush();
    const output = host.querySelector('[data-testid="on-device-summary-output"]');
    // Model output is text: markup in it is shown, never parsed.
    expect(output?.textContent).toBe('Kim würdigt <b>Soldaten</b>.');
    expect(output?.querySelector('b')).toBeNull();
    expect(fake.destroy).toHaveBeenCalled();
  });

  it('offers the download behind a click (create() needs a user gesture), then streams', async () => {
    const fake = fakeApi('downloadable');
    await mount(<OnDeviceSummary text={ARTICLE} lang="en" api={fake.api} />);
    await flush();
    expect(fake.api.create).not.toHaveBeenCalled();
    const button = host.querySelector('button');
    expect(button).not.toBeNull();

    await act(async () => button!.click());
    await flush();
    expect(fake.api.create).toHaveBeenCalledTimes(1);
    expect(host.querySelector('button')).toBeNull();
    // A late progress event (after create() resolved) must not hide the summary being streamed.
    await act(async () => {
      fake.monitors[0]!.dispatchEvent(new Event('downloadprogress'));
    });
    fake.stream.push('Done.');
    fake.stream.close();
    await flush();
    expect(host.textContent).toContain('Done.');
  });

  it('shows the download progress in percent while the model downloads', async () => {
    let resolveCreate!: () => void;
    const fake = fakeApi('downloading');
    fake.api.create = vi.fn(async (options?: SummarizerCreateOptions) => {
      const target = new EventTarget();
      options?.monitor?.(target);
      const event = new Event('downloadprogress') as Event & { loaded: number };
      event.loaded = 0.42;
      target.dispatchEvent(event);
      await new Promise<void>((resolve) => {
        resolveCreate = resolve;
      });
      return { summarizeStreaming: fake.summarizeStreaming };
    });
    await mount(<OnDeviceSummary text={ARTICLE} lang="en" api={fake.api} />);
    await flush();
    await act(async () => host.querySelector('button')!.click());
    await flush();
    expect(host.textContent).toContain('42 %');
    expect(host.querySelector('progress')?.getAttribute('value')).toBe('0.42');
    resolveCreate();
    fake.stream.close();
    await flush();
    // An empty stream leaves nothing to show.
    expect(host.innerHTML).toBe('');
  });

  it('renders nothing when the model fails', async () => {
    const fake = fakeApi('available');
    fake.api.create = vi.fn(async () => {
      throw new DOMException('The model crashed', 'OperationError');
    });
    await mount(<OnDeviceSummary text={ARTICLE} lang="de" api={fake.api} />);
    await flush();
    expect(host.innerHTML).toBe('');
  });

  it('aborts the running summary when it is removed', async () => {
    const fake = fakeApi('available');
    await mount(<OnDeviceSummary text={ARTICLE} lang="de" api={fake.api} />);
    await flush();
    const signal = fake.summarizeStreaming.mock.calls[0]?.[1]?.signal;
    expect(signal?.aborted).toBe(false);
    await act(() => {
      render(null, host);
    });
    expect(signal?.aborted).toBe(true);
  });
});
