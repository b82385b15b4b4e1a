/**
 * Direct quotations with their speakers: typography (marks.ts), speech or phrase (kind.ts), who
 * said it (attribution.ts) and to which entity that resolves (resolve.ts). In languages without
 * speaker support only unambiguous quotations are kept, without speakers (unambiguous.ts).
 */
import { languageSupport } from '../language-support.ts';
import { type Token, tokenizeRange } from '../text/tokens.ts';
import { type ArticleBlock, type Entity, isContentBlock, type Quote } from '../types.ts';
import {
  addressedName,
  anonymousAfter,
  anonymousBefore,
  clauseSubject,
  hasSpeechVerb,
  introducingSubject,
  possessiveIntroduction,
  pronounSubject,
  speakerAfter,
  speakerBefore,
  speakerLaterAfter,
  speakerNextSentence,
  subjectOf,
} from './attribution.ts';
import { classifyQuote } from './kind.ts';
import { ORG_NOUN } from './lexicon.ts';
import { findQuotedSpans, type QuotedSpan } from './marks.ts';
import { readNounPhraseForward } from './noun-phrase.ts';
import { NO_SPEAKER, SPEAKER_CONFIDENCE, type Speaker, SpeakerResolver } from './resolve.ts';
import { isUnambiguousQuote } from './unambiguous.ts';

export { findQuotedSpans } from './marks.ts';

/** A sentence that introduces a statement rather than a person's words. */
const STATEMENT = /(?:\b(?:heißt|hieß) es|\bstatement|stellungnahme|mitteilung|erklärung)\b/iu;

/** How far around a quote attribution is looked for. */
const WINDOW = 160;

function blockIndexAt(blocks: ArticleBlock[], offset: number): number {
  let found = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.start <= offset) found = i;
    else break;
  }
  return found;
}

