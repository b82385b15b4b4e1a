/**
 * A second summary from Chrome's built-in on-device model (the Summarizer API, Chrome 138+), shown
 * beside the extractive one. It feature-detects `Summarizer`, checks availability() for the article's
 * language, offers the model download (which needs a click: create() wants a user gesture then),
 * shows the download progress, and streams the summary in. Where the API is absent, unavailable for
 * the language, or fails, it renders nothing: the extractive summary stands alone, without an error.
 * The model's output is rendered as text, never as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** The parts of the Summarizer API this component uses (see the Writing Assistance APIs spec). */
export type SummarizerAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface SummarizerCreateOptions {
  type?: 'tldr' | 'key-points' | 'teaser' | 'headline';
  format?: 'plain-text' | 'markdown';
  length?: 'short' | 'medium' | 'long';
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  signal?: AbortSignal;
  monitor?: (monitor: EventTarget) => void;
}

export interface SummarizerInstance {
  summarizeStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  destroy?(): void;
  inputQuota?: number;
  measureInputUsage?(input: string): Promise<number>;
}

export interface SummarizerApi {
  availability(options?: SummarizerCreateOptions): Promise<SummarizerAvailability>;
  create(options?: SummarizerCreateOptions): Promise<SummarizerInstance>;
}

export interface OnDeviceSummaryLabels {
  heading: string;
  /** Button that starts the model download and the summary. */
  download: string;
  /** Progress text; {percent} is replaced. */
  downloading: string;
  summarizing: string;
  note: string;
}

export const ON_DEVICE_SUMMARY_LABELS_EN: OnDeviceSummaryLabels = {
  heading: 'AI summary (on this device)',
  download: 'Summarise with the browser’s on-device AI (downloads the model once)',
  downloading: 'Downloading the model… {percent}',
  summarizing: 'Summarising…',
  note: 'Written by your browser’s built-in model; the text does not leave your machine.',
};

export const ON_DEVICE_SUMMARY_LABELS_DE: OnDeviceSummaryLabels = {
  heading: 'KI-Zusammenfassung (auf diesem Gerät)',
  download: 'Mit der KI des Browsers zusammenfassen (lädt das Modell einmalig herunter)',
  downloading: 'Modell wird heruntergeladen … {percent}',
  summarizing: 'Wird zusammengefasst …',
  note: 'Vom eingebauten Modell Ihres Browsers geschrieben; der Text verlässt Ihr Gerät nicht.',
};

export interface OnDeviceSummaryProps {
  text: string;
  /** The article's language (ISO 639-1); 'und' when unknown. */
  lang: string;
  labels?: Partial<OnDeviceSummaryLabels>;
  length?: 'short' | 'medium' | 'long';
  /** The API to use; defaults to `globalThis.Summarizer` (tests pass a fake). */
  api?: SummarizerApi | null;
}

type Phase =
  | { name: 'hidden' }
  | { name: 'offer' }
  | { name: 'downloading'; progress: number | null }
  | { name: 'summarizing'; output: string }
  | { name: 'done'; output: string };

/** Longest input tried first; halved while the model says it is over its quota. */
const MAX_INPUT_CHARS = 12_000;

function detectApi(): SummarizerApi | null {
  const candidate = (globalThis as { Summarizer?: unknown }).Summarizer;
  if (!candidate || (typeof candidate !== 'function' && typeof candidate !== 'object')) return null;
  const api = candidate as Partial<SummarizerApi>;
  return typeof api.availability === 'function' && typeof api.create === 'function'
    ? (api as SummarizerApi)
    : null;
}

function languageOptions(
  lang: string,
): Pick<SummarizerCreateOptions, 'expectedInputLanguages' | 'outputLanguage'> {
  if (!lang || lang === 'und') return {};
  return { expectedInputLanguages: [lang], outputLanguage: lang };
}

