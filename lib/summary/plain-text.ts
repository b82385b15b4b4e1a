/**
 * Blocks from raw article text (the CLI's plain input, the CNN/DailyMail evaluation set): one block
 * per paragraph, where paragraphs are separated by blank lines, or by single line breaks when the
 * text has no blank lines. Text without any line break is one paragraph.
 */
import type { ArticleBlock } from '../types.ts';

export function blocksFromPlainText(raw: string): { text: string; blocks: ArticleBlock[] } {
  const normalised = raw.replace(/\r\n?/g, '\n');
  const separator = /\n\s*\n/.test(normalised) ? /\n\s*\n/ : /\n/;
  const paragraphs = normalised
    .split(separator)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const blocks: ArticleBlock[] = [];
  let text = '';
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    blocks.push({ kind: 'paragraph', text: paragraph, start: text.length });
    text += paragraph;
  }
  return { text, blocks };
}
