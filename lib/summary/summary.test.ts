import { describe, expect, it } from 'vitest';
import { parsePlainArticle, readSeedArticle } from '../../tests/fixtures/news-page.ts';
import { buildArticle, buildEntities } from '../../tests/fixtures/quotes-gold/build.ts';
import { describeWithSharedData } from '../../tests/support/shared-data.ts';
import type { ArticleBlock } from '../types.ts';
import { isBoilerplate } from './candidates.ts';
import { blocksFromPlainText, lead3, maxOf, summarize } from './index.ts';

function article(blocks: Array<[ArticleBlock['kind'], string]>, lang = 'en') {
  let text = '';
  const out: ArticleBlock[] = [];
  for (const [kind, t] of blocks) {
    if (text) text += '\n\n';
    out.push({ kind, text: t, start: text.length });
    text += t;
  }
  return { text, blocks: out, lang };
}

const NEWS = article([
  ['heading', 'Storm floods the harbour town of Kelby overnight'],
  [
    'paragraph',
    'A heavy storm flooded the harbour town of Kelby overnight, forcing hundreds of residents to leave their homes.',
  ],
  ['caption', 'Residents of Kelby carry sandbags through the flooded harbour street on Monday morning.'],
  ['paragraph', 'Read more: How coastal towns prepare for storms and floods in the harbour region.'],
  [
    'paragraph',
    'The mayor of Kelby, Joan Pike, said the flood defences in the harbour had failed shortly after midnight.',
  ],
  ['list-item', 'Storm news: the latest flood warnings for Kelby and the harbour coast'],
  ['paragraph', 'Emergency crews rescued forty people from flooded houses near the harbour by boat.'],
  [
    'paragraph',
    'The weather service expects the storm to weaken by Tuesday, but more rain is forecast for the coast.',
  ],
  [
    'paragraph',
    'A local bakery handed out free bread and coffee to volunteers who filled sandbags all night.',
  ],
  [
    'paragraph',
    'Pike said the town would ask the government for emergency funds to repair the harbour defences.',
  ],
  ['paragraph', 'The storm is the third to hit the coast this winter, after two smaller storms in December.'],
]);

