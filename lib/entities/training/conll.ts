/**
 * Readers for the two NER corpus formats Kontext trains and evaluates on, and the tag mapping used for
 * scoring: only PER, LOC and ORG count; MISC, OTH and the GermEval -deriv/-part variants become O.
 *
 * - CoNLL-2003: space-separated columns, token first, tag last; `-DOCSTART-` lines; blank line ends a sentence.
 * - GermEval 2014: tab-separated `index, token, outer tag, nested tag`; `#` comment lines before sentences.
 */

export interface CorpusSentence {
  tokens: string[];
  /** Gold IOB2 tags exactly as in the file (empty strings when the file carries none). */
  tags: string[];
}

export type CorpusFormat = 'conll' | 'germeval';

/** GermEval lines are tab-separated with a numeric index first; CoNLL lines are space-separated. */
export function detectFormat(line: string): CorpusFormat {
  return /^\d+\t/.test(line) ? 'germeval' : 'conll';
}

/** Token and tag of one non-blank, non-comment line. */
export function parseCorpusLine(line: string, format: CorpusFormat): { token: string; tag: string } {
  if (format === 'germeval') {
    const cols = line.split('\t');
    return { token: cols[1] ?? '', tag: cols[2] ?? '' };
  }
  const cols = line.split(' ');
  return { token: cols[0] ?? '', tag: cols.length > 1 ? (cols[cols.length - 1] ?? '') : '' };
}

/** Lines that are not tokens and are dropped from tagging output. */
export function isSkippedLine(line: string): boolean {
  return line.startsWith('-DOCSTART-') || line.startsWith('#');
}

export function parseCorpus(text: string): CorpusSentence[] {
  const sentences: CorpusSentence[] = [];
  let format: CorpusFormat | null = null;
  let current: CorpusSentence = { tokens: [], tags: [] };
  const flush = () => {
    if (current.tokens.length > 0) sentences.push(current);
    current = { tokens: [], tags: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (isSkippedLine(line)) {
      // A -DOCSTART- line is followed by a blank line; a GermEval comment starts a new sentence.
      flush();
      continue;
    }
    format ??= detectFormat(line);
    const { token, tag } = parseCorpusLine(line, format);
    current.tokens.push(token);
    current.tags.push(tag);
  }
  flush();
  return sentences;
}

export type ScoredType = 'PER' | 'LOC' | 'ORG';
const SCORED = new Set<string>(['PER', 'LOC', 'ORG']);

/** Maps a corpus tag to the scored tag set: B-/I- PER, LOC, ORG, else O. */
export function toScoredTag(tag: string): string {
  const m = /^([BI])-(.+)$/.exec(tag);
  if (!m) return 'O';
  const type = m[2]!;
  return SCORED.has(type) ? `${m[1]}-${type}` : 'O';
}

/**
 * Maps a corpus tag to the training tag set. MISC and OTH are kept as an extra class MISC, and the
 * GermEval -deriv/-part variants ("deutsche", "Ukraine-Krieg") as DERIV, so the tagger learns that such
 * words are "something else" rather than plain O; both are reported as O.
 */
export function toTrainingTag(tag: string): string {
  const m = /^([BI])-(.+)$/.exec(tag);
  if (!m) return 'O';
  const type = m[2]!;
  if (SCORED.has(type)) return `${m[1]}-${type}`;
  return /(deriv|part)$/.test(type) ? `${m[1]}-DERIV` : `${m[1]}-MISC`;
}
