import { describe, expect, it, vi } from 'vitest';
import { prepareModels } from './analyze-extracted.ts';
import { loadNerModel } from './entities/index.ts';

describe('prepareModels', () => {
  it('starts loading every NER model once, and a later load takes the one already asked for', async () => {
    const loader = vi.fn(async (_name: string): Promise<ArrayBuffer | null> => null);
    prepareModels(loader);
    expect(loader.mock.calls.map(([name]) => name).sort()).toEqual(['ner-de.bin', 'ner-en.bin']);
    await loadNerModel('de-AT', loader);
    await loadNerModel('en', loader);
    prepareModels(loader);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('never rejects, and a failed load is tried again later', async () => {
    const loader = vi.fn(async (_name: string): Promise<ArrayBuffer | null> => {
      throw new Error('gone');
    });
    expect(() => prepareModels(loader)).not.toThrow();
    expect(loader).toHaveBeenCalledTimes(2);
    // The analysis, asking meanwhile, gets the failure of the load under way…
    await expect(loadNerModel('en', loader)).rejects.toThrow('gone');
    expect(loader).toHaveBeenCalledTimes(2);
    // …and a failure is not kept: the next analysis asks again.
    await expect(loadNerModel('en', loader)).rejects.toThrow('gone');
    expect(loader).toHaveBeenCalledTimes(3);
  });
});
