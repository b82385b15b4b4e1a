/**
 * Builds a small, valid Analysis for highlighter tests: blocks with offsets into the joined text, and
 * entity mentions / quotes found by exact search in that text (so every offset is real, none typed in).
 */
import { languageSupport } from '../../../lib/language-support.ts';
import type { Analysis, ArticleBlock, Entity, EntityKind, Quote, QuoteKind } from '../../../lib/types.ts';

export interface EntitySpec {
  name: string;
  kind: EntityKind;
  /** Surface forms to find; defaults to [name]. */
  forms?: string[];
}

export interface QuoteSpec {
  text: string;
  kind?: QuoteKind;
  speaker?: string;
}

function allIndexes(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

export function entityId(kind: EntityKind, name: string): string {
  return `${kind}:${name.toLowerCase()}`;
}

export function makeAnalysis(
  blockTexts: string[],
  entities: EntitySpec[] = [],
  quotes: QuoteSpec[] = [],
  lang = 'de',
): Analysis {
  const blocks: ArticleBlock[] = [];
  let offset = 0;
  for (const text of blockTexts) {
    blocks.push({ kind: 'paragraph', text, start: offset });
    offset += text.length + 2;
  }
  const text = blockTexts.join('\n\n');
  const builtEntities: Entity[] = entities.map((spec) => {
    const mentions = (spec.forms ?? [spec.name])
      .flatMap((form) =>
        allIndexes(text, form).map((start) => ({ start, end: start + form.length, text: form })),
      )
      .sort((a, b) => a.start - b.start);
    if (mentions.length === 0) throw new Error(`fixture: "${spec.name}" does not occur in the text`);
    const first = mentions[0]!.start;
    const lastStop = text.lastIndexOf('. ', first);
    const sentenceStart = Math.max(lastStop < 0 ? 0 : lastStop + 2, text.lastIndexOf('\n', first) + 1);
    const sentenceEnd = text.indexOf('.', first);
    return {
      id: entityId(spec.kind, spec.name),
      name: spec.name,
      kind: spec.kind,
      count: mentions.length,
      aliases: (spec.forms ?? []).filter((f) => f !== spec.name),
      firstSentence: text.slice(sentenceStart, sentenceEnd < 0 ? undefined : sentenceEnd + 1),
      sentences: [],
      mentions,
    };
  });
  const builtQuotes: Quote[] = quotes.map((spec, i) => {
    const start = text.indexOf(spec.text);
    if (start < 0) throw new Error(`fixture: quote "${spec.text}" does not occur in the text`);
    const speaker = spec.speaker ? builtEntities.find((e) => e.name === spec.speaker) : undefined;
    return {
      id: `q${i}`,
      text: spec.text,
      kind: spec.kind ?? 'speech',
      start,
      end: start + spec.text.length,
      speaker: spec.speaker ?? null,
      speakerEntityId: speaker?.id ?? null,
    };
  });
  return {
    status: 'ok',
    message: null,
    url: 'https://news.example/article',
    title: 'Test',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang,
    langSource: 'markup',
    excerpt: null,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    text,
    paragraphs: blockTexts,
    blocks,
    contentHtml: '',
    entities: builtEntities,
    quotes: builtQuotes,
    summary: [],
    related: [],
    support: languageSupport(lang),
    timings: {},
  };
}
