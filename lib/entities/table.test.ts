import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens.ts';
import type { EntityKind } from '../types.ts';
import { buildEntityTable, type RawMention } from './table.ts';

/** Mentions of the given surface forms, found in order in `text`, as a tagger would report them. */
function mentionsIn(text: string, names: Array<[string, EntityKind]>): RawMention[] {
  let from = 0;
  return names.map(([name, kind]) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in text`);
    from = start + name.length;
    return { start, end: start + name.length, text: name, kind, sentence: 0 };
  });
}

describe('buildEntityTable', () => {
  const text =
    'Nordkoreas Machthaber Kim Jong Un lobte die Truppen. Kim sprach vom Ukraine-Krieg, nordkoreanische Soldaten und Nordkorea-Russland sind Thema in Nordkorea.';
  const table = buildEntityTable({
    text,
    lang: 'de',
    mentions: mentionsIn(text, [
      ['Nordkoreas', 'place'],
      ['Kim Jong Un', 'person'],
      ['Kim', 'person'],
      ['Ukraine', 'place'],
      ['Nordkorea-Russland', 'place'],
      ['Nordkorea', 'place'],
    ]).map((m) => (m.text === 'Ukraine' ? { ...m, end: m.start + 7 } : m)),
    sentences: ['S1'],
    tokens: tokenize(text).map((t) => ({ ...t, sentence: 0 })),
    isKnownName: (w) => ['Nordkorea', 'Russland', 'Ukraine'].includes(w),
  });
  const byName = new Map(table.map((e) => [e.name, e]));

  it('groups mentions under the fullest canonical name', () => {
    expect(byName.get('Kim Jong Un')?.aliases).toEqual(['Kim']);
    expect(byName.get('Kim Jong Un')?.count).toBe(2);
    expect(byName.get('Nordkorea')?.kind).toBe('place');
    expect(byName.has('Nordkoreas')).toBe(false);
    expect(byName.has('Kim')).toBe(false);
  });

  it('links demonyms and compound parts, with exact offsets', () => {
    const nk = byName.get('Nordkorea')!;
    expect(nk.aliases).toContain('nordkoreanische');
    expect(byName.get('Russland')?.count).toBe(1);
    for (const e of table) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('sorts by count, then first mention, with stable ids', () => {
    // Ukraine and Russland tie at one mention: Ukraine is mentioned first (not first by name).
    expect(table.map((e) => [e.name, e.count])).toEqual([
      ['Nordkorea', 4],
      ['Kim Jong Un', 2],
      ['Ukraine', 1],
      ['Russland', 1],
    ]);
    expect(table[2]!.mentions[0]!.start).toBeLessThan(table[3]!.mentions[0]!.start);
    // Ids come from kind and canonical name, not from the first surface form ("Nordkoreas") or position.
    expect(table.map((e) => e.id)).toEqual([
      'place:nordkorea',
      'person:kim jong un',
      'place:ukraine',
      'place:russland',
    ]);
  });
});

describe('buildEntityTable splits over-long names', () => {
  it('cuts compounds to their name part and adjacent places apart', () => {
    const text = 'Im Jemen-Konflikt soll Pjöngjang Moskau helfen.';
    const mentions = mentionsIn(text, [
      ['Jemen-Konflikt', 'organization'],
      ['Pjöngjang Moskau', 'place'],
    ]);
    const places: Record<string, EntityKind> = { Jemen: 'place', Pjöngjang: 'place', Moskau: 'place' };
    const table = buildEntityTable({
      text,
      lang: 'de',
      mentions,
      sentences: ['S1'],
      tokens: tokenize(text).map((t) => ({ ...t, sentence: 0 })),
      isKnownName: (w) => w in places,
      gazetteerKind: (w) => places[w],
    });
    expect(table.map((e) => [e.name, e.kind])).toEqual([
      ['Jemen', 'place'],
      ['Pjöngjang', 'place'],
      ['Moskau', 'place'],
    ]);
    for (const e of table) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('buildEntityTable folds a genitive before its noun', () => {
  const build = (text: string, mentions: RawMention[]) =>
    buildEntityTable({
      text,
      lang: 'de',
      mentions,
      sentences: ['S1'],
      tokens: tokenize(text).map((t) => ({ ...t, sentence: 0 })),
      isKnownName: () => false,
    });

  it('takes a person named only in the genitive before an owned noun under the base name', () => {
    const text = 'Putins Drohnenangriffe gehen weiter.';
    const [putins] = mentionsIn(text, [['Putins', 'person']]);
    const table = build(text, [{ ...putins!, ownsNext: true }]);
    expect(table.map((e) => [e.name, e.aliases])).toEqual([['Putin', ['Putins']]]);
  });

  it('keeps the surface without that evidence, and for a place', () => {
    const text = 'Davon sprach Matthias. Paris Bürgermeisterin kam.';
    const [matthias, paris] = mentionsIn(text, [
      ['Matthias', 'person'],
      ['Paris', 'place'],
    ]);
    const table = build(text, [matthias!, { ...paris!, ownsNext: true }]);
    expect(table.map((e) => e.name).sort()).toEqual(['Matthias', 'Paris']);
  });
});

describe('names kept whole and named once (issue 14)', () => {
  const table = (text: string, names: Array<[string, EntityKind]>, known: string[] = []) =>
    buildEntityTable({
      text,
      lang: text.includes(' der ') ? 'de' : 'en',
      mentions: mentionsIn(text, names),
      sentences: ['S1'],
      tokens: tokenize(text).map((t) => ({ ...t, sentence: 0 })),
      isKnownName: (w) => known.includes(w),
      gazetteerKind: (w) => (known.includes(w) ? 'place' : undefined),
    });

  it('meets German case forms under the nominative name', () => {
    const t = table('Streik bei der Deutschen Bahn. Die Deutsche Bahn wies das zurück.', [
      ['Deutschen Bahn', 'organization'],
      ['Deutsche Bahn', 'organization'],
    ]);
    expect(t.map((e) => [e.name, e.count])).toEqual([['Deutsche Bahn', 2]]);
  });

  it('keeps "South Carolina" whole although both words are places', () => {
    const t = table(
      'Lawmakers in South Carolina voted.',
      [['South Carolina', 'place']],
      ['South', 'Carolina'],
    );
    expect(t.map((e) => e.name)).toEqual(['South Carolina']);
  });

  it('names an entity as prose writes it, not as a dateline in capitals does', () => {
    const t = table('BRUSSELS — The rules were agreed in Brussels.', [
      ['BRUSSELS', 'place'],
      ['Brussels', 'place'],
    ]);
    expect(t.map((e) => [e.name, e.count])).toEqual([['Brussels', 2]]);
  });

  it('joins "Bin Laden" to "Osama bin Laden" across case', () => {
    const t = table('Osama bin Laden hid. Bin Laden was killed.', [
      ['Osama bin Laden', 'person'],
      ['Bin Laden', 'person'],
    ]);
    expect(t.map((e) => [e.name, e.count])).toEqual([['Osama bin Laden', 2]]);
  });
});

describe('a bare surname shared by father and son', () => {
  it('goes to the person named last before it', () => {
    const text =
      'Werner Haller gründete die Firma. Thomas Haller führt sie. Haller will wachsen. Werner Haller lacht. Haller sagte das.';
    const table = buildEntityTable({
      text,
      lang: 'de',
      mentions: mentionsIn(text, [
        ['Werner Haller', 'person'],
        ['Thomas Haller', 'person'],
        ['Haller', 'person'],
        ['Werner Haller', 'person'],
        ['Haller', 'person'],
      ]),
      sentences: ['S1'],
      tokens: tokenize(text).map((t) => ({ ...t, sentence: 0 })),
      isKnownName: () => false,
    });
    const starts = (name: string) => table.find((e) => e.name === name)!.mentions.map((m) => m.start);
    expect(starts('Thomas Haller')).toEqual([text.indexOf('Thomas'), text.indexOf('Haller will')]);
    expect(starts('Werner Haller')).toHaveLength(3);
  });
});

describe('a full name the tagger missed before its tagged surname', () => {
  /** The tagger's mentions: each name at its last occurrence in the text (the earlier one left untagged). */
  const build = (text: string, names: Array<[string, EntityKind]>) =>
    buildEntityTable({
      text,
      lang: 'de',
      mentions: names.map(([name, kind]) => {
        const start = text.lastIndexOf(name);
        return { start, end: start + name.length, text: name, kind, sentence: 0 };
      }),
      sentences: ['S1'],
      tokens: tokenize(text).map((t) => ({ ...t, sentence: 0 })),
      isKnownName: () => false,
      isGivenName: (w) => w === 'Martina',
    }).map((e) => [e.name, e.kind, e.count]);

  it('makes „Given Surname“ written before the tagged surname a mention, so the surname takes the full name', () => {
    expect(build('Ihre Lehrerin Martina Hoch war stolz. Hoch lobte sie.', [['Hoch', 'person']])).toEqual([
      ['Martina Hoch', 'person', 2],
    ]);
  });

  it('not before a word that is no given name, nor over a name the tagger tagged', () => {
    expect(build('Die Lehrerin Hoch war stolz. Hoch lobte sie.', [['Hoch', 'person']])).toEqual([
      ['Hoch', 'person', 1],
    ]);
    expect(
      build('In Martina Hoch war es still. Hoch lobte sie.', [
        ['Martina Hoch', 'place'],
        ['Hoch', 'person'],
      ]),
    ).toEqual([
      ['Martina Hoch', 'place', 1],
      ['Hoch', 'person', 1],
    ]);
  });
});
