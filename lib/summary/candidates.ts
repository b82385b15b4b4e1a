/**
 * The sentences a summary may use: sentences of body paragraphs, never headings, captions, list
 * items (link lists), preformatted text, credits or boilerplate blocks, and never sentences that are
 * page furniture in a paragraph's clothing: teasers ("Lesen Sie auch", "Read more"), photo credits,
 * copyright notices, rows of links or shop offers. A page whose paragraphs hold none of these gets an
 * empty summary: nothing is better than junk.
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
  /^(?:foto|fotos|fotografie|photo|photos|photograph|picture|pictured|image|images|credit|credits|bild|bilder|bildquelle|quelle|source|illustration|grafik|anzeige|werbung|advertisement|copyright|related|subscribe)\s*[:|–—-]/iu;

/** Markers of link lists and teasers inside a paragraph. */
const LINK_LIST = /👉|►|»\s*mehr|\|\s*\S+\s*\|/u;

/** Link rows separated by bullets or pipes: "Politik · Wirtschaft · Sport", "News | Sport | Wetter". */
const SEPARATED_ROW = /(?:\s[|·•›]\s[^|·•›]*){2,}/u;

/**
 * A photo credit anywhere in the sentence: "(Photo: Jane Doe/AP)", "Foto: dpa", "Jane Doe/AFP/Getty
 * Images", "REUTERS/Kevin Lamarque", "Bild: picture alliance". A sentence carrying one is a caption.
 */
const PHOTO_CREDIT =
  /(?:^|[\s([])(?:foto|photo|photograph|picture|bild|image|credit|bildquelle)\s*:|\/\s*(?:ap|afp|reuters|dpa|epa|getty(?: images)?|imago|picture alliance|shutterstock|istock|keystone|ddp|xinhua)\b|\b(?:getty images|ap photo|picture alliance|imago images)\b|\b(?:reuters|afp|ap|dpa)\s*\//iu;

/**
 * Rights notices: "© 2024 …", "All rights reserved", „Alle Rechte vorbehalten“, "This material may not
 * be published …", "Nachdruck nur mit Genehmigung". A block carrying one is a rights notice as a whole.
 */
const RIGHTS_NOTICE =
  /©|\(c\)\s*\d{4}|\bcopyright\s*(?:\(c\)|\d{4})|all rights reserved|alle rechte vorbehalten|may not be (?:re)?(?:published|reproduced|broadcast|redistributed)|(?:nachdruck|vervielfältigung|weiterverbreitung)[^.]*(?:verboten|untersagt|nur mit)/iu;

/**
 * Shop offers of affiliate rows: a price at a shop ("$49.99 at Amazon", "29,99 € bei Otto"; no `i`
 * flag, so the shop must be capitalised), or a call to buy ("Buy now", "Jetzt kaufen", "Zum Angebot").
 */
const PRICE_AT_SHOP = /(?:[$£€]\s?\d+(?:[.,]\d{2})?|\d+(?:[.,]\d{2})?\s?€)\s+(?:at|bei)\s+\p{Lu}/u;
const BUY_CALL =
  /\b(?:buy now|shop now|check price|view deal|see deal|jetzt kaufen|jetzt bestellen|zum angebot|zum shop|affiliate[- ]?link|provisions-?link|werbelink)\b/iu;

/** Where a sentence ends like a sentence: a full stop, question or exclamation mark, maybe in quotes. */
const SENTENCE_END = /[.!?…]["'“”„‘’»«)\]]*$/u;

export function isBoilerplate(sentence: string): boolean {
  const trimmed = sentence.trim().replace(/^[^\p{L}\p{N}[©]+/u, '');
  if (BOILERPLATE_PHRASE.test(trimmed) || BOILERPLATE_LABEL.test(trimmed)) return true;
  if (LINK_LIST.test(sentence) || SEPARATED_ROW.test(sentence)) return true;
  if (PHOTO_CREDIT.test(sentence) || RIGHTS_NOTICE.test(sentence)) return true;
  if (PRICE_AT_SHOP.test(sentence) || BUY_CALL.test(sentence)) return true;
  if (/^(?:\[…\]|\[\.\.\.\])/u.test(trimmed)) return true;
  const words = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // Too short to say anything, no lower-case letter at all (a shouted teaser or a label), or no end
  // of sentence (a headline, a link's text, a label before a list).
  return words.length < 5 || !/\p{Ll}/u.test(sentence) || !SENTENCE_END.test(sentence.trim());
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

/** A caption or a notice set as a paragraph is short; longer paragraphs are prose. */
const FURNITURE_MAX_WORDS = 60;

/**
 * Body sentences that may stand in a summary. A short paragraph with a rights notice in it ("© 2024 …
 * All rights reserved. This material may not be …") is a notice throughout, and a short paragraph with
 * a photo credit is a caption throughout ("Residents carry sandbags on Monday. (Photo: Jane Doe/AP)"),
 * so none of their sentences count, not even the ones that read like prose. In a long paragraph (a wire
 * story pasted or extracted as one block, "… ©2015 The Hollywood Reporter. All rights reserved." at its
 * end) the notice ends the prose: its sentence and those after it go, the story before it stays.
 */
export function candidateSentences(blocks: ArticleBlock[], lang: string): CandidateSentence[] {
  /** [from, to) spans of the text that are furniture. */
  const furniture: Array<[number, number]> = [];
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const end = b.start + b.text.length;
    const short = b.text.split(/\s+/).length <= FURNITURE_MAX_WORDS;
    const notice = RIGHTS_NOTICE.exec(b.text);
    if (short && (notice || PHOTO_CREDIT.test(b.text))) furniture.push([b.start, end]);
    else if (notice) furniture.push([b.start + notice.index, end]);
  }
  const inFurniture = (s: CandidateSentence) => furniture.some(([from, to]) => s.end > from && s.start < to);
  return bodySentences(blocks, lang).filter((s) => !isBoilerplate(s.text) && !inFurniture(s));
}