async function fitInput(summarizer: SummarizerInstance, text: string): Promise<string> {
  let input = text.slice(0, MAX_INPUT_CHARS);
  if (!summarizer.measureInputUsage || !summarizer.inputQuota) return input;
  for (let i = 0; i < 4; i++) {
    if ((await summarizer.measureInputUsage(input)) <= summarizer.inputQuota) break;
    input = input.slice(0, Math.floor(input.length / 2));
  }
  return input;
}

export function OnDeviceSummary({ text, lang, labels, length = 'short', api }: OnDeviceSummaryProps) {
  const l = { ...ON_DEVICE_SUMMARY_LABELS_EN, ...labels };
  const [phase, setPhase] = useState<Phase>({ name: 'hidden' });
  const abort = useRef<AbortController | null>(null);
  const resolvedApi = api === undefined ? detectApi() : api;
  const options: SummarizerCreateOptions = {
    type: 'tldr',
    format: 'plain-text',
    length,
    ...languageOptions(lang),
  };

  const run = async (controller: AbortController) => {
    if (!resolvedApi) return;
    let summarizer: SummarizerInstance | null = null;
    let created = false;
    try {
      summarizer = await resolvedApi.create({
        ...options,
        signal: controller.signal,
        monitor(monitor) {
          monitor.addEventListener('downloadprogress', (event) => {
            const loaded = (event as Event & { loaded?: number }).loaded;
            if (!controller.signal.aborted && !created) {
              setPhase({ name: 'downloading', progress: typeof loaded === 'number' ? loaded : null });
            }
          });
        },
      });
      created = true;
      if (controller.signal.aborted) return;
      setPhase({ name: 'summarizing', output: '' });
      const input = await fitInput(summarizer, text);
      const reader = summarizer.summarizeStreaming(input, { signal: controller.signal }).getReader();
      let output = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done || controller.signal.aborted) break;
        // Chrome 138+ streams pieces; earlier builds streamed the whole text so far each time.
        output = value.startsWith(output) && output ? value : output + value;
        setPhase({ name: 'summarizing', output });
      }
      if (!controller.signal.aborted) setPhase(output.trim() ? { name: 'done', output } : { name: 'hidden' });
    } catch {
      // Model errors, quota, language not supported after all: the extractive summary stands alone.
      if (!controller.signal.aborted) setPhase({ name: 'hidden' });
    } finally {
      summarizer?.destroy?.();
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'hidden' });
    if (resolvedApi && text.trim()) {
      resolvedApi
        .availability(options)
        .then((availability) => {
          if (controller.signal.aborted) return;
          if (availability === 'available') void run(controller);
          // Downloading the model needs a user gesture, so it waits for a click.
          else if (availability === 'downloadable' || availability === 'downloading')
            setPhase({ name: 'offer' });
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [text, lang, length, resolvedApi]);

  if (phase.name === 'hidden') return null;
  return (
    <section
      class="on-device-summary"
      aria-live="polite"
      aria-busy={phase.name !== 'done' && phase.name !== 'offer'}
    >
      <h3>{l.heading}</h3>
      {phase.name === 'offer' && (
        <button
          type="button"
          onClick={() => {
            if (!abort.current) return;
            setPhase({ name: 'downloading', progress: null });
            void run(abort.current);
          }}
        >
          {l.download}
        </button>
      )}
      {phase.name === 'downloading' && (
        <p class="progress">
          {l.downloading.replace(
            '{percent}',
            phase.progress === null ? '' : `${Math.round(phase.progress * 100)} %`,
          )}
          {phase.progress !== null && <progress max={1} value={phase.progress} />}
        </p>
      )}
      {phase.name === 'summarizing' && !phase.output && <p class="progress">{l.summarizing}</p>}
      {(phase.name === 'summarizing' || phase.name === 'done') && phase.output && (
        <p class="output" data-testid="on-device-summary-output">
          {phase.output}
        </p>
      )}
      <p class="note">{l.note}</p>
    </section>
  );
}
