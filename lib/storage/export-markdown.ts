/**
 * Markdown export: each article with its metadata, summary and text, readable in any editor and by
 * note-taking tools (YAML front matter per article).
 *
 * Every field is page content. A renderer that does not know front matter shows it as Markdown, raw
 * HTML included, so front-matter values carry no character that Markdown or HTML would read: YAML's
 * \uXXXX escapes keep the value exact for YAML readers and inert for everyone else.
 */
import { siteNameOf } from '../url.ts';
import { isStorableUrl } from './record-rules.ts';
import type { SavedArticle } from './types.ts';

/** Characters Markdown or HTML would act on (links, images, emphasis, code, raw HTML, entities, tables). */
const MARKUP_CHARS = /[<>&[\]()`*_!|~#\\]/g;

/** A YAML double-quoted scalar (JSON strings are valid YAML) with markup characters as \uXXXX escapes. */
const yaml = (value: string) =>
  JSON.stringify(value).replace(
    /[<>&[\]()`*_!|~#]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * Keeps page text from turning into Markdown structure (headings, lists, links, HTML, rules): one line,
 * every markup character backslash-escaped, a leading block marker escaped.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKUP_CHARS, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.');
}

/**
 * The article's address as an autolink, serialised by URL (which percent-encodes spaces, quotes and
 * angle brackets, so nothing ends the link early); an address that is not http(s) is text, not a link.
 */
function addressLine(url: string): string {
  return isStorableUrl(url) ? `<${new URL(url).href}>` : escapeMarkdown(url);
}

export function articleToMarkdown(article: SavedArticle): string {
  const front = [
    '---',
    `title: ${yaml(article.title)}`,
    `url: ${yaml(article.url)}`,
    article.byline ? `author: ${yaml(article.byline)}` : null,
    `site: ${yaml(siteNameOf(article))}`,
    `lang: ${yaml(article.lang)}`,
    `saved: ${yaml(article.savedAt)}`,
    `reading_minutes: ${article.readingMinutes}`,
    `read: ${article.read}`,
    `tags: [${article.tags.map(yaml).join(', ')}]`,
    '---',
  ].filter((line) => line !== null);
  const out = [...front, '', `# ${escapeMarkdown(article.title)}`, ''];
  out.push(addressLine(article.url), '');
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
