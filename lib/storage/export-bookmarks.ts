/**
 * Netscape bookmark file (the format every browser and read-later service imports): one link per
 * article with its save date, tags (TAGS, as Firefox and Pocket read them) and excerpt as description.
 */
import { isStorableUrl } from './record-rules.ts';
import type { SavedArticle } from './types.ts';

const escapeHtml = (s: string) =>
  s
    // One line per bookmark: importers read this format line by line.
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function articlesToNetscapeBookmarks(articles: SavedArticle[], folderName = 'Kontext'): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    `    <DT><H3>${escapeHtml(folderName)}</H3>`,
    '    <DL><p>',
  ];
  for (const a of articles) {
    // A javascript: or data: address would be a bookmarklet that runs on whatever page is open.
    if (!isStorableUrl(a.url)) continue;
    const added = Math.floor(Date.parse(a.savedAt) / 1000);
    const attrs = [`HREF="${escapeHtml(a.url)}"`, `ADD_DATE="${Number.isFinite(added) ? added : 0}"`];
    if (a.tags.length > 0)
      attrs.push(`TAGS="${escapeHtml(a.tags.map((t) => t.replace(/,/g, ' ')).join(','))}"`);
    // Pocket's export marks archived (read) items this way; others ignore it.
    if (a.read) attrs.push('READ="1"');
    lines.push(`        <DT><A ${attrs.join(' ')}>${escapeHtml(a.title || a.url)}</A>`);
    if (a.excerpt) lines.push(`        <DD>${escapeHtml(a.excerpt)}`);
  }
  lines.push('    </DL><p>', '</DL><p>', '');
  return lines.join('\n');
}
