import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS_DIR } from '../../tests/support/ner-models.ts';
import { TEMPLATES } from './features.ts';
import { homeSlot } from './hashing.ts';
import { BloomWordSet, HashedWordSet, HashedWordValues } from './lexicon.ts';
import {
  buildResources,
  createModel,
  deserializeModel,
  FeatureWeights,
  featureHash,
  LEGACY_TEMPLATES,
  serializeModel,
  type TaggerModel,
  tagSentence,
} from './model.ts';
import { readArrayFile, writeArrayFile } from './model-file.ts';

const committed = (lang: string) =>
  new Uint8Array(readFileSync(resolve(MODELS_DIR, `ner-${lang}.bin`))).buffer;

/** A tiny model: one feature ('w' = 'Kim' favours B-PER), a gazetteer, word lists including a Bloom filter. */
function tinyModel(): TaggerModel {
  const tags = ['O', 'B-PER', 'I-PER'];
  const resources = buildResources(
    'en',
    { LOC: ['New York', 'Paris'] },
    { '1': ['the'], '3': ['kim'] },
    ['Kim'],
    {
      nouns: { bloom: ['house', 'tree'] },
      surnames: ['Jong'],
      frequency: new Map([['the', 70000]]),
    },
  );
  const model = createModel({
    lang: 'en',
    tags,
    scale: 16,
    transitions: new Int32Array((tags.length + 1) * tags.length),
    weights: FeatureWeights.from(
      new Map([[featureHash(TEMPLATES.indexOf('w'), 'Kim'), [-10, 40, 0]]]),
      tags.length,
    ),
    gazetteer: resources.gazetteer,
    lexicons: resources.lexicons,
    meta: { note: 'test' },
  });
  if (!model) throw new Error('tiny model');
  return model;
}

describe('feature hashes', () => {
  it('hash a value given in parts as the parts joined by |', () => {
    expect(featureHash(3, 'a', 'b')).toBe(featureHash(3, 'a|b'));
    expect(featureHash(3, 'a', 'b', 'c')).toBe(featureHash(3, 'a|b|c'));
    expect(featureHash(3, 'ab')).not.toBe(featureHash(4, 'ab'));
    expect(featureHash(0, '')).not.toBe(0);
  });
});

describe('word lists', () => {
  it('answer sets and values exactly, case-sensitively', () => {
    const set = HashedWordSet.from(['Angela', 'Kim']);
    expect(set.has('Kim')).toBe(true);
    expect(set.has('kim')).toBe(false);
    const values = HashedWordValues.from([
      ['berlin', 3],
      ['haus', 1],
    ]);
    expect(values.get('berlin')).toBe(3);
    expect(values.get('Berlin')).toBeUndefined();
    expect(values.values).toBeInstanceOf(Uint8Array);
    expect(HashedWordValues.from([['x', -5000]]).values).toBeInstanceOf(Int16Array);
  });

  it('fill their tables to at most 60%, of any size, and find every word and no other', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `Name${i}`);
    const set = HashedWordSet.from(words);
    expect(set.keys.length).toBe(1668);
    expect(words.every((w) => set.has(w))).toBe(true);
    expect(words.some((w) => set.has(`${w}x`))).toBe(false);
    expect(homeSlot(0xffffffff, 1668)).toBe(1667);
    expect(homeSlot(1, 1668)).toBe(0);
  });

  it('a Bloom filter at 10 bits a word has every word and about 1% false positives', () => {
    const words = Array.from({ length: 20000 }, (_, i) => `wort${i}`);
    const bloom = BloomWordSet.from(words, 10);
    expect(words.every((w) => bloom.has(w))).toBe(true);
    let false_ = 0;
    for (let i = 0; i < 20000; i++) if (bloom.has(`andere${i}`)) false_++;
    expect(false_ / 20000).toBeLessThan(0.02);
    expect(bloom.bits.byteLength).toBeLessThanOrEqual((20000 * 10) / 8 + 4);
  });
});

describe('the weight table', () => {
  it('stores only non-zero weights and gives them back per tag', () => {
    const h = featureHash(TEMPLATES.indexOf('w'), 'Kim');
    const weights = FeatureWeights.from(
      new Map([
        [h, [0, 40, 0, -3]],
        [featureHash(0, 'zero'), [0, 0, 0, 0]],
      ]),
      4,
    );
    expect([...weights.values]).toEqual([40, -3]);
    expect([...weights.weightsOf(TEMPLATES.indexOf('w'), 'Kim')!]).toEqual([0, 40, 0, -3]);
    expect(weights.weightsOf(0, 'zero')).toBeUndefined();
    const scores = new Float64Array(6).fill(1);
    weights.addTo(scores, 2, h);
    weights.addTo(scores, 2, featureHash(0, 'absent'));
    expect([...scores]).toEqual([1, 1, 1, 41, 1, -2]);
  });
});

