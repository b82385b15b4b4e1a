import { describe, expect, it } from 'vitest';
import { prepareSentenceSplitter, splitSentences } from './sentences.ts';

const texts = (text: string, lang: string) => splitSentences(text, lang).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps German abbreviations inside the sentence', () => {
    expect(
      texts('Das ist z. B. ein Test. Dr. Müller kam. Das ist u. a. wichtig. Dann ging er.', 'de'),
    ).toEqual(['Das ist z. B. ein Test.', 'Dr. Müller kam.', 'Das ist u. a. wichtig.', 'Dann ging er.']);
  });

  it('keeps "Nr." and ordinal dates inside the sentence', () => {
    expect(texts('Haus Nr. 5 brennt. Am 3. Oktober feiern wir. Er kam um 10 Uhr an.', 'de')).toEqual([
      'Haus Nr. 5 brennt.',
      'Am 3. Oktober feiern wir.',
      'Er kam um 10 Uhr an.',
    ]);
  });

  it('keeps English titles, initials and "U.S." before a name inside the sentence', () => {
    expect(texts('The U.S. Army said so. Mr. Smith agreed. J. R. R. Tolkien wrote it.', 'en')).toEqual([
      'The U.S. Army said so.',
      'Mr. Smith agreed.',
      'J. R. R. Tolkien wrote it.',
    ]);
  });

  it('ends a sentence at "U.S." when a typical sentence start follows', () => {
    expect(texts('He moved to the U.S. The rest is history.', 'en')).toEqual([
      'He moved to the U.S.',
      'The rest is history.',
    ]);
  });

  it('still splits ordinary sentences, also after a closing quote', () => {
    expect(texts('Er sagte: „Wir kommen.“ Dann ging er. Sie blieb.', 'de')).toEqual([
      'Er sagte: „Wir kommen.“',
      'Dann ging er.',
      'Sie blieb.',
    ]);
  });

  it('returns offsets that slice back to each sentence', () => {
    const text = '  Dr. Müller kam.\n\nDas ist z. B. gut. ';
    const spans = splitSentences(text, 'de');
    expect(spans.length).toBe(2);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('never merges across a paragraph break', () => {
    expect(texts('Er wohnt in der Str.\n\nNeuer Absatz.', 'de')).toEqual([
      'Er wohnt in der Str.',
      'Neuer Absatz.',
    ]);
  });

  it('falls back to a default locale for unknown languages', () => {
    expect(texts('One. Two.', 'und')).toEqual(['One.', 'Two.']);
  });
});

describe('prepareSentenceSplitter', () => {
  it('leaves later splits in every language as they were', () => {
    prepareSentenceSplitter();
    expect(texts('Das ist z. B. ein Test. Dann ging er.', 'de')).toEqual([
      'Das ist z. B. ein Test.',
      'Dann ging er.',
    ]);
    expect(texts('Mr. Smith left. He came back.', 'en')).toEqual(['Mr. Smith left.', 'He came back.']);
  });
});

describe('splitSentences on long texts (issue 18)', () => {
  // The old merge grew one string and re-read it whole at every merge, and the whole text went to the
  // segmenter at once: both quadratic, minutes for these 280,000 characters. The timeout is the test's
  // only bound on time, far above load noise (it takes about a second) and far below the old cost.
  it('merges a long run of abbreviations into one sentence', () => {
    const text = `${'Das ist z. B. '.repeat(20_000)}Ende.`;
    const sentences = splitSentences(text, 'de');
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toEqual({ text, start: 0, end: text.length });
  }, 30_000);

  // Handed whole to V8's Intl.Segmenter, these 530 KB took 54 s; window by window, well under a second.
  it('splits a half-megabyte paragraph into all its sentences, also across segmenting windows', () => {
    const sentence = 'Die Regierung hat am Montag beschlossen, dass vieles anders wird. ';
    const text = sentence.repeat(8000).trimEnd();
    const sentences = splitSentences(text, 'de');
    expect(sentences).toHaveLength(8000);
    for (const s of sentences) {
      expect(s.text).toBe(sentence.trimEnd());
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  }, 30_000);
});
