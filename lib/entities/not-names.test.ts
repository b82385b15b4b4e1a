import { describe, expect, it } from 'vitest';
import { entityIn } from '../../tests/support/entities.ts';
import type { Entity } from '../types.ts';
import { dropNotNames } from './not-names.ts';

const names = (text: string, entities: Array<[string, Entity['kind']]>, places: string[] = []) =>
  dropNotNames(
    entities.map(([n, k]) => entityIn(text, n, k)),
    { text, gazetteerKind: (n) => (places.includes(n) ? 'place' : undefined) },
  )
    .filter((e) => !e.possible)
    .map((e) => [e.name, e.kind, e.count]);

describe('dropNotNames', () => {
  it('drops works: a title before "film", a quoted title', () => {
    expect(
      names('Disney plans a new Star Wars film.', [
        ['Disney', 'organization'],
        ['Star Wars', 'organization'],
      ]),
    ).toEqual([['Disney', 'organization', 1]]);
    expect(
      names('Der neue „Tatort“ aus Münster.', [
        ['Tatort', 'place'],
        ['Münster', 'place'],
      ]),
    ).toEqual([['Münster', 'place', 1]]);
  });

  it('keeps a one-word company before a work noun', () => {
    expect(names('The Netflix series ended.', [['Netflix', 'organization']])).toEqual([
      ['Netflix', 'organization', 1],
    ]);
  });

  it('drops events and laws, keeping the place an event is named after', () => {
    expect(
      names(
        'She won the Berlin Marathon. MPs backed the Online Safety Act.',
        [
          ['Berlin Marathon', 'place'],
          ['Online Safety Act', 'organization'],
        ],
        ['Berlin'],
      ),
    ).toEqual([['Berlin', 'place', 1]]);
  });

  it('keeps a law in the table as a possible name, never painted', () => {
    const text = 'MPs backed the Online Safety Act.';
    const [law] = dropNotNames([entityIn(text, 'Online Safety Act', 'organization')], { text });
    expect(law?.possible).toBe(true);
  });

  it('drops a mission named with a Roman numeral but keeps a king', () => {
    expect(
      names('NASA delayed Artemis III. Charles III spoke.', [
        ['Artemis III', 'organization'],
        ['Charles III', 'person'],
      ]),
    ).toEqual([['Charles III', 'person', 1]]);
  });

  it('drops "a new Bill" but keeps Bill the person', () => {
    expect(names('Lawmakers approved a new Bill on Tuesday.', [['Bill', 'person']])).toEqual([]);
    expect(names('Bill Gates met Bill later.', [['Bill', 'person']])).toEqual([['Bill', 'person', 2]]);
  });

  it('drops a named storm but keeps a person of that name elsewhere', () => {
    expect(names('Storm Darragh hit Wales. Hurricane Darragh?', [['Darragh', 'person']])).toEqual([]);
    expect(names('Storm Darragh hit. Darragh Byrne said so.', [['Darragh', 'person']])).toEqual([
      ['Darragh', 'person', 2],
    ]);
  });

  it('drops a participle opening a sentence before a preposition, not a place called Born', () => {
    expect(names('Born in Leicester in 1934, she studied.', [['Born', 'place']])).toEqual([]);
    expect(names('She was 91. Born in Leicester, she left.', [['Born', 'place']])).toEqual([]);
    expect(names('He drove to Born in May.', [['Born', 'place']])).toEqual([['Born', 'place', 1]]);
  });

  it('drops an identity adjective before a noun, not a person called Black', () => {
    expect(names('A case for Black voters in Ohio.', [['Black', 'place']])).toEqual([]);
    expect(names('Coach Black said no. Black left.', [['Black', 'person']])).toEqual([
      ['Black', 'person', 2],
    ]);
  });

  it('drops a product named by its model number, keeping the maker named elsewhere', () => {
    const text =
      'Airlines grounded Boeing 737 Max 9 jets. Boeing chief executive Mark Ellison spoke. The S&P 500 fell. Apple showed the iPhone 17 and Samsung the Galaxy S25 beside Windows 10.';
    expect(
      names(text, [
        ['Boeing', 'organization'],
        ['S&P', 'organization'],
        ['Galaxy', 'place'],
        ['Windows', 'organization'],
        ['Apple', 'organization'],
      ]),
    ).toEqual([
      ['Boeing', 'organization', 1],
      ['Apple', 'organization', 1],
    ]);
  });

  it('drops a wire agency in a dateline, an acronym vaccine and a product after a possessive', () => {
    const text =
      'LIMA (Reuters) - Voting began. Reuters said more.\n\nMANILA (AP) — A storm hit. Parents were told about the MMR vaccine. Microsoft sells its Azure cloud service. The AP (news agency) was there.';
    expect(
      names(text, [
        ['Reuters', 'organization'],
        ['AP', 'organization'],
        ['MMR', 'organization'],
        ['Azure', 'organization'],
        ['Microsoft', 'organization'],
      ]),
    ).toEqual([
      ['Reuters', 'organization', 1],
      ['AP', 'organization', 1],
      ['Microsoft', 'organization', 1],
    ]);
  });

  it('drops brands after their maker, keeping the maker', () => {
    const text =
      'Procter & Gamble, the maker of Tide and Pampers, rose. Unilever sells brands such as Dove, Knorr and Lipton.';
    expect(
      names(text, [
        ['Procter & Gamble', 'organization'],
        ['Tide', 'place'],
        ['Pampers', 'place'],
        ['Unilever', 'organization'],
        ['Dove', 'person'],
        ['Knorr', 'organization'],
        ['Lipton', 'organization'],
      ]).map(([n]) => n),
    ).toEqual(['Procter & Gamble', 'Unilever']);
  });

  it('lists a legislature named only by "state" or "county" as possible, keeps "the Senate"', () => {
    const text = 'Supporters in the state Senate agreed. The county Council met.';
    expect(
      names(text, [
        ['Senate', 'organization'],
        ['Council', 'organization'],
      ]),
    ).toEqual([]);
    expect(names('The Senate voted.', [['Senate', 'organization']])).toEqual([['Senate', 'organization', 1]]);
  });

  it('drops an institution noun alone, keeps a legislature and a full name', () => {
    const text = 'Board member Karen Wills voted. Police said so. The Senate met. Stockport Council agreed.';
    expect(
      names(text, [
        ['Board', 'organization'],
        ['Police', 'organization'],
        ['Senate', 'organization'],
        ['Stockport Council', 'organization'],
      ]).map(([n]) => n),
    ).toEqual(['Senate', 'Stockport Council']);
  });

  it('keeps a name before a score, a year, a percentage or a house number', () => {
    const text =
      'Manchester City 2-1 Liverpool. London 2012 was fun. Nvidia 3% up. Chelsea 3:0 Bath. Arsenal 3 Aston Villa 1. Sitz: Friedrichstraße 12.';
    expect(
      names(text, [
        ['Manchester City', 'organization'],
        ['London', 'place'],
        ['Nvidia', 'organization'],
        ['Chelsea', 'organization'],
        ['Arsenal', 'organization'],
        ['Friedrichstraße', 'place'],
      ]),
    ).toEqual([
      ['Manchester City', 'organization', 1],
      ['London', 'place', 1],
      ['Nvidia', 'organization', 1],
      ['Chelsea', 'organization', 1],
      ['Arsenal', 'organization', 1],
      ['Friedrichstraße', 'place', 1],
    ]);
  });

  it('drops holidays and one-word events but keeps a place named after a holiday', () => {
    expect(
      names('Its best Christmas sales. Flights to Christmas Island. Zu Ostern in Berlin. Since Brexit.', [
        ['Christmas', 'place'],
        ['Brexit', 'organization'],
        ['Christmas Island', 'place'],
        ['Ostern', 'place'],
        ['Berlin', 'place'],
      ]),
    ).toEqual([
      ['Christmas Island', 'place', 1],
      ['Berlin', 'place', 1],
    ]);
  });

  it('drops a work named after what it is, and products before a product noun', () => {
    const text =
      'She read the novel Wolf Hall. His staging of Uncle Vanya won. Microsoft showed new Surface Book models and its Xbox console. Microsoft software runs on Dell laptops. Chelsea will play Aston Villa. Samsung Electronics phones sold.';
    expect(
      names(text, [
        ['Wolf Hall', 'person'],
        ['Uncle Vanya', 'person'],
        ['Surface Book', 'organization'],
        ['Xbox', 'organization'],
        ['Microsoft', 'organization'],
        ['Dell', 'organization'],
        ['Aston Villa', 'organization'],
        ['Samsung Electronics', 'organization'],
      ]),
    ).toEqual([
      ['Microsoft', 'organization', 2],
      ['Dell', 'organization', 1],
      ['Aston Villa', 'organization', 1],
      ['Samsung Electronics', 'organization', 1],
    ]);
  });

  it('drops a storm named with its word, a film after "film,", an event whose head the tagger left out', () => {
    const text =
      'Hurricane Milton hit Florida. Her new film, Night Train, premiered at the Venice Film Festival. BBC Radio 4 aired it.';
    expect(
      names(
        text,
        [
          ['Hurricane Milton', 'person'],
          ['Florida', 'place'],
          ['Night Train', 'person'],
          ['Venice Film', 'organization'],
          ['BBC Radio', 'organization'],
        ],
        ['Florida'],
      ),
    ).toEqual([
      ['Florida', 'place', 1],
      ['BBC Radio', 'organization', 1],
    ]);
  });

  it('drops the parties of a court case named for them, not the same names elsewhere', () => {
    const text = 'The case is Roe v. Wade. Later, Wade spoke. England v Wales ended 2-2.';
    expect(
      names(text, [
        ['Roe', 'person'],
        ['Wade', 'person'],
        ['England', 'organization'],
        ['Wales', 'organization'],
      ]),
    ).toEqual([
      ['Wade', 'person', 1],
      ['England', 'organization', 1],
      ['Wales', 'organization', 1],
    ]);
  });
});
