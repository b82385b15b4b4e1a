/**
 * Issue 16: readBlocks reads each Text node chunk by chunk (one regular expression finds the runs of
 * whitespace and invisible characters) instead of character by character. The character-by-character
 * reader it replaced is kept here as the reference: on varied inputs (soft hyphens, zero-width
 * characters, NBSP, CRLF, long runs of spaces, <br>, links, surrogate pairs) both give the same text and
 * the same pieces, down to every raw offset the highlighter maps back into the page.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../lib/extract/blocks.ts';
import type { TextPiece } from '../../lib/extract/types.ts';
import { isInvisibleCode, isSpaceCode } from '../../lib/text/characters.ts';

/** The reference: the per-character BlockBuilder of lib/extract/blocks.ts before issue 16. */
class CharByCharBuilder {
  private readonly chars: string[] = [];
  private endsWithSpace = false;
  readonly pieces: TextPiece[] = [];
  private current: TextPiece | null = null;

  addText(node: Text): void {
    const data = node.data;
    this.current = null;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (isInvisibleCode(code)) continue;
      if (isSpaceCode(code)) {
        if (this.chars.length === 0 || this.endsWithSpace) continue;
        this.push(node, ' ', i);
      } else {
        this.push(node, data[i]!, i);
      }
    }
  }

  addBreak(): void {
    this.current = null;
    if (this.chars.length > 0 && !this.endsWithSpace) {
      this.chars.push(' ');
      this.endsWithSpace = true;
    }
  }

  private push(node: Text, ch: string, rawOffset: number): void {
    const length = this.chars.length;
    if (!this.current || this.current.node !== node || this.current.end !== length) {
      this.current = { node, start: length, end: length, rawOffsets: [] };
      this.pieces.push(this.current);
    }
    this.chars.push(ch);
    this.endsWithSpace = ch === ' ';
    this.current.end += 1;
    this.current.rawOffsets.push(rawOffset);
  }

  finish(): { text: string; pieces: TextPiece[] } | null {
    if (this.endsWithSpace) {
      this.chars.pop();
      const last = this.pieces.at(-1);
      if (last && last.end > this.chars.length) {
        last.end -= 1;
        last.rawOffsets.pop();
        if (last.end === last.start) this.pieces.pop();
      }
    }
    const text = this.chars.join('');
    return text ? { text, pieces: this.pieces } : null;
  }
}

/** The reference reading of one paragraph: its Text nodes and <br>s in document order. */
function referenceRead(paragraph: Element): { text: string; pieces: TextPiece[] } | null {
  const builder = new CharByCharBuilder();
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 0x1 | 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) builder.addText(node as Text);
    else if ((node as Element).tagName === 'BR') builder.addBreak();
  }
  return builder.finish();
}

const doc = new JSDOM('<!doctype html><body></body>').window.document;

/** A <div> holding one <p> of the given parts: strings are Text nodes, 'BR' a break, [tag, s] an element. */
function paragraphOf(parts: Array<string | ['A' | 'SPAN' | 'EM', string]>): { root: Element; p: Element } {
  const root = doc.createElement('div');
  const p = doc.createElement('p');
  root.append(p);
  for (const part of parts) {
    if (part === 'BR') p.append(doc.createElement('br'));
    else if (typeof part === 'string') p.append(doc.createTextNode(part));
    else {
      const element = doc.createElement(part[0]);
      element.append(doc.createTextNode(part[1]));
      p.append(element);
    }
  }
  return { root, p };
}

const summary = (pieces: TextPiece[]) =>
  pieces.map((piece) => ({
    data: piece.node.data,
    start: piece.start,
    end: piece.end,
    raw: piece.rawOffsets,
  }));

function expectSameAsReference(parts: Array<string | ['A' | 'SPAN' | 'EM', string]>): void {
  const { root, p } = paragraphOf(parts);
  const expected = referenceRead(p);
  const blocks = readBlocks(root);
  if (!expected) {
    expect(blocks).toEqual([]);
    return;
  }
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!.text).toBe(expected.text);
  expect(summary(blocks[0]!.pieces)).toEqual(summary(expected.pieces));
  // The same Text nodes, not copies with equal data.
  blocks[0]!.pieces.forEach((piece, i) => {
    expect(piece.node).toBe(expected.pieces[i]!.node);
  });
}

/** Pieces of text the random inputs are made of: every kind of character the reader treats apart. */
const ALPHABET = [
  'a',
  'Nord',
  'ü',
  '😀',
  ' ',
  '   ',
  '\u00a0',
  '\r\n',
  '\t',
  '\n\n',
  '\u000b\u000c',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202f',
  '\u2009',
  '\u3000',
  '\u2028',
  '\u0085',
  '\u180e',
  '.',
];

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function randomOf(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('readBlocks, chunked, against the character-by-character reader', () => {
  it.each([
    ['soft hyphens inside a word', ['Nord\u00adkorea und Süd\u00ad\u00adkorea']],
    ['zero-width characters and a BOM', ['\u200bA\u200cB\u200dC\u2060D\ufeffE']],
    ['NBSP and narrow NBSP', ['10\u00a0000\u202fEuro\u00a0\u00a0\u00a0bis']],
    ['CRLF and tabs', ['erste Zeile\r\nzweite\tZeile\r\n\r\n']],
    ['a long run of spaces', [`Anfang${' '.repeat(10_000)}Ende`]],
    ['only whitespace and invisible characters', [' \u00ad \u200b\n', '\u00a0']],
    ['an invisible character between spaces', ['a \u00ad b', 'c\u00ad d']],
    ['leading and trailing spaces across nodes', ['  a ', ' ', ['A', ' b '], ' c  ']],
    ['breaks between and at the ends', ['BR', 'a', 'BR', 'BR', ' b', 'BR']],
    ['empty Text nodes', ['', 'a', '', ['SPAN', ''], 'b']],
    ['a soft hyphen alone in a node between words', ['Nord', '\u00ad', 'korea']],
  ] as Array<[string, Array<string | ['A' | 'SPAN' | 'EM', string]>]>)('%s', (_name, parts) => {
    expectSameAsReference(parts);
  });

  it('gives the same blocks on 2000 random paragraphs', () => {
    const random = randomOf(16);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let round = 0; round < 2000; round++) {
      const parts: Array<string | ['A' | 'SPAN' | 'EM', string]> = [];
      const nodes = 1 + Math.floor(random() * 5);
      for (let n = 0; n < nodes; n++) {
        let text = '';
        const length = Math.floor(random() * 12);
        for (let i = 0; i < length; i++) text += pick(ALPHABET);
        const shape = random();
        if (shape < 0.1) parts.push('BR');
        else if (shape < 0.3) parts.push([pick(['A', 'SPAN', 'EM'] as const), text]);
        else parts.push(text);
      }
      expectSameAsReference(parts);
    }
  });
});

describe('readBlocks, walking the article', () => {
  it('passes over script, style, template, svg and math with their text, and reads on after them', () => {
    const root = doc.createElement('div');
    root.innerHTML =
      '<p>Eins <span>zwei<script>var x = 1;</script></span><style>p{}</style> drei</p>' +
      '<div><p>vier<svg><text>Grafik</text></svg></p><template><p>Vorlage</p></template></div>' +
      '<p><em><b>fünf<math><mi>x</mi></math></b></em></p><noscript>Hinweis</noscript><p>sechs<br>sieben</p>';
    expect(readBlocks(root).map((block) => block.text)).toEqual([
      'Eins zwei drei',
      'vier',
      'fünf',
      'sechs sieben',
    ]);
  });
});
