/**
 * The analysis pipeline: extraction (DOM, on a clone) followed by the text stages (entities, quotes,
 * summary, related ranking). Pure TypeScript, no browser.* calls: the CLI runs it under jsdom, the
 * extension splits it between the content script (extractPage) and the background (analyzeExtracted).
 *
 * WORK IN PROGRESS (lead): signatures are fixed, bodies are being written.
 */
import type { Analysis } from './types.ts';

/**
 * Loads a bundled resource by file name (for example 'ner-de.json' from public/models/) and returns
 * the parsed JSON, or null when there is no such file. Node reads the file; the extension fetches
 * browser.runtime.getURL('/models/' + name).
 */
export type ModelLoader = (name: string) => Promise<unknown | null>;

export interface AnalyzeOptions {
  /** Overrides the detected language (CLI --lang). */
  lang?: string;
  loadModel?: ModelLoader;
  summaryLength?: 'short' | 'long';
}

export declare function analyzeDocument(doc: Document, url: string, options?: AnalyzeOptions): Promise<Analysis>;
