/**
 * Issue 12: credits and page furniture stay in the text but are not read as the story; a photo caption
 * keeps its names but is never an entity's first mention when the story names it too.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze.ts';
import { loadModelFromDisk } from '../../scripts/node-model-loader.ts';
import { buildSeedPage } from '../fixtures/news-page.ts';
import { describeWithSharedData } from '../support/shared-data.ts';

const URL = 'http://127.0.0.1:8080/welt/gipfel';

const PAGE = `<!doctype html><html lang="de"><head><title>Gipfel in Genf</title></head><body><main><article>
<h1>Gipfel in Genf</h1>
<p>Von Anna Berger</p>
<figure><img src="a.jpg"><figcaption>„Wir bleiben hart“: Olaf Scholz bei der Ankunft in Genf.</figcaption></figure>
<figure><img src="b.jpg"><figcaption>Markus Lehmann/AFP/Getty Images</figcaption></figure>
<figure><img src="c.jpg"><figcaption>Flüchtlinge im Tschad im Januar. Foto: Michael Kappeler/dpa</figcaption></figure>
<p>Bundeskanzler Olaf Scholz ist am Montag in Genf mit Vertretern der Vereinten Nationen zusammengetroffen. Bei dem Treffen ging es um die Lage im Sudan und um neue Hilfen für die Flüchtlingslager im Tschad.</p>
<p>„Wir werden die Hilfe verdoppeln“, sagte Scholz nach dem Treffen. Die Vereinten Nationen begrüßten die Zusage und kündigten eine Geberkonferenz im Frühjahr an.</p>
<p>Mitarbeit: Thomas Vogt</p>
</article></main></body></html>`;

describe('analysis of a page with credits and captions', () => {
  it('keeps furniture in the text, reads no names or quotes from it, and never leads a card with a caption', async () => {
    const doc = new JSDOM(PAGE, { url: URL }).window.document;
    const analysis = await analyzeDocument(doc, URL, { loadModel: loadModelFromDisk });
    expect(analysis.status).toBe('ok');
    const kinds = Object.fromEntries(analysis.blocks.map((b) => [b.text, b.kind]));
    expect(kinds['Von Anna Berger']).toBe('credit');
    expect(kinds['Markus Lehmann/AFP/Getty Images']).toBe('credit');
    expect(kinds['Mitarbeit: Thomas Vogt']).toBe('credit');
    expect(analysis.text).toContain('Markus Lehmann/AFP/Getty Images');

    const names = analysis.entities.map((e) => e.name);
    expect(names).toContain('Olaf Scholz');
    for (const credited of ['Anna Berger', 'Markus Lehmann', 'Thomas Vogt', 'AFP', 'Getty Images', 'dpa']) {
      expect(names).not.toContain(credited);
    }
    // A credit at the end of a caption ("… Foto: Michael Kappeler/dpa") is not a person in the story.
    expect(names.filter((name) => name.includes('Kappeler'))).toEqual([]);
    expect(names).toContain('Tschad');
    const scholz = analysis.entities.find((e) => e.name === 'Olaf Scholz')!;
    // The caption names him first, and keeps that mention; the card's first sentence is the story's.
    expect(analysis.text.slice(scholz.mentions[0]!.start).startsWith('Olaf Scholz bei der Ankunft')).toBe(
      true,
    );
    expect(scholz.firstSentence).toMatch(/^Bundeskanzler Olaf Scholz ist am Montag/);

    const quotes = analysis.quotes.map((q) => q.text);
    expect(quotes).toContain('Wir werden die Hilfe verdoppeln');
    expect(quotes).not.toContain('Wir bleiben hart');
  });
});

describeWithSharedData("the seed page's byline", () => {
  // Readability strips class attributes, so the byline ("Von Anna Berger · 2. Januar 2025, 09:30 Uhr")
  // is known by its text alone; before, its author was a person in the popup and led the summary.
  it('is a credit: its author is no name and it is no summary sentence', async () => {
    const url = 'http://127.0.0.1:8080/politik/asien/kim';
    const doc = new JSDOM(buildSeedPage({ origin: 'http://127.0.0.1:8080' })!, { url }).window.document;
    const analysis = await analyzeDocument(doc, url, { loadModel: loadModelFromDisk });
    const byline = analysis.blocks.find((b) => b.text.startsWith('Von Anna Berger'));
    expect(byline?.kind).toBe('credit');
    expect(analysis.entities.map((e) => e.name)).not.toContain('Anna Berger');
    expect(analysis.summary[0]?.text).not.toMatch(/Anna Berger/);
  });
});
