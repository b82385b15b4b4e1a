import { describe, expect, it } from 'vitest';
import { parseCorpus, toScoredTag, toTrainingTag } from './conll.ts';

describe('corpus readers', () => {
  it('reads CoNLL-2003: token first, tag last, -DOCSTART- dropped, blank line ends a sentence', () => {
    const text = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n';
    expect(parseCorpus(text)).toEqual([
      { tokens: ['EU', 'rejects'], tags: ['B-ORG', 'O'] },
      { tokens: ['Peter'], tags: ['B-PER'] },
    ]);
  });

  it('reads GermEval: token second column, outer tag third, # lines dropped', () => {
    const text =
      '#\thttp://x\t[2010]\n1\tKim\tB-PER\tO\n2\tspricht\tO\tO\n\n#\tu\n1\tdeutsche\tB-LOCderiv\tO\n';
    expect(parseCorpus(text)).toEqual([
      { tokens: ['Kim', 'spricht'], tags: ['B-PER', 'O'] },
      { tokens: ['deutsche'], tags: ['B-LOCderiv'] },
    ]);
  });

  it('maps tags for scoring and for training', () => {
    expect(
      ['B-PER', 'I-LOC', 'B-ORG', 'B-MISC', 'I-OTH', 'B-LOCderiv', 'I-ORGpart', 'O'].map(toScoredTag),
    ).toEqual(['B-PER', 'I-LOC', 'B-ORG', 'O', 'O', 'O', 'O', 'O']);
    expect(['B-OTH', 'B-LOCderiv', 'I-ORGpart', 'I-PER'].map(toTrainingTag)).toEqual([
      'B-MISC',
      'B-DERIV',
      'I-DERIV',
      'I-PER',
    ]);
  });
});