describe('summarize', () => {
  it('picks 3 sentences (short) or 5 (long) in reading order, with offsets into the text', () => {
    for (const [length, count] of [
      ['short', 3],
      ['long', 5],
    ] as const) {
      const summary = summarize(NEWS, { length });
      expect(summary).toHaveLength(count);
      for (const s of summary) expect(NEWS.text.slice(s.start, s.end)).toBe(s.text);
      expect(summary.map((s) => s.start)).toEqual([...summary.map((s) => s.start)].sort((a, b) => a - b));
    }
  });

  it('never picks headings, captions, list items or "Read more" boilerplate', () => {
    const summary = summarize(NEWS, { length: 'long' }).map((s) => s.text);
    expect(summary.some((s) => s.startsWith('Storm floods'))).toBe(false);
    expect(summary.some((s) => s.startsWith('Residents of Kelby'))).toBe(false);
    expect(summary.some((s) => s.startsWith('Read more'))).toBe(false);
    expect(summary.some((s) => s.startsWith('Storm news'))).toBe(false);
  });

  it('starts with the lead sentence of a news article', () => {
    expect(summarize(NEWS)[0]?.text).toMatch(/^A heavy storm flooded/);
  });

  it('skips German boilerplate such as "Lesen Sie auch" and "Mehr zum Thema"', () => {
    const de = article(
      [
        [
          'paragraph',
          'Der Stadtrat von Lindau hat am Montag den Bau einer neuen Brücke über den Hafen beschlossen.',
        ],
        ['paragraph', 'Lesen Sie auch: Warum die alte Brücke in Lindau seit Jahren ein Sanierungsfall ist.'],
        ['paragraph', 'Mehr zum Thema: Brücken, Hafen und Verkehr in Lindau und am Bodensee.'],
        ['paragraph', 'Die Brücke soll rund zwölf Millionen Euro kosten und bis 2028 fertig sein.'],
        ['paragraph', 'Bürgermeisterin Anna Roth sprach von einem wichtigen Tag für den Hafen von Lindau.'],
      ],
      'de',
    );
    const texts = summarize(de).map((s) => s.text);
    expect(texts).toHaveLength(3);
    expect(texts.some((t) => /^(Lesen Sie auch|Mehr zum Thema)/.test(t))).toBe(false);
  });

  it('does not pick a near-duplicate of a sentence it already picked', () => {
    const dup = article([
      ['paragraph', 'The central bank raised interest rates by half a point on Thursday to fight inflation.'],
      ['paragraph', 'On Thursday the central bank raised interest rates by half a point to fight inflation.'],
      ['paragraph', 'Economists had expected a smaller rise of a quarter point after weak growth figures.'],
      ['paragraph', 'Mortgage holders will pay more from next month, the bank said in its statement.'],
      ['paragraph', 'The governor said further rises could follow if prices keep climbing this year.'],
    ]);
    const texts = summarize(dup).map((s) => s.text);
    expect(texts.filter((t) => /raised interest rates by half a point/.test(t))).toHaveLength(1);
  });

  it('favours sentences about the main entities', () => {
    const paragraphs = [
      'The festival opened on Friday with a concert in the old market square.',
      'Tickets sold out within hours of the programme being published in March.',
      'Many visitors travelled from neighbouring countries for the first weekend.',
      'Food stalls and a small fair kept families busy between the concerts.',
      'Organisers said the weather had been kind to them for once this year.',
      'Maria Lenz, who founded the festival, thanked the volunteers on stage.',
      'The programme continues until Sunday with jazz and folk music.',
    ];
    const plain = buildArticle(paragraphs, 'en');
    const entities = buildEntities(plain.text, [{ name: 'Maria Lenz', kind: 'person' }]);
    entities[0]!.count = 12; // the article's main person, mentioned often elsewhere
    const withEntities = summarize(plain, { entities }).map((s) => s.text);
    const without = summarize(plain).map((s) => s.text);
    expect(withEntities.some((t) => t.startsWith('Maria Lenz'))).toBe(true);
    expect(without.some((t) => t.startsWith('Maria Lenz'))).toBe(false);
  });

  it('returns all candidates when the article has fewer sentences than asked', () => {
    const tiny = article([['paragraph', 'Only one sentence in this very short article here.']]);
    expect(summarize(tiny).map((s) => s.text)).toEqual([
      'Only one sentence in this very short article here.',
    ]);
    expect(summarize(article([]))).toEqual([]);
  });
});

