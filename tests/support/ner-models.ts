/**
 * Helpers for the entity tests: the Node model loader (scripts/node-model-loader.ts) recording the
 * names asked for, and an article of blocks with offsets (the shape the pipeline hands
 * recognizeEntities).
 */
import type { ModelLoader } from '../../lib/analyze.ts';
import type { ArticleBlock } from '../../lib/types.ts';
import { createNodeModelLoader } from '../../scripts/node-model-loader.ts';

export { MODELS_DIR } from '../../scripts/node-model-loader.ts';

/**
 * Reads public/models/<name>; null when absent. Records the names asked for. A new loader each call,
 * so a test gets its own model cache (the pipeline caches per loader function).
 */
export function nodeModelLoader(requested: string[] = []): ModelLoader {
  const load = createNodeModelLoader();
  return (name) => {
    requested.push(name);
    return load(name);
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
