import { describe, expect, it } from 'vitest';
import { foldName } from '../text/fold.ts';
import { tokenize } from '../text/tokens.ts';
import {
  dropCovered,
  extendOverParticles,
  isPlacePrefix,
  joinFirmPairs,
  joinOrganisationParts,
  nameKey,
  nominativeScore,
  type SpanMention,
  stripLeadingTitle,
  stripOpeningArticle,
  stripOpeningWord,
  stripPostNominal,
} from './name-spans.ts';

function mentionOf(text: string, surface: string, kind: SpanMention['kind']): SpanMention {
  const start = text.indexOf(surface);
  return { start, end: start + surface.length, text: surface, kind, sentence: 0 };
}
const tokensOf = (text: string) => tokenize(text, 0).map((t) => ({ ...t, sentence: 0 }));

describe('extendOverParticles', () => {
  it('runs a person over "von der" and "bin" to the capitalised word', () => {
    const de = 'Kommissionspräsidentin Ursula von der Leyen sprach in Brüssel.';
    expect(extendOverParticles([mentionOf(de, 'Ursula', 'person')], tokensOf(de), de)[0]!.text).toBe(
      'Ursula von der Leyen',
    );
    const en = 'a former aide to Osama bin Laden said';
    expect(extendOverParticles([mentionOf(en, 'Osama', 'person')], tokensOf(en), en)[0]!.text).toBe(
      'Osama bin Laden',
    );
  });

  it('leaves places, lower-case words and weekdays alone', () => {
    const a = 'Anna von der Stadt kam.';
    const nouns = new Set(['Stadt']);
    expect(
      extendOverParticles([mentionOf(a, 'Anna', 'person')], tokensOf(a), a, (w) => nouns.has(w))[0]!.text,
    ).toBe('Anna');
    const b = 'Berlin von der Seite';
    expect(extendOverParticles([mentionOf(b, 'Berlin', 'place')], tokensOf(b), b)[0]!.text).toBe('Berlin');
    const c = 'Er traf Maria zu Montag.';
    expect(extendOverParticles([mentionOf(c, 'Maria', 'person')], tokensOf(c), c)[0]!.text).toBe('Maria');
  });

  it('drops a mention the extended one covers', () => {
    const en = 'Osama bin Laden';
    const ms = extendOverParticles(
      [mentionOf(en, 'Osama', 'person'), mentionOf(en, 'Laden', 'place')],
      tokensOf(en),
      en,
    );
    expect(dropCovered(ms).map((m) => m.text)).toEqual(['Osama bin Laden']);
  });
});

it('dropCovered keeps mentions of the same span and ones that only overlap', () => {
  const m = (start: number, end: number): SpanMention => ({
    start,
    end,
    text: 'x',
    kind: 'place',
    sentence: 0,
  });
  const same = [m(0, 5), m(0, 5)];
  expect(dropCovered(same)).toHaveLength(2);
  expect(dropCovered([m(0, 5), m(3, 8)])).toHaveLength(2);
  expect(dropCovered([m(2, 4), m(0, 9), m(5, 9)]).map((x) => [x.start, x.end])).toEqual([[0, 9]]);
});

describe('stripLeadingTitle', () => {
  it('cuts a title before a two-word name and makes it a person', () => {
    const t = 'Justice Eleanor Marsh wrote';
    const m = stripLeadingTitle(mentionOf(t, 'Justice Eleanor Marsh', 'organization'));
    expect([m.text, m.kind, t.slice(m.start, m.end)]).toEqual(['Eleanor Marsh', 'person', 'Eleanor Marsh']);
  });
  it('cuts a run of titles and offices ("Shadow Chancellor", "Mayor")', () => {
    const t = 'Shadow Chancellor Fiona Lett said. Mayor Jacob Frey agreed.';
    expect(stripLeadingTitle(mentionOf(t, 'Shadow Chancellor Fiona Lett', 'person')).text).toBe('Fiona Lett');
    const m = stripLeadingTitle(mentionOf(t, 'Mayor Jacob Frey', 'person'));
    expect([m.text, t.slice(m.start, m.end)]).toEqual(['Jacob Frey', 'Jacob Frey']);
  });
  it('keeps a title before a lower-case word', () => {
    expect(stripLeadingTitle(mentionOf('Mayor of London', 'Mayor of London', 'organization')).text).toBe(
      'Mayor of London',
    );
  });
  it('keeps a title before one word', () => {
    expect(stripLeadingTitle(mentionOf('Queen Mary', 'Queen Mary', 'place')).text).toBe('Queen Mary');
  });
});