describe('summaries never start with, or consist of, page furniture', () => {
  const PROSE: Array<[ArticleBlock['kind'], string]> = [
    [
      'paragraph',
      'A heavy storm flooded the harbour town of Kelby overnight, forcing hundreds of residents to leave their homes.',
    ],
    [
      'paragraph',
      'The mayor of Kelby, Joan Pike, said the flood defences in the harbour had failed shortly after midnight.',
    ],
  ];
  const texts = (blocks: Array<[ArticleBlock['kind'], string]>, lang = 'en') =>
    summarize(article(blocks, lang), { length: 'long' }).map((s) => s.text);

  it('does not lead with a caption set as a paragraph, with its photo credit', () => {
    const summary = texts([
      [
        'paragraph',
        'Residents carry sandbags through a flooded street in Kelby on Monday. (Photo: Jane Doe/AP)',
      ],
      ...PROSE,
    ]);
    expect(summary[0]).toMatch(/^A heavy storm flooded/);
    expect(summary.some((t) => t.startsWith('Residents carry'))).toBe(false);
  });

  it('does not lead with a credit line or an agency credit', () => {
    for (const credit of [
      'Photograph: Jane Doe/Reuters for the Kelby Gazette, taken on Monday.',
      'Kevin Lamarque/AFP/Getty Images shows the flooded harbour of Kelby at dawn.',
      'Bild: picture alliance, die Aufnahme zeigt den überfluteten Hafen von Kelby.',
    ])
      expect(texts([['paragraph', credit], ...PROSE])[0]).toMatch(/^A heavy storm flooded/);
  });

  it('never uses credit, boilerplate or caption blocks, however much they read like prose', () => {
    const furniture: Array<[ArticleBlock['kind'], string]> = [
      ['credit', 'Reporting by Jane Doe in Kelby; editing by the whole news desk of the Gazette.'],
      ['boilerplate', 'Sign up to our newsletter and never miss a story about the harbour town again.'],
      ['caption', 'Residents of Kelby carry sandbags through the flooded harbour street on Monday.'],
    ];
    const summary = texts([...furniture, ...PROSE, ...furniture]);
    expect(summary).toEqual(PROSE.map(([, t]) => t));
  });

  it.each([
    [
      'en',
      '© 2024 Kelby Gazette Ltd. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    ],
    [
      'en',
      'Copyright 2024 The Kelby Gazette, and this article may not be reproduced without our permission.',
    ],
    [
      'de',
      '© 2024 Lindauer Zeitung. Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung der Lindauer Zeitung GmbH.',
    ],
  ])('never uses a sentence of a rights notice (%s)', (lang, notice) => {
    const summary = texts([...PROSE, ['paragraph', notice]], lang);
    expect(summary).toEqual(PROSE.map(([, t]) => t));
  });

  it('keeps the story of a long paragraph that ends in a rights notice (a wire story as one block)', () => {
    const story = [
      ...PROSE.map(([, t]) => t),
      'Emergency crews rescued forty people from flooded houses near the harbour by boat.',
      'The weather service expects the storm to weaken by Tuesday, but more rain is forecast.',
      'Pike said the town would ask the government for emergency funds to repair the defences.',
    ];
    const notice = '©2024 Kelby Gazette. All rights reserved. Distributed by Tribune Content Agency.';
    const summary = texts([['paragraph', `${story.join(' ')} ${notice}`]]);
    expect(summary).toEqual(story);
  });

  it.each([
    'Politik · Wirtschaft · Sport · Kultur · Wissen',
    'Home | News | Sport | Weather | Travel | Culture',
    'Our pick for the flood season: the Aquaseal pump, $49.99 at Amazon.',
    'Die besten Pumpen im Test: Kärcher SP 9 für 129,99 € bei Otto, gleich hier bestellen.',
    'Buy now and save a third on sandbags, pumps and waders for the whole family.',
    'Jetzt kaufen: Gummistiefel, Regenjacken und Sandsäcke für die ganze Familie.',
  ])('never uses a link row or shop offer: %s', (row) => {
    expect(texts([...PROSE, ['paragraph', row]])).toEqual(PROSE.map(([, t]) => t));
  });

  it('is empty on a page with no real prose', () => {
    expect(
      texts([
        ['paragraph', 'Home | News | Sport | Weather'],
        ['paragraph', 'Trending now: the ten best beaches in Europe this summer'],
        ['paragraph', 'Follow us on Facebook and Twitter for more great stories like this one.'],
        ['paragraph', '© 2024 Example Media Ltd, all rights reserved'],
        ['list-item', 'Ten things you did not know about the harbour town of Kelby'],
      ]),
    ).toEqual([]);
  });

  it('summarises an article of 140,000 sentences without overflowing the stack (issue 18)', () => {
    // Sentences that differ in most content words, so the redundancy check leaves three to pick.
    const words =
      'crews pumped water houses harbour boats rescued families streets bridges roads schools'.split(' ');
    const paragraphs: Array<[ArticleBlock['kind'], string]> = [];
    for (let p = 0; p < 14_000; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 10; s++) {
        const [a, b, c] = [words[(p + s) % 12], words[(p * 5 + s + 3) % 12], words[(s * 7 + 5) % 12]];
        sentences.push(`In the night, ${a} and ${b} were seen near ${c} again.`);
      }
      paragraphs.push(['paragraph', sentences.join(' ')]);
    }
    const long = article(paragraphs);
    const summary = summarize(long);
    expect(summary).toHaveLength(3);
    for (const s of summary) expect(long.text.slice(s.start, s.end)).toBe(s.text);
  }, 60_000);
});