describe('the model file', () => {
  it('round-trips a model with its gazetteer, word lists and meta', () => {
    const bytes = serializeModel(tinyModel());
    const model = deserializeModel(bytes.slice().buffer);
    expect(model).not.toBeNull();
    expect(model!.meta).toEqual({ note: 'test' });
    expect(tagSentence(model!, ['Kim', 'and', 'the'])).toEqual(['B-PER', 'O', 'O']);
    const res = model!.resources;
    expect(res.firstNames.has('Kim')).toBe(true);
    expect(res.caseProfile.get('kim')).toBe(3);
    expect(res.wordSets.nouns?.has('tree')).toBe(true);
    expect(res.wordSets.surnames?.has('Jong')).toBe(true);
    expect(res.wordValues.frequency?.get('the')).toBe(70000);
    expect(res.gazetteer.kindOf('Paris')).toBe('LOC');
    expect(res.gazetteer.annotate(['in', 'New', 'York'])[2]).toEqual({ kind: 'LOC', position: 'I' });
  });

  it('round-trips the weights in the list layout, recorded in the header, tagging as the table does', () => {
    const model = tinyModel();
    const table = serializeModel(model);
    const list = serializeModel(model, 'list');
    expect(readArrayFile(table.slice().buffer)!.header.weightLayout).toBeUndefined();
    const file = readArrayFile(list.slice().buffer)!;
    expect(file.header.weightLayout).toBe('list');
    expect(Object.keys(file.arrays).filter((name) => name.startsWith('weights.'))).toEqual([
      'weights.hashes',
      'weights.masks',
      'weights.values',
    ]);
    const loaded = deserializeModel(list.slice().buffer)!;
    expect(tagSentence(loaded, ['Kim', 'and', 'the'])).toEqual(['B-PER', 'O', 'O']);
    expect([...loaded.weights.weightsOf(TEMPLATES.indexOf('w'), 'Kim')!]).toEqual([-10, 40, 0]);
    expect(loaded.weights.weightsOf(TEMPLATES.indexOf('w'), 'Lee')).toBeUndefined();
    // The same bytes again from the loaded model: the layout loses nothing.
    expect(serializeModel(loaded, 'list')).toEqual(list);
    expect(serializeModel(loaded)).toEqual(table);
  });

  it('stores many features in the list layout in fewer bytes and finds every one', () => {
    const rows = new Map<number, number[]>();
    for (let i = 0; i < 5000; i++) rows.set(featureHash(1, `w${i}`), [i % 7, 0, -(i % 5) - 1, 0]);
    const weights = FeatureWeights.from(rows, 4);
    const { hashes, masks, values } = weights.toList();
    const back = FeatureWeights.fromList(hashes, masks, values, 4)!;
    for (let i = 0; i < 5000; i += 7) {
      expect([...back.weightsOf(1, `w${i}`)!]).toEqual([...weights.weightsOf(1, `w${i}`)!]);
    }
    expect(back.weightsOf(1, 'w5000')).toBeUndefined();
    const listBytes = hashes.byteLength + masks.byteLength + values.byteLength;
    const tableBytes = weights.index.keys.byteLength + weights.entries.byteLength + weights.values.byteLength;
    expect(listBytes).toBeLessThan(0.6 * tableBytes);
  });

  it('refuses a weight list that is inconsistent, and an unknown layout', () => {
    const list = serializeModel(tinyModel(), 'list');
    const file = readArrayFile(list.slice().buffer)!;
    const rewrite = (header: Record<string, unknown>, arrays = file.arrays) =>
      writeArrayFile(header, arrays).slice().buffer;
    expect(deserializeModel(rewrite(file.header))).not.toBeNull();
    expect(deserializeModel(rewrite({ ...file.header, weightLayout: 'other' }))).toBeNull();
    // Read as a table, a list file has no table.
    const { weightLayout: _, ...asTable } = file.header;
    expect(deserializeModel(rewrite(asTable))).toBeNull();
    const hashes = file.arrays['weights.hashes'] as Uint32Array;
    const masks = file.arrays['weights.masks'] as Uint16Array;
    const values = file.arrays['weights.values'] as Int16Array;
    const T = 3;
    expect(FeatureWeights.fromList(hashes, masks, values, T)).not.toBeNull();
    // A repeated hash, a zero hash, a mask with no tag or a tag past nTags, weights left over or missing.
    expect(
      FeatureWeights.fromList(Uint32Array.of(5, 5), Uint16Array.of(1, 1), Int16Array.of(1, 2), T),
    ).toBeNull();
    expect(FeatureWeights.fromList(Uint32Array.of(0), Uint16Array.of(1), Int16Array.of(1), T)).toBeNull();
    expect(FeatureWeights.fromList(Uint32Array.of(5), Uint16Array.of(0), Int16Array.of(), T)).toBeNull();
    expect(
      FeatureWeights.fromList(Uint32Array.of(5), Uint16Array.of(0b1000), Int16Array.of(1), T),
    ).toBeNull();
    expect(FeatureWeights.fromList(Uint32Array.of(5), Uint16Array.of(0b11), Int16Array.of(1), T)).toBeNull();
    expect(
      FeatureWeights.fromList(Uint32Array.of(5), Uint16Array.of(0b1), Int16Array.of(1, 2), T),
    ).toBeNull();
    expect(FeatureWeights.fromList(Uint32Array.of(5, 6), Uint16Array.of(1), Int16Array.of(1), T)).toBeNull();
    const wrongType = { ...file.arrays, 'weights.masks': Uint32Array.from(masks) };
    expect(deserializeModel(rewrite(file.header, wrongType))).toBeNull();
  });

  it('loads the committed models as views of the file', () => {
    for (const lang of ['de', 'en']) {
      const buffer = committed(lang);
      const model = deserializeModel(buffer);
      expect(model?.lang).toBe(lang);
      expect(model!.weights.values.buffer).toBe(buffer);
      expect(model!.meta?.trainedOn).toBeTypeOf('string');
    }
  });

  it('keeps each committed model within 2 MB', () => {
    for (const lang of ['de', 'en']) expect(committed(lang).byteLength).toBeLessThanOrEqual(2_000_000);
  });

  it('refuses files that are not a model of this version, or whose arrays do not fit', () => {
    const good = serializeModel(tinyModel());
    const file = readArrayFile(good.slice().buffer)!;
    const rewrite = (header: Record<string, unknown>, arrays = file.arrays) =>
      writeArrayFile(header, arrays).slice().buffer;
    expect(deserializeModel(new ArrayBuffer(0))).toBeNull();
    expect(deserializeModel(good.slice(0, good.length - 8).buffer)).toBeNull();
    expect(deserializeModel(new TextEncoder().encode('{"format":"kontext-ner"}').buffer)).toBeNull();
    expect(deserializeModel(rewrite({ ...file.header, version: 1 }))).toBeNull();
    expect(deserializeModel(rewrite({ ...file.header, format: 'other' }))).toBeNull();
    expect(deserializeModel(rewrite({ ...file.header, templates: ['b'] }))).toBeNull();
    expect(deserializeModel(rewrite({ ...file.header, templates: TEMPLATES.slice(0, -1) }))).toBeNull();
    // A file written before the word-cluster templates were appended still loads.
    expect(
      deserializeModel(rewrite({ ...file.header, templates: TEMPLATES.slice(0, LEGACY_TEMPLATES) })),
    ).not.toBeNull();
    expect(deserializeModel(rewrite({ ...file.header, tags: ['O', 'B-PER'] }))).toBeNull();
    // A full key table (no empty slot) would make a lookup of a missing key loop forever.
    const fullKeys = new Uint32Array(file.arrays['weights.keys']!.length).fill(7);
    expect(deserializeModel(rewrite(file.header, { ...file.arrays, 'weights.keys': fullKeys }))).toBeNull();
    // Entries that point past the weights, or weights no entry owns, mean a corrupt or foreign table.
    const entries = file.arrays['weights.entries'] as Uint32Array;
    const used = entries.findIndex((e) => e !== 0);
    const pastEnd = entries.slice();
    pastEnd[used] = (5 << 3) | 0b011;
    expect(deserializeModel(rewrite(file.header, { ...file.arrays, 'weights.entries': pastEnd }))).toBeNull();
    const unused = new Int16Array([...(file.arrays['weights.values'] as Int16Array), 9]);
    expect(deserializeModel(rewrite(file.header, { ...file.arrays, 'weights.values': unused }))).toBeNull();
    const { 'lexicon.firstNames.keys': _, ...withoutFirstNames } = file.arrays;
    expect(deserializeModel(rewrite(file.header, withoutFirstNames))).toBeNull();
  });

  it('reads arrays only where they lie inside the file, after the header, aligned', () => {
    const handMade = (entry: object, size = 64) => {
      const json = new TextEncoder().encode(JSON.stringify({ arrays: { x: entry } }));
      const out = new Uint8Array(Math.max(size, 8 + json.length));
      out.set([0x4b, 0x4e, 0x45, 0x52]);
      new DataView(out.buffer).setUint32(4, json.length, true);
      out.set(json, 8);
      return out.buffer;
    };
    const ok = readArrayFile(handMade({ type: 'u32', offset: 64, length: 4 }, 80));
    expect(ok?.arrays.x).toBeInstanceOf(Uint32Array);
    expect(readArrayFile(handMade({ type: 'u32', offset: 64, length: 5 }, 80))).toBeNull();
    expect(readArrayFile(handMade({ type: 'u32', offset: 66, length: 1 }, 80))).toBeNull();
    expect(readArrayFile(handMade({ type: 'u32', offset: 8, length: 1 }, 80))).toBeNull();
    expect(readArrayFile(handMade({ type: 'f64', offset: 64, length: 1 }, 80))).toBeNull();
    expect(readArrayFile(handMade({ type: 'u8', offset: 64, length: -1 }, 80))).toBeNull();
  });
});
