/**
 * Sentence splitting. A first version on Intl.Segmenter; quotes/summary work refines it
 * (abbreviations such as "z. B.", "Dr.", "U.S.", initials).
 */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

export function splitSentences(text: string, lang: string): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    spans.push({ text: trimmed, start: index + leading, end: index + leading + trimmed.length });
  }
  return spans;
}
