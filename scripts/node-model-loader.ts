/**
 * The pipeline's ModelLoader for Node (CLI, benchmarks, evaluations): reads the bundled resources from
 * public/models/ on disk, where the extension fetches the same files from its package.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelLoader } from '../lib/analyze.ts';

/** public/models/ of this checkout. */
export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'models');

/** Model names are plain file names ('ner-de.bin'); anything with a path in it is refused. */
const MODEL_NAME = /^[\w.-]+\.(json|bin)$/;

/**
 * A loader reading `<dir>/<name>`: an ArrayBuffer for a .bin file, the parsed JSON for a .json file, or
 * null when the file does not exist. A .json file that is not valid JSON throws, naming the file: a
 * broken model must not pass for a missing one (a .bin file is checked by whoever reads it).
 * No caching here; the pipeline keeps what it loads (one loader function → one parsed model).
 */
export function createNodeModelLoader(dir: string = MODELS_DIR): ModelLoader {
  return async (name) => {
    if (!MODEL_NAME.test(name) || name.startsWith('.')) {
      throw new Error(`invalid model name ${JSON.stringify(name)}`);
    }
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A copy into an ArrayBuffer of its own: a Buffer may be a slice of a shared pool.
    if (name.endsWith('.bin')) return new Uint8Array(bytes).buffer;
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch (error) {
      throw new Error(`model ${path} is not valid JSON: ${(error as Error).message}`);
    }
  };
}

/** The loader for public/models/, one function for the whole process so the pipeline's cache holds. */
export const loadModelFromDisk: ModelLoader = createNodeModelLoader();
