/**
 * Helpers for the entity tests: a Node model loader over public/models and the seed article as
 * blocks with offsets (the shape the pipeline hands recognizeEntities).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleBlock } from '../types.ts';

export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'models');

/** Reads public/models/<name> as an ArrayBuffer; null when absent. Records the names asked for. */
export function nodeModelLoader(requested: string[] = []) {
  return async (name: string): Promise<unknown | null> => {
    requested.push(name);
    const file = resolve(MODELS_DIR, name);
    return existsSync(file) ? new Uint8Array(readFileSync(file)).buffer : null;
  };
}

/** An article of headings and paragraphs joined as Analysis.text is (blocks separated by a blank line). */
export function articleFrom(blocks: Array<{ kind: ArticleBlock['kind']; text: string }>, lang: string) {
  const out: ArticleBlock[] = [];
  let start = 0;
  for (const b of blocks) {
    out.push({ kind: b.kind, text: b.text, start });
    start += b.text.length + 2;
  }
  return { text: out.map((b) => b.text).join('\n\n'), blocks: out, lang };
}
