/**
 * Markdown export: each article with its metadata, summary and text, readable in any editor and by
 * note-taking tools (YAML front matter per article).
 */
import { siteOf } from './normalize-url.ts';
import type { SavedArticle } from './types.ts';

/** Quotes a YAML scalar: JSON strings are valid YAML and escape everything that matters. */
const yaml = (value: string) => JSON.stringify(value);

/** Keeps page text from turning into Markdown structure (headings, lists, links, HTML). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3');
}

export function articleToMarkdown(article: SavedArticle): string {
  const front = [
    '---',
    `title: ${yaml(article.title)}`,
    `url: ${yaml(article.url)}`,
    article.byline ? `author: ${yaml(article.byline)}` : null,
    `site: ${yaml(siteOf(article))}`,
    `lang: ${yaml(article.lang)}`,
    `saved: ${yaml(article.savedAt)}`,
    `reading_minutes: ${article.readingMinutes}`,
    `read: ${article.read}`,
    `tags: [${article.tags.map(yaml).join(', ')}]`,
    '---',
  ].filter((line) => line !== null);
  const out = [...front, '', `# ${escapeMarkdown(article.title)}`, ''];
  out.push(`<${article.url}>`, '');
  if (article.excerpt) out.push(`> ${escapeMarkdown(article.excerpt)}`, '');
  if (article.summary.length > 0) {
    out.push('## Summary', '', ...article.summary.map((s) => `- ${escapeMarkdown(s.text)}`), '');
  }
  if (article.entities.length > 0) {
    out.push('## People, places, organisations', '');
    out.push(...article.entities.map((e) => `- ${escapeMarkdown(e.name)} (${e.kind})`), '');
  }
  out.push('## Text', '');
  const blocks =
    article.blocks.length > 0
      ? article.blocks
      : article.text.split('\n\n').map((text) => ({ kind: 'paragraph', text }));
  for (const block of blocks) {
    if (!block.text.trim()) continue;
    const text = escapeMarkdown(block.text);
    if (block.kind === 'heading') out.push(`### ${text}`, '');
    else if (block.kind === 'list-item') out.push(`- ${text}`, '');
    else if (block.kind === 'blockquote') out.push(`> ${text}`, '');
    else out.push(text, '');
  }
  return out.join('\n');
}

export function libraryToMarkdown(articles: SavedArticle[]): string {
  return `${articles.map(articleToMarkdown).join('\n\n')}\n`;
}
