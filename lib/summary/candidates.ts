/**
 * The sentences a summary may use: sentences of body paragraphs, never headings, captions, list
 * items (link lists), preformatted text, or boilerplate such as "Lesen Sie auch" or "Read more".
 */
import { splitSentences } from '../text/sentences.ts';
import type { ArticleBlock } from '../types.ts';

export interface CandidateSentence {
  text: string;
  start: number;
  end: number;
  /** Position among all body sentences in reading order (0 = first). */
  position: number;
}

/** Teasers and calls to action, as whole words at the start: "Lesen Sie auch", "Read more". */
const BOILERPLATE_PHRASE =
  /^(?:weiterführende analysen|lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|das könnte sie auch interessieren|read more|see also|more on this|scroll down|click here|sign up|follow us|share this)(?![\p{L}\p{N}])/iu;

/** Labels of credits, ads and teasers, followed by a colon or a dash: "Foto: dpa", "Related: …". */
const BOILERPLATE_LABEL =
  /^(?:foto|fotos|photo|photos|picture|image|bild|bilder|quelle|source|anzeige|werbung|advertisement|copyright|related|subscribe)\s*[:|–—-]/iu;

/** Markers of link lists and teasers inside a paragraph. */
const LINK_LIST = /👉|►|»\s*mehr|\|\s*\S+\s*\|/u;

export function isBoilerplate(sentence: string): boolean {
  const trimmed = sentence.trim().replace(/^[^\p{L}\p{N}[©]+/u, '');
  if (BOILERPLATE_PHRASE.test(trimmed) || BOILERPLATE_LABEL.test(trimmed) || LINK_LIST.test(sentence))
    return true;
  if (/^(?:©|\[…\]|\[\.\.\.\])/u.test(trimmed)) return true;
  const words = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // Too short to say anything, or no lower-case letter at all (a shouted teaser or a label).
  return words.length < 5 || !/\p{Ll}/u.test(sentence);
}

/** Body sentences in reading order, with offsets into the article text. */
export function bodySentences(blocks: ArticleBlock[], lang: string): CandidateSentence[] {
  const sentences: CandidateSentence[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    for (const s of splitSentences(block.text, lang)) {
      sentences.push({
        text: s.text,
        start: block.start + s.start,
        end: block.start + s.end,
        position: sentences.length,
      });
    }
  }
  return sentences;
}

export function candidateSentences(blocks: ArticleBlock[], lang: string): CandidateSentence[] {
  return bodySentences(blocks, lang).filter((s) => !isBoilerplate(s.text));
}
