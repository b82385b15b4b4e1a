/**
 * What checking the popup's analysis reply costs (lib/messaging.ts). The shipped checker looks at the
 * Analysis's outer shape only; this compares it with a deep valibot check of every entity, mention,
 * quote, block and summary sentence, and with a structured clone (about what crossing from the
 * background to the popup costs anyway), on the seed page and the real page with the largest article.
 * Prints figures, asserts nothing. Run: `npm run bench messages`.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import * as v from 'valibot';
import { toLeanAnalysis } from '../../lib/analysis-lean.ts';
import { analyzeDocument } from '../../lib/analyze.ts';
import { checkBackgroundResponse } from '../../lib/messaging.ts';
import { buildSeedPage } from '../../tests/fixtures/news-page.ts';
import {
  hasSharedData,
  READABILITY_PAGE_URL,
  readReadabilityPage,
} from '../../tests/support/shared-paths.ts';
import { loadModelFromDisk } from '../node-model-loader.ts';

const span = { start: v.number(), end: v.number() };
/** The whole Analysis, field by field, as a deep check would read it. */
const deepReply = v.object({
  ok: v.literal(true),
  cached: v.boolean(),
  highlightKinds: v.array(v.string()),
  analysis: v.looseObject({
    status: v.string(),
    url: v.string(),
    title: v.string(),
    text: v.string(),
    contentHtml: v.string(),
    paragraphs: v.array(v.string()),
    blocks: v.array(v.looseObject({ kind: v.string(), text: v.string(), start: v.number() })),
    entities: v.array(
      v.object({
        id: v.string(),
        name: v.string(),
        kind: v.picklist(['person', 'place', 'organization']),
        count: v.number(),
        aliases: v.array(v.string()),
        firstSentence: v.string(),
        sentences: v.array(v.string()),
        mentions: v.array(v.object({ ...span, text: v.string() })),
      }),
    ),
    quotes: v.array(
      v.object({
        id: v.string(),
        text: v.string(),
        kind: v.picklist(['speech', 'phrase']),
        ...span,
        speaker: v.nullable(v.string()),
        speakerEntityId: v.nullable(v.string()),
      }),
    ),
    summary: v.array(v.object({ text: v.string(), ...span })),
    related: v.array(v.looseObject({ url: v.string(), title: v.string(), host: v.string() })),
    support: v.record(v.string(), v.string()),
    timings: v.record(v.string(), v.number()),
  }),
});

function microseconds(run: () => unknown, times: number): number {
  for (let i = 0; i < Math.min(200, times); i++) run();
  const start = performance.now();
  for (let i = 0; i < times; i++) run();
  return ((performance.now() - start) / times) * 1000;
}

export default async function benchMessages(): Promise<void> {
  if (!hasSharedData) {
    console.log('skipped: no shared data (the seed and guardian-1 pages live there)');
    return;
  }
  const pages = [
    { name: 'seed', html: buildSeedPage() ?? '', url: 'https://news.example/seed' },
    { name: 'guardian-1', html: readReadabilityPage('guardian-1', 'source.html'), url: READABILITY_PAGE_URL },
  ];
  for (const page of pages) {
    const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
    const analysis = await analyzeDocument(dom.window.document, page.url, { loadModel: loadModelFromDisk });
    const reply = { ok: true, analysis, cached: false, highlightKinds: ['person'] };
    if (!v.is(deepReply, reply)) throw new Error(`${page.name}: the deep schema does not fit the analysis`);
    // What the popup really receives: the analysis in its lean shape (entities cite sentences by index).
    const leanReply = { ...reply, analysis: toLeanAnalysis(analysis) };
    const mentions = analysis.entities.reduce((n, entity) => n + entity.mentions.length, 0);
    console.log(
      `${page.name}: ${analysis.entities.length} entities, ${mentions} mentions, ${analysis.quotes.length} quotes, ` +
        `${analysis.blocks.length} blocks, ${(JSON.stringify(reply).length / 1024).toFixed(0)} KiB as JSON, ` +
        `${(JSON.stringify(leanReply).length / 1024).toFixed(0)} KiB lean`,
    );
    const shipped = microseconds(() => checkBackgroundResponse('kontext:analyze-tab', leanReply), 2000);
    const deep = microseconds(() => v.parse(deepReply, reply), 2000);
    const clone = microseconds(() => structuredClone(leanReply), 300);
    console.log(`  shipped outer-shape check (lean) ${shipped.toFixed(1)} µs`);
    console.log(`  deep check (whole analysis)  ${deep.toFixed(1)} µs`);
    console.log(`  structured clone (lean)      ${clone.toFixed(1)} µs`);
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  await benchMessages();
}
