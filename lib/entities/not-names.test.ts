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
});