describe('stripPostNominal', () => {
  it('cuts post-nominal letters after a two-word name', () => {
    const t = 'said Jonathan Reeve KC, for the defence';
    const m = stripPostNominal(mentionOf(t, 'Jonathan Reeve KC', 'person'));
    expect([m.text, t.slice(m.start, m.end)]).toEqual(['Jonathan Reeve', 'Jonathan Reeve']);
  });
  it('keeps a one-word name and letters that are not post-nominals', () => {
    expect(stripPostNominal(mentionOf('Reeve KC', 'Reeve KC', 'person')).text).toBe('Reeve KC');
    expect(stripPostNominal(mentionOf('Bank of NY', 'Bank of NY', 'organization')).text).toBe('Bank of NY');
  });
});

describe('stripOpeningWord', () => {
  const given = (w: string) => ['Simon', 'Mary'].includes(w);
  it('cuts a common word opening the sentence before a given name', () => {
    const t = 'It rained. Volunteer Simon Okafor said so.';
    const m = stripOpeningWord(mentionOf(t, 'Volunteer Simon Okafor', 'person'), t, given);
    expect([m.text, t.slice(m.start, m.end)]).toEqual(['Simon Okafor', 'Simon Okafor']);
  });
  it('keeps the word inside a sentence, before a non-given name, or before a given name that starts the name', () => {
    const inside = 'We met Volunteer Simon Okafor.';
    expect(stripOpeningWord(mentionOf(inside, 'Volunteer Simon Okafor', 'person'), inside, given).text).toBe(
      'Volunteer Simon Okafor',
    );
    const t = 'Hans Peter Okafor said so. Mary Simon Okafor too.';
    expect(stripOpeningWord(mentionOf(t, 'Hans Peter Okafor', 'person'), t, given).text).toBe(
      'Hans Peter Okafor',
    );
    expect(stripOpeningWord(mentionOf(t, 'Mary Simon Okafor', 'person'), t, given).text).toBe(
      'Mary Simon Okafor',
    );
  });
});

describe('German case forms', () => {
  it('share one key and prefer the nominative-looking form', () => {
    const key = (n: string) => nameKey(n, 'de', foldName);
    expect(key('Deutschen Bahn')).toBe(key('Deutsche Bahn'));
    expect(key('Islamischen Staates')).toBe(key('Islamischer Staat'));
    expect(key('Vereinten Nationen')).toBe(key('Vereinte Nationen'));
    expect(key('Deutsche Bahn')).not.toBe(key('Deutsche Bank'));
    expect(nominativeScore('Deutsche Bahn', 'de')).toBeGreaterThan(nominativeScore('Deutschen Bahn', 'de'));
    expect(nominativeScore('Islamischer Staat', 'de')).toBeGreaterThan(
      nominativeScore('Islamischen Staates', 'de'),
    );
  });
  it('leaves English and single words keyed as written', () => {
    expect(nameKey('Goldman Sachs', 'en', foldName)).toBe('goldman sachs');
    expect(nameKey('Paris', 'de', foldName)).toBe('paris');
  });
});

it('knows place prefixes that make one place with the next', () => {
  expect(isPlacePrefix('South')).toBe(true);
  expect(isPlacePrefix('Nord')).toBe(true);
  expect(isPlacePrefix('Moskau')).toBe(false);
});

