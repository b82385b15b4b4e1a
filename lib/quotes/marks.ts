/**
 * Finds quoted spans by their typography: German „…“ ‚…‘ »…« ›…‹, French/Spanish «…» ‹…›, English
 * “…” ‘…’ and straight "…" '…', Chinese and Japanese 「…」 『…』. Nested quotes stay inside the outermost one. A quote left open at
 * the end of a paragraph continues when the next paragraph reopens it with the same mark (the news
 * convention for quotes over several paragraphs); otherwise the stray mark is ignored.
 */
import type { ArticleBlock } from '../types.ts';

export interface QuotePiece {
  /** Offsets in the article text, inside the marks. */
  start: number;
  end: number;
}

export interface QuotedSpan {
  /** One piece per paragraph; a single-paragraph quote has one. */
  pieces: QuotePiece[];
  /** Offset of the opening mark of the first piece and just past the closing mark of the last. */
  outerStart: number;
  outerEnd: number;
  openMark: string;
}

/** Closing marks for each opening mark. */
const CLOSERS: Record<string, string> = {
  '„': '“”',
  '‚': '‘’',
  '“': '”',
  '‘': '’',
  '»': '«',
  '«': '»',
  '›': '‹',
  '‹': '›',
  '"': '"',
  "'": "'",
  '「': '」',
  '『': '』',
};

const WORD = /[\p{L}\p{N}]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
/** Characters after which an opening mark may stand. */
const OPEN_CONTEXT = /[\s([{\-–—/:;,]/;
const APOSTROPHE_LIKE = new Set(['’', "'", '‘']);
/** Chinese and Japanese put marks straight after a letter (他说“…”, 「…」と言った): no space before. */
const UNSPACED_OR_FULLWIDTH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}：，；（、。]/u;
/** Every character that can open or close a quote; all others are skipped at once. */
const MARKS = new Set([...Object.keys(CLOSERS), ...Object.values(CLOSERS).join('')]);

function canOpen(mark: string, prev: string | undefined, next: string | undefined): boolean {
  if (next === undefined) return false;
  const prevOk =
    prev === undefined || OPEN_CONTEXT.test(prev) || prev in CLOSERS || UNSPACED_OR_FULLWIDTH.test(prev);
  if (APOSTROPHE_LIKE.has(mark)) return prevOk && isWord(next);
  if (mark === '"') return prevOk && !isSpace(next);
  if (mark === '«' || mark === '»' || mark === '‹' || mark === '›')
    return !isWord(prev) || prev === undefined;
  return prevOk || mark === '„' || mark === '‚' || mark === '「' || mark === '『';
}

function canClose(mark: string, prev: string | undefined, next: string | undefined): boolean {
  // An apostrophe inside a word ("don’t", "war’s") is not a closing mark.
  if (APOSTROPHE_LIKE.has(mark) && isWord(prev) && isWord(next)) return false;
  if (mark === '"' || mark === "'") return !isSpace(prev);
  return true;
}

interface OpenQuote {
  mark: string;
  contentStart: number;
}

/** Finds the top-level quoted spans of the article, in order. */
export function findQuotedSpans(text: string, blocks: ArticleBlock[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  /** A top-level quote still open at the end of the previous paragraph. */
  let carried: { mark: string; pieces: QuotePiece[]; outerStart: number } | null = null;

  for (const block of blocks) {
    const t = block.text;
    let from = 0;
    const stack: OpenQuote[] = [];
    let pieces: QuotePiece[] = [];
    let outerStart = -1;

    if (carried) {
      const lead = t.length - t.trimStart().length;
      if (t[lead] === carried.mark) {
        stack.push({ mark: carried.mark, contentStart: lead + 1 });
        pieces = carried.pieces;
        outerStart = carried.outerStart;
        from = lead + 1;
      }
      carried = null;
    }

    for (let i = from; i < t.length; i++) {
      const ch = t[i]!;
      if (!MARKS.has(ch)) continue;
      const prev = i > 0 ? t[i - 1] : undefined;
      const next = i + 1 < t.length ? t[i + 1] : undefined;
      // Closing first: a mark that closes any open quote closes it (and drops unclosed inner ones).
      let closedAt = -1;
      if (canClose(ch, prev, next)) {
        for (let k = stack.length - 1; k >= 0; k--) {
          if (CLOSERS[stack[k]!.mark]?.includes(ch)) {
            closedAt = k;
            break;
          }
        }
      }
      if (closedAt >= 0) {
        const closed = stack[closedAt]!;
        stack.length = closedAt;
        if (closedAt === 0) {
          pieces.push({ start: block.start + closed.contentStart, end: block.start + i });
          spans.push({
            pieces,
            outerStart: outerStart >= 0 ? outerStart : block.start + closed.contentStart - 1,
            outerEnd: block.start + i + 1,
            openMark: closed.mark,
          });
          pieces = [];
          outerStart = -1;
        }
        continue;
      }
      const straightAlreadyOpen = (ch === '"' || ch === "'") && stack.some((q) => q.mark === ch);
      if (ch in CLOSERS && !straightAlreadyOpen && canOpen(ch, prev, next)) {
        if (stack.length === 0 && outerStart < 0) outerStart = block.start + i;
        stack.push({ mark: ch, contentStart: i + 1 });
      }
    }

    const bottom = stack[0];
    if (bottom && !APOSTROPHE_LIKE.has(bottom.mark)) {
      pieces.push({ start: block.start + bottom.contentStart, end: block.start + t.length });
      carried = { mark: bottom.mark, pieces, outerStart };
    }
  }
  return spans
    .map((span) => ({ ...span, pieces: span.pieces.map((p) => trimPiece(text, p)) }))
    .filter((span) => span.pieces.some((p) => WORD.test(text.slice(p.start, p.end))));
}

/** Trims white space inside the marks (French « texte », trailing space before a reopened paragraph). */
function trimPiece(text: string, piece: QuotePiece): QuotePiece {
  let { start, end } = piece;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
