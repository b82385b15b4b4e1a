/**
 * The one ModelLoader for Node (CLI, benchmarks, evaluations, tests): reads the bundled model files from
 * public/models/ on disk, where the extension fetches the same files from its package.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelLoader } from '../lib/analyze.ts';

/** public/models/ of this checkout. */
export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'models');

/** Model names are plain .bin file names ('ner-de.bin'); anything with a path in it is refused. */
const MODEL_NAME = /^[\w.-]+\.bin$/;

/**
 * A loader reading `<dir>/<name>` as an ArrayBuffer, or null when the file does not exist (the bytes
 * are checked by whoever reads them). No caching here; the pipeline keeps what it loads (one loader
 * function → one parsed model).
 */
export function createNodeModelLoader(dir: string = MODELS_DIR): ModelLoader {
  return async (name) => {
    if (!MODEL_NAME.test(name) || name.startsWith('.')) {
      throw new Error(`invalid model name ${JSON.stringify(name)}`);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A copy into an ArrayBuffer of its own: a Buffer may be a slice of a shared pool.
    return new Uint8Array(bytes).buffer;
  };
}

/** The loader for public/models/, one function for the whole process so the pipeline's cache holds. */
export const loadModelFromDisk: ModelLoader = createNodeModelLoader();
