/** Entity spans of a BIO tag sequence: what the tagger emits, read by the recogniser and the span rules. */

export interface Span {
  start: number;
  end: number;
  type: string;
}

/** Entity spans (token indices, end exclusive) of an IOB2 (or IOB1-tolerant) tag sequence. */
export function tagsToSpans(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  tags.forEach((tag, i) => {
    const m = /^([BI])-(.+)$/.exec(tag);
    if (!m) {
      if (open) spans.push(open);
      open = null;
      return;
    }
    const [, bi, type] = m as unknown as [string, string, string];
    if (open && bi === 'I' && open.type === type) {
      open.end = i + 1;
      return;
    }
    if (open) spans.push(open);
    open = { start: i, end: i + 1, type };
  });
  if (open) spans.push(open);
  return spans;
}