describe('maxOf', () => {
  it('finds the largest of more values than a spread can pass', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    values[250_000] = 5000;
    expect(maxOf(values)).toBe(5000);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([-3, -1], 0)).toBe(0);
  });
});

describe('isBoilerplate', () => {
  it.each([
    'Lesen Sie auch: Warum die Brücke seit Jahren marode ist.',
    'Mehr zum Thema Verkehr und Brücken in der Stadt',
    'Read more: How towns prepare for the next big storm.',
    'Foto: dpa / Max Mustermann, alle Rechte vorbehalten hier',
    'Source: Reuters reporting from the capital on Monday',
    '© 2025 Weltblick, alle Rechte vorbehalten, Nachdruck verboten',
    '👉 Putins Drohnenangriffe: Eskalation im Ukraine-Krieg',
    'BREAKING NEWS FROM THE HARBOUR TOWN TONIGHT',
  ])('drops %s', (sentence) => {
    expect(isBoilerplate(sentence)).toBe(true);
  });

  it.each([
    'Sources close to the minister said the plan would be dropped.',
    'Bildung ist nach Ansicht der Ministerin der Schlüssel zum Erfolg.',
    'Imagine a city where every bus arrives on time, the mayor said.',
    'Anzeigen gegen die Firma wurden bereits im Sommer erstattet.',
    'Related research from Oxford points in the same direction, too.',
  ])('keeps %s', (sentence) => {
    expect(isBoilerplate(sentence)).toBe(false);
  });
});

describe('lead3', () => {
  it('takes the first three body sentences, skipping headings', () => {
    expect(lead3(NEWS).map((s) => s.text.slice(0, 12))).toEqual([
      'A heavy stor',
      'Read more: H',
      'The mayor of',
    ]);
  });
});

describe('blocksFromPlainText', () => {
  it('splits on blank lines, else on line breaks, and keeps offsets consistent', () => {
    const blank = blocksFromPlainText('First para\nstill first.\n\nSecond para.');
    expect(blank.blocks.map((b) => b.text)).toEqual(['First para still first.', 'Second para.']);
    const lines = blocksFromPlainText('One.\nTwo.');
    expect(lines.blocks.map((b) => b.text)).toEqual(['One.', 'Two.']);
    expect(lines.text).toBe(lines.blocks.map((b) => b.text).join('\n\n'));
    for (const b of lines.blocks) expect(lines.text.slice(b.start, b.start + b.text.length)).toBe(b.text);
  });
});

describeWithSharedData('seed article summary', () => {
  // A skipped describe still runs its body to collect the tests: an empty article stands in then.
  const seed = readSeedArticle() ?? parsePlainArticle('');
  let text = '';
  const blocks: ArticleBlock[] = [];
  for (const b of seed.blocks) {
    if (text) text += '\n\n';
    blocks.push({ kind: b.kind, text: b.text, start: text.length });
    text += b.text;
  }
  // The related-links block as the extractor may deliver it: a heading and list items.
  for (const [kind, t] of [
    ['heading', seed.relatedHeading ?? 'Weiterführende Analysen'],
    ...seed.related.map((r) => ['list-item', r]),
  ] as Array<[ArticleBlock['kind'], string]>) {
    text += '\n\n';
    blocks.push({ kind, text: t, start: text.length });
    text += t;
  }
  const seedArticle = { text, blocks, lang: 'de' };

  it('summarises in 3 (short) and 5 (long) paragraph sentences, never headings or related links', () => {
    const headingsAndLinks = blocks.filter((b) => b.kind !== 'paragraph').map((b) => b.text);
    for (const [length, count] of [
      ['short', 3],
      ['long', 5],
    ] as const) {
      const summary = summarize(seedArticle, { length });
      expect(summary).toHaveLength(count);
      for (const s of summary) {
        expect(headingsAndLinks.some((h) => h.includes(s.text) || s.text.includes(h))).toBe(false);
      }
    }
    expect(summarize(seedArticle)[0]?.text).toMatch(/^Mit ungewöhnlich persönlichen Worten/);
  });
});
