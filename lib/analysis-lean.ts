/**
 * The lean form of an Analysis, for output that is written or sent whole (the CLI's JSON): each
 * sentence an entity cites is stored once, in `sentences`, and entities refer to it by index; the
 * `paragraphs` list, which repeats `blocks`' texts, is left out. `fromLeanAnalysis` restores the full
 * Analysis exactly (the CLI's `--full` prints that shape).
 *
 * On a long page the full form repeats a sentence for every entity in it (a 5 MB page gave 26.6 MB of
 * JSON); the lean form grows with the article instead.
 */
import type { Analysis, Entity } from './types.ts';

export interface LeanEntity extends Omit<Entity, 'firstSentence' | 'sentences'> {
  /** Index into `LeanAnalysis.sentences`. */
  firstSentence: number;
  /** Indexes into `LeanAnalysis.sentences`, in the entity's order. */
  sentences: number[];
}

export interface LeanAnalysis extends Omit<Analysis, 'entities' | 'paragraphs'> {
  /** Every sentence the entities cite, once each, in order of first citation. */
  sentences: string[];
  entities: LeanEntity[];
}

export function toLeanAnalysis(analysis: Analysis): LeanAnalysis {
  const { entities, paragraphs: _paragraphs, ...rest } = analysis;
  const sentences: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (sentence: string): number => {
    let index = indexOf.get(sentence);
    if (index === undefined) {
      index = sentences.push(sentence) - 1;
      indexOf.set(sentence, index);
    }
    return index;
  };
  const leanEntities = entities.map(({ firstSentence, sentences: cited, ...entity }) => ({
    ...entity,
    firstSentence: intern(firstSentence),
    sentences: cited.map(intern),
  }));
  return { ...rest, sentences, entities: leanEntities };
}

/** The full Analysis a lean one was made from; throws on an index that points nowhere. */
export function fromLeanAnalysis(lean: LeanAnalysis): Analysis {
  const { sentences, entities, ...rest } = lean;
  const sentence = (index: number): string => {
    const text = sentences[index];
    if (text === undefined) throw new RangeError(`no sentence ${index} (of ${sentences.length})`);
    return text;
  };
  return {
    ...rest,
    paragraphs: lean.blocks.map((block) => block.text),
    entities: entities.map(({ firstSentence, sentences: cited, ...entity }) => ({
      ...entity,
      firstSentence: sentence(firstSentence),
      sentences: cited.map(sentence),
    })),
  };
}
