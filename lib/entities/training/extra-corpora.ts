/**
 * Readers for the extra German NER corpora in ../shared/data/ner/de-extra, which the German model may
 * learn from as further training domains (see scripts/train-ner.ts). Both give CorpusSentence with
 * IOB2 tags over PER, LOC and ORG only (what the scoring reads; toTrainingTag keeps them as they are).
 *
 * - Europeana Newspapers (`europeana/*.bio`): historical newspapers, OCR text; one `token TAG` per line,
 *   no sentence breaks, `#` comment lines between documents (sbb). The files carry OCR and annotation
 *   slips this reader repairs or drops: a token with a space in it, a line without a tag, tags such as
 *   `B-PEr`, `B_PER`, `B.PER`, and I- tags opening a span.
 * - German Legal Entity Recognition (`ler/*.conll`): court decisions, CRLF line ends, blank line between
 *   sentences, 19 fine-grained tags mapped by LER_TAGS.
 */
import { tokenize } from '../../text/tokens.ts';
import { type CorpusSentence, parseCorpus } from './conll.ts';

const hasLetterOrDigit = (token: string) => /[\p{L}\p{N}]/u.test(token);

type Kind = 'PER' | 'LOC' | 'ORG';

/** LER's fine-grained tags → PER, LOC, ORG; the others (laws, regulations, case law, literature) → O. */
export const LER_TAGS: Readonly<Record<string, Kind>> = {
  PER: 'PER',
  RR: 'PER', // judge
  AN: 'PER', // lawyer
  LD: 'LOC', // country
  ST: 'LOC', // city
  STR: 'LOC', // street
  LDS: 'LOC', // landscape
  ORG: 'ORG',
  UN: 'ORG', // company
  INN: 'ORG', // institution
  GRT: 'ORG', // court
  MRK: 'ORG', // brand
};

/**
 * IOB2 over the kinds `kindOf` maps to (others → O): an I- tag that does not continue a span of its
 * kind opens one, as B-.
 */
function toIob2(tags: readonly string[], kindOf: (type: string) => Kind | undefined): string[] {
  const out: string[] = [];
  let open: Kind | null = null;
  for (const tag of tags) {
    const m = /^([BI])[-_.](\w+)$/.exec(tag);
    const kind = m ? kindOf(m[2]!) : undefined;
    if (!m || !kind) {
      out.push('O');
      open = null;
      continue;
    }
    out.push(m[1] === 'I' && open === kind ? `I-${kind}` : `B-${kind}`);
    open = kind;
  }
  return out;
}

export function parseLer(text: string): CorpusSentence[] {
  return parseCorpus(text).map((s) => ({ tokens: s.tokens, tags: toIob2(s.tags, (t) => LER_TAGS[t]) }));
}

const EUROPEANA_KINDS = new Set<string>(['PER', 'LOC', 'ORG']);
/** A sentence ends after ".", "!", "?" or a run of them ("...", "?!"). */
const SENTENCE_END = /^[.!?…]+$/;
/** An unbroken stretch (a list, a table of OCR debris) is cut at ";" or ":" once this long. */
const LONG_SENTENCE = 60;

export function parseEuropeana(text: string): CorpusSentence[] {
  const sentences: CorpusSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0)
      sentences.push({
        tokens,
        tags: toIob2(tags, (t) => {
          const kind = t.toUpperCase();
          return EUROPEANA_KINDS.has(kind) ? (kind as Kind) : undefined;
        }),
      });
    tokens = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line.startsWith('#')) {
      flush();
      continue;
    }
    if (line === '') continue;
    const space = line.lastIndexOf(' ');
    const last = space < 0 ? line : line.slice(space + 1);
    const tagged = space > 0 && (last === 'O' || /^[BI][-_.]\w+$/.test(last));
    const tag = tagged ? last : 'O';
    // Cut the way the article tokenizer cuts ("vernehmen." → "vernehmen" "."; "Dr." stays whole), so
    // the OCR text's unsplit punctuation ends sentences. Punctuation pieces are O; the first word piece
    // takes the tag and the word pieces right after it continue its span.
    let previous = 'O';
    tokenize(tagged ? line.slice(0, space) : line).forEach(({ text: token }) => {
      const pieceTag = !hasLetterOrDigit(token) ? 'O' : previous === 'O' ? tag : `I${tag.slice(1)}`;
      tokens.push(token);
      tags.push(pieceTag);
      previous = pieceTag;
      if (SENTENCE_END.test(token) || (tokens.length >= LONG_SENTENCE && (token === ';' || token === ':')))
        flush();
    });
  }
  flush();
  return sentences;
}