describe('joinOrganisationParts', () => {
  const join = (text: string, parts: Array<[string, SpanMention['kind']]>, places: string[] = []) =>
    joinOrganisationParts(
      parts.map(([t, k]) => mentionOf(text, t, k)),
      text,
      (w) => places.includes(w),
    ).map((m) => [m.text, m.kind]);

  it('runs a place or organisation over an untagged head noun after it, not in a title-case line', () => {
    expect(join('Her label, Columbia Records, said so.', [['Columbia', 'place']])).toEqual([
      ['Columbia Records', 'organization'],
    ]);
    expect(join('Texas Schools Close Early', [['Texas', 'place']])).toEqual([['Texas', 'place']]);
    expect(join('Anna Group said.', [['Anna', 'person']])).toEqual([['Anna', 'person']]);
  });

  it('runs an organisation on over "on"/"for" after its head noun', () => {
    expect(
      join('She served on the Intergovernmental Panel on Climate Change until 2001.', [
        ['Intergovernmental Panel', 'organization'],
        ['Climate Change', 'person'],
      ]),
    ).toEqual([['Intergovernmental Panel on Climate Change', 'organization']]);
    expect(
      join("She worked for the Transport and General Workers' Union.", [
        ['Transport and General Workers', 'organization'],
        ['Union', 'organization'],
      ]),
    ).toEqual([["Transport and General Workers' Union", 'organization']]);
    // Not after a name without a head noun, nor across other words.
    expect(
      join('Apple on Tuesday met Google for lunch.', [
        ['Apple', 'organization'],
        ['Tuesday', 'person'],
        ['Google', 'organization'],
      ]).length,
    ).toBe(3);
  });

  it('joins a place coordinated before an organisation that starts with a place', () => {
    expect(
      join(
        'The England and Wales Cricket Board said no.',
        [
          ['England', 'place'],
          ['Wales Cricket Board', 'organization'],
        ],
        ['England', 'Wales'],
      ),
    ).toEqual([['England and Wales Cricket Board', 'organization']]);
    // Two parties coordinated stay two: "Labour" is not a place, "Green Party" does not start with one.
    expect(
      join(
        'Labour and Green Party councillors voted.',
        [
          ['Labour', 'organization'],
          ['Green Party', 'organization'],
        ],
        ['England'],
      ).length,
    ).toBe(2);
  });
});

describe('joinFirmPairs', () => {
  const at = (text: string, surface: string, n: number, kind: SpanMention['kind']): SpanMention => {
    let start = -1;
    for (let k = 0; k <= n; k++) start = text.indexOf(surface, start + 1);
    return { start, end: start + surface.length, text: surface, kind, sentence: 0 };
  };

  it('makes a pair written twice one organisation, not a person', () => {
    const text = 'Marks and Spencer shines. Marks and Spencer rose 7%.';
    expect(
      joinFirmPairs([at(text, 'Spencer', 0, 'person'), at(text, 'Spencer', 1, 'person')], text).map((m) => [
        m.text,
        m.kind,
        text.slice(m.start, m.end),
      ]),
    ).toEqual([
      ['Marks and Spencer', 'organization', 'Marks and Spencer'],
      ['Marks and Spencer', 'organization', 'Marks and Spencer'],
    ]);
  });

  it('leaves two tagged names and a pair written once alone', () => {
    const text = 'Starmer and Reeves met. Starmer and Reeves spoke. Then Lisbon and Porto.';
    const mentions = [
      at(text, 'Starmer', 0, 'person'),
      at(text, 'Reeves', 0, 'person'),
      at(text, 'Starmer', 1, 'person'),
      at(text, 'Reeves', 1, 'person'),
      at(text, 'Porto', 0, 'place'),
    ];
    expect(joinFirmPairs(mentions, text)).toEqual(mentions);
  });
});

describe('stripOpeningArticle', () => {
  it('cuts a sentence-opening "The" off an organisation of three or more words, not mid-sentence', () => {
    const t = 'The Office for National Statistics said so. Judges at The Hague agreed. The Hague is calm.';
    const m = stripOpeningArticle(mentionOf(t, 'The Office for National Statistics', 'organization'), t);
    expect([m.text, t.slice(m.start, m.end)]).toEqual([
      'Office for National Statistics',
      'Office for National Statistics',
    ]);
    expect(stripOpeningArticle(mentionOf(t, 'The Hague', 'place'), t).text).toBe('The Hague');
    const mid = 'He read it in The New York Times.';
    expect(stripOpeningArticle(mentionOf(mid, 'The New York Times', 'organization'), mid).text).toBe(
      'The New York Times',
    );
  });
});