/** Start of the sentence holding `offset`, not before `floor`. */
function sentenceStart(text: string, floor: number, offset: number): number {
  const slice = text.slice(floor, offset);
  let start = floor;
  for (const match of slice.matchAll(/[.!?…]["“”»«’]?\s+(?=\P{Ll}|$)/gu)) {
    start = floor + (match.index ?? 0) + match[0].length;
  }
  return start;
}

export function findQuotes(
  article: { text: string; blocks: ArticleBlock[]; lang: string },
  entities: Entity[],
): Quote[] {
  const { text, blocks, lang } = article;
  const support = languageSupport(lang);
  // Quotes in credits, page furniture and photo captions are not speech in the story (a caption's
  // pull-quote repeats one from the text, or is a headline's).
  const spans = findQuotedSpans(text, blocks).filter((span) => {
    const kind = blocks[blockIndexAt(blocks, span.outerStart)]?.kind;
    if (kind === undefined || !isContentBlock(kind) || kind === 'caption') return false;
    return support.quotes === 'full' || isUnambiguousQuote(span, quoteTextOf(text, span));
  });
  const resolver = new SpeakerResolver(
    text,
    entities,
    spans.map((s) => ({ start: s.outerStart, end: s.outerEnd })),
    lang,
  );
  const quotes: Quote[] = [];
  const confidences = new Map<Quote, number>();
  const speakerOf = (quote: Quote): Speaker => ({
    speaker: quote.speaker,
    speakerEntityId: quote.speakerEntityId,
    confidence: quote.speakerUnclear ? 0 : (confidences.get(quote) ?? 0),
  });
  let previous: { quote: Quote; block: number } | null = null;
  /** Who answered the last question of an interview set without quotation marks. */
  let lastAnswer: Speaker | null = null;
  /** Speakers guessed from the paragraph before, taken only where nothing surer is found. */
  const fallbacks = new Map<number, Speaker>();

  spans.forEach((span: QuotedSpan, index) => {
    const firstBlock = blockIndexAt(blocks, span.outerStart);
    const lastBlock = blockIndexAt(blocks, span.outerEnd - 1);
    const prevQuote = quotes[index - 1];
    const prevSpan = spans[index - 1];
    const nextSpan = spans[index + 1];
    const blockFloor = blocks[firstBlock]!.start;
    // A speech quote before ends the context; a phrase quote is part of the reporter's sentence.
    const prevEnd = prevSpan && prevQuote?.kind === 'speech' ? prevSpan.outerEnd : 0;
    const floor = Math.max(blockFloor, prevEnd);
    const beforeStart = Math.max(sentenceStart(text, floor, span.outerStart), span.outerStart - WINDOW);
    const before = text.slice(beforeStart, span.outerStart);

    const last = blocks[lastBlock]!;
    const blockEnd = last.start + last.text.length;
    const afterLimit = Math.min(blockEnd, nextSpan ? nextSpan.outerStart : blockEnd, span.outerEnd + WINDOW);
    const afterTokens = tokenizeRange(text, span.outerEnd, afterLimit);
    const stop = afterTokens.findIndex((t, i) => i > 0 && /^[.!?;]$/.test(t.text));
    const afterSentence = stop >= 0 ? afterTokens.slice(0, stop) : afterTokens;

    const pieces = span.pieces;
    const quoteText = quoteTextOf(text, span);
    const after = speakerAfter(afterSentence, resolver);
    // „Ich nehme das ernst“, sagte Özdemir, „aber …“: the second half of a quote split by its attribution.
    const splitHalf =
      prevQuote?.kind === 'speech' &&
      prevSpan !== undefined &&
      blockIndexAt(blocks, prevSpan.outerEnd) === firstBlock &&
      splitBetween(text.slice(prevSpan.outerEnd, span.outerStart), prevQuote.text);
    const kind = splitHalf
      ? 'speech'
      : classifyQuote({
          quoteText,
          before,
          attributedAfter: after !== null,
          multiParagraph: pieces.length > 1,
          lang,
        });
    // A quote that opens its paragraph after "Im Parlament sagte er:" is introduced by the paragraph before.
    const previousBlock = blocks[firstBlock - 1];
    const introducedAbove =
      before.trim() === '' &&
      previousBlock !== undefined &&
      /:\s*$/.test(previousBlock.text) &&
      firstBlock > 0;
    const introStart = introducedAbove
      ? sentenceStart(text, previousBlock.start, previousBlock.start + previousBlock.text.length)
      : beforeStart;
    const introEnd = introducedAbove ? previousBlock.start + previousBlock.text.length : span.outerStart;
    const beforeTokens = tokenizeRange(text, introStart, introEnd);
    // The two halves of a split quote share the one attribution between them.
    const splitSpeaker = splitHalf && prevQuote?.speaker ? speakerOf(prevQuote) : null;
    let speaker: Speaker | null =
      splitSpeaker ??
      after ??
      speakerBefore(beforeTokens, resolver) ??
      speakerLaterAfter(afterSentence, resolver) ??
      speakerNextSentence(/[.!?…]$/u.test(quoteText) ? afterSentence : afterTokens.slice(stop + 1), resolver);
    if (!speaker && splitHalf && prevQuote) speaker = speakerOf(prevQuote);
    // „In einer Stellungnahme der Stadtwerke heißt es:“, "In a statement from the club:".
    if (!speaker && kind === 'speech' && /:\s*$/.test(before) && STATEMENT.test(before)) {
      // An organisation noun in the introduction: „des Konzerns“, "the museum said in a statement".
      const noun = before.split(/[^\p{L}]+/u).find((word) => ORG_NOUN.test(word));
      speaker =
        resolver.organisationWithin(beforeStart, span.outerStart) ??
        resolver.statementAuthor(before) ??
        (noun ? resolver.organisation(span.outerStart, noun) : null);
    }
    // „…“, heißt es in einer Erklärung des Verbands: the statement named after the quote.
    const afterWords = afterSentence.map((t) => t.text).join(' ');
    if (
      !speaker &&
      kind === 'speech' &&
      /^,? ?(?:heißt|hieß) es\b/u.test(afterWords) &&
      STATEMENT.test(afterWords)
    ) {
      const end = afterSentence.at(-1)?.end ?? span.outerEnd;
      const noun = afterWords.split(/[^\p{L}]+/u).find((word) => ORG_NOUN.test(word));
      speaker =
        resolver.organisationWithin(span.outerEnd, end) ??
        resolver.statementAuthor(afterWords) ??
        (noun ? resolver.organisation(span.outerStart, noun) : null);
    }
    // „Blume antwortete ausweichend. „…““: a quote opening its sentence after one that says who speaks.
    // Not when the quote's own attribution names someone unnamed („…“, sagte ein Polizeisprecher): the
    // sentence before („Die Polizei ermittelt.“) names the institution, not its spokesperson.
    if (
      !speaker &&
      kind === 'speech' &&
      before.trim() === '' &&
      beforeStart > floor &&
      !anonymousAfter(afterSentence)
    ) {
      const previousSentence = tokenizeRange(text, sentenceStart(text, floor, beforeStart - 2), beforeStart);
      // „„A“, sagte der Österreicher. „B““: that sentence is A's attribution; B goes on with A's speaker.
      const attributesPrevious = prevEnd === floor && prevQuote?.speaker != null;
      const said =
        attributesPrevious && prevQuote
          ? speakerOf(prevQuote)
          : (speakerBefore(previousSentence, resolver) ??
            gestureSubject(previousSentence, resolver) ??
            // Not when the quote's own attribution names no one („…“, schrieb das Papier).
            (hasSpeechVerb(afterSentence)
              ? null
              : (pronounSubject(previousSentence, resolver) ??
                narrativeSubject(previousSentence, resolver) ??
                introducingSubject(previousSentence, resolver))));
      if (said) speaker = attributesPrevious ? said : { ...said, confidence: said.confidence * 0.9 };
    }
    // "Okafor verweist auf Wien: „…“": a quote introduced by a colon belongs to the clause's subject.
    // "His sister, Claire Reilly, read it outside the station:" closing the paragraph before, too.
    if (!speaker && kind === 'speech' && (/:\s*$/.test(before) || introducedAbove)) {
      speaker =
        subjectOf(beforeTokens, resolver) ??
        possessiveIntroduction(beforeTokens, resolver) ??
        introducingSubject(beforeTokens, resolver);
    }
    // A name or title in quotation marks („Rheinische Post“, the band „Nachtfalter“) has no speaker.
    if (kind === 'phrase' && entities.some((e) => [e.name, ...e.aliases].includes(quoteText))) speaker = null;
    // An unattributed quote that goes on from the previous speaker's quote is theirs too.
    const continues =
      previous !== null &&
      previous.quote.kind === 'speech' &&
      (previous.block === firstBlock ||
        (text.slice(blockFloor, span.outerStart).trim() === '' &&
          onlyAsidesBetween(blocks, previous.block, firstBlock)));
    const anonymous = anonymousAfter(afterSentence) || anonymousBefore(beforeTokens);
    if (!speaker && kind === 'speech' && continues && previous && !anonymous) {
      const answer = previous.block < firstBlock ? answererOf(quotes, previous.quote) : null;
      // „Frau Vogt, haben Sie …?“ – „Nein …“: the words after a question put to someone are theirs.
      const asked = /\?$/.test(previous.quote.text) ? addressedName(previous.quote.text) : null;
      const addressee = asked ? resolver.personNamed(asked) : null;
      speaker =
        addressee ??
        (answer
          ? { ...speakerOf(answer), confidence: speakerOf(answer).confidence * 0.9 }
          : speakerOf(previous.quote));
    }
    // A speech opening its paragraph with no attribution anywhere, after a paragraph about one person
    // („Bürgermeister X hat eine Rede gehalten. Wir dokumentieren einen Auszug.“): that person's,
    // unless a repeated quote names someone else (see attributeRepeatedQuotes).
    if (
      !speaker &&
      kind === 'speech' &&
      !continues &&
      !anonymous &&
      text.slice(blockFloor, span.outerStart).trim() === '' &&
      previousBlock &&
      !hasSpeechVerb(afterSentence)
    ) {
      const guess = resolver.onlyPersonWithin(
        previousBlock.start,
        previousBlock.start + previousBlock.text.length,
      );
      if (guess) fallbacks.set(index, guess);
    }
    // An interview's answer: a quote opening its paragraph after a question set without marks.
    const opensParagraph = text.slice(blockFloor, span.outerStart).trim() === '';
    if (!speaker && kind === 'speech' && opensParagraph && !anonymous && isQuestion(previousBlock)) {
      speaker = interviewee(previousBlock!, blocks.slice(0, firstBlock), resolver, lastAnswer);
      if (speaker) lastAnswer = speaker;
    }
    const resolved = (support.speakers === 'full' ? speaker : null) ?? NO_SPEAKER;
    const unclear = resolved.speaker !== null && resolved.confidence < SPEAKER_CONFIDENCE;
    const quote: Quote = {
      id: `quote-${pieces[0]!.start}`,
      text: quoteText,
      kind,
      start: pieces[0]!.start,
      end: pieces[pieces.length - 1]!.end,
      speaker: unclear ? null : resolved.speaker,
      speakerEntityId: unclear ? null : resolved.speakerEntityId,
      ...unclearMarks(unclear, resolved.speakerEntityId),
    };
    confidences.set(quote, unclear ? 0 : resolved.confidence);
    quotes.push(quote);
    if (kind === 'speech') previous = { quote, block: lastBlock };
  });
  attributeRepeatedQuotes(quotes);
  if (support.speakers === 'full') {
    for (const [index, guess] of fallbacks) {
      const quote = quotes[index]!;
      if (quote.speaker !== null || quote.speakerUnclear) continue;
      // A guess from context never makes someone the speaker of a question put to them.
      const asked = addressedName(quote.text);
      if (asked && guess.speaker?.split(' ').at(-1) === asked) continue;
      quote.speaker = guess.speaker;
      quote.speakerEntityId = guess.speakerEntityId;
    }
  }
  if (support.quotes !== 'full') return quotes;
  const inner = quotes.flatMap((quote, index) =>
    quote.kind === 'speech' ? innerQuotes(text, spans[index]!, resolver, support.speakers === 'full') : [],
  );
  return inner.length ? [...quotes, ...inner].sort((a, b) => a.start - b.start) : quotes;
}

/**
 * Quotes inside a quote ("He told me, ‘Call me back tomorrow,’ and hung up," she said): each is a
 * quote of its own, said by whoever the outer speaker's words name before it ("He" → the nearest man
 * named in the story), or by nobody named („Mein Partner sagte: ‚…‘“).
 */
function innerQuotes(
  text: string,
  span: QuotedSpan,
  resolver: SpeakerResolver,
  withSpeakers: boolean,
): Quote[] {
  const found: Quote[] = [];
  for (const piece of span.pieces) {
    const block: ArticleBlock = {
      kind: 'paragraph',
      text: text.slice(piece.start, piece.end),
      start: piece.start,
    };
    for (const inner of findQuotedSpans(text, [block])) {
      const innerPiece = inner.pieces[0]!;
      const quoteText = text.slice(innerPiece.start, innerPiece.end);
      const before = text.slice(sentenceStart(text, piece.start, inner.outerStart), inner.outerStart);
      const afterTokens = tokenizeRange(text, inner.outerEnd, piece.end);
      const stop = afterTokens.findIndex((t, i) => i > 0 && /^[.!?;]$/.test(t.text));
      const after = withSpeakers
        ? speakerAfter(stop >= 0 ? afterTokens.slice(0, stop) : afterTokens, resolver)
        : null;
      const kind = classifyQuote({
        quoteText,
        before,
        attributedAfter: after !== null,
        multiParagraph: false,
      });
      const beforeTokens = tokenizeRange(text, piece.start, inner.outerStart);
      // „Die Ministerin hat selbst gesagt: ‚…‘“: the clause's subject introduces the inner quote.
      const subject = /[:,]\s*$/.test(before) ? clauseSubject(beforeTokens) : null;
      const speaker =
        (withSpeakers
          ? (after ?? speakerBefore(beforeTokens, resolver) ?? (subject ? resolver.resolve(subject) : null))
          : null) ?? NO_SPEAKER;
      const unclear = speaker.speaker !== null && speaker.confidence < SPEAKER_CONFIDENCE;
      found.push({
        id: `quote-${innerPiece.start}`,
        text: quoteText,
        kind,
        start: innerPiece.start,
        end: innerPiece.end,
        speaker: unclear ? null : speaker.speaker,
        speakerEntityId: unclear ? null : speaker.speakerEntityId,
        ...unclearMarks(unclear, speaker.speakerEntityId),
      });
    }
  }
  return found;
}

/**
 * "Asked whether the race was over, Arteta smiled. “Ask me in May.”": a sentence ending in a short
 * clause of a person and one verb (smiled, laughed, shrugged) hands the next words to that person.
 */
function gestureSubject(sentence: Token[], resolver: SpeakerResolver): Speaker | null {
  const end = sentence.at(-1)?.text === '.' ? sentence.length - 1 : sentence.length;
  let comma = -1;
  for (let k = 0; k < end; k++) if (sentence[k]!.text === ',') comma = k;
  const clause = sentence.slice(comma + 1, end);
  const subject = subjectOf(clause, resolver);
  const phrase = subject ? readNounPhraseForward(clause, 0) : null;
  if (!phrase || clause.length - phrase.next !== 1 || !/^\p{Ll}+$/u.test(clause.at(-1)!.text)) return null;
  return subject;
}

/**
 * „Wimmer bleibt skeptisch. „…““, „Dresdens Kapitänin Antje Reinhold war den Tränen nahe. „…““: a
 * sentence that opens with a person and names nobody else hands the next words to that person.
 */
function narrativeSubject(sentence: Token[], resolver: SpeakerResolver): Speaker | null {
  const subject = subjectOf(sentence, resolver);
  if (!subject || !resolver.isPerson(subject) || sentence.length === 0) return null;
  const only = resolver.onlyPersonWithin(sentence[0]!.start, sentence.at(-1)!.end);
  return only?.speakerEntityId === subject.speakerEntityId ? subject : null;
}

/** A paragraph that is a question put without quotation marks: an interviewer's turn. */
function isQuestion(block: ArticleBlock | undefined): boolean {
  return block?.kind === 'paragraph' && /\?\s*$/u.test(block.text) && !/["“”„«»]/u.test(block.text);
}

/**
 * The one an interview question without marks is put to: the person it addresses („Frau Albers,
 * …?“), else whoever answered the question before, else the one person the article's first
 * paragraph that names anyone names („Seit einem Jahr trainiert Katrin Albers …“).
 */
function interviewee(
  question: ArticleBlock,
  before: ArticleBlock[],
  resolver: SpeakerResolver,
  lastAnswer: Speaker | null,
): Speaker | null {
  const asked = addressedName(question.text);
  const addressee = asked ? resolver.personNamed(asked) : null;
  if (addressee) return addressee;
  if (lastAnswer) return lastAnswer;
  for (const block of before) {
    if (!isContentBlock(block.kind)) continue;
    const only = resolver.onlyPersonWithin(block.start, block.start + block.text.length);
    if (only) return only;
  }
  return null;
}

/**
 * An interview's turns: a paragraph of unattributed words after a question put by someone who was
 * answered by another person before ("“Do you regret that?”" / "“Not for a second.”") is that other
 * person's answer, not more of the question.
 */
function answererOf(quotes: Quote[], question: Quote): Quote | null {
  if (!/\?$/.test(question.text) || question.speaker === null) return null;
  // Only in a back-and-forth: the words just before the question are the other person's.
  const before = quotes
    .filter((q) => q.kind === 'speech' && q.speaker !== null && q.start < question.start)
    .at(-1);
  return before && before.speaker !== question.speaker ? before : null;
}

/**
 * Text between two quotes that makes them halves of one split by its attribution: „…“, sagte Özdemir,
 * „…“ (comma outside the marks), or English "…," he said, "…" (comma inside the first half).
 */
function splitBetween(between: string, firstHalf: string): boolean {
  if (/^\s*,[^.!?:;"“”„«»]{1,80},\s*$/u.test(between)) return true;
  return /,$/.test(firstHalf) && /^\s+[^.!?:;,"“”„«»]{1,80},\s*$/u.test(between);
}

/**
 * Blocks between a quote's paragraph and the one after the previous speaker's quote that do not
 * interrupt the speaker: page furniture, captions and link lines (no sentence end), at most two.
 */
function onlyAsidesBetween(blocks: ArticleBlock[], previous: number, next: number): boolean {
  if (next - previous < 1 || next - previous > 3) return false;
  return blocks
    .slice(previous + 1, next)
    .every(
      (b) =>
        !isContentBlock(b.kind) ||
        b.kind === 'caption' ||
        (b.kind === 'paragraph' && !/[.!?…:"“”’]\s*$/u.test(b.text)),
    );
}

/** The fields of an attribution too unsure to name: the flag, and the entity it pointed to if any. */
function unclearMarks(
  unclear: boolean,
  candidate: string | null,
): Pick<Quote, 'speakerUnclear' | 'speakerCandidateId'> {
  if (!unclear) return {};
  return candidate ? { speakerUnclear: true, speakerCandidateId: candidate } : { speakerUnclear: true };
}

/** The quoted words, one space between the paragraphs of a quote over several. */
function quoteTextOf(text: string, span: QuotedSpan): string {
  return span.pieces.map((p) => text.slice(p.start, p.end)).join(' ');
}

const normaliseQuote = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A pull quote (a quote set apart between paragraphs) repeats words said elsewhere in the article:
 * an unattributed quote whose words occur in an attributed one is given that speaker.
 */
function attributeRepeatedQuotes(quotes: Quote[]): void {
  const attributed = quotes
    .filter((q) => q.speaker !== null && q.kind === 'speech')
    .map((q) => ({ quote: q, words: normaliseQuote(q.text) }));
  for (const quote of quotes) {
    if (quote.speaker !== null || quote.kind !== 'speech') continue;
    const words = normaliseQuote(quote.text);
    if (words.split(' ').length < 4) continue;
    const source = attributed.find((a) => a.quote !== quote && a.words.includes(words))?.quote;
    if (source) {
      quote.speaker = source.speaker;
      quote.speakerEntityId = source.speakerEntityId;
    }
  }
}
