import { describe, expect, it } from 'vitest';
import { entityIn } from '../../tests/support/entities.ts';
import type { Entity } from '../types.ts';
import { settleKinds } from './kinds.ts';

const kinds = (text: string, entities: Array<[string, Entity['kind']]>, places: string[] = []) =>
  settleKinds(
    entities.map(([n, k]) => entityIn(text, n, k)),
    { text, gazetteerKind: (n) => (places.includes(n) ? 'place' : undefined) },
  ).map((e) => [e.name, e.kind, e.id]);

describe('settleKinds', () => {
  it('makes a place in match context a club: a result, a match verb, a team role', () => {
    expect(
      kinds('Hull beat Exeter 21-3 on Friday. Later, Exeter coach Ann Bell praised Derby.', [
        ['Hull', 'place'],
        ['Exeter', 'place'],
        ['Derby', 'place'],
      ]),
    ).toEqual([
      ['Hull', 'organization', 'organization:hull'],
      ['Exeter', 'organization', 'organization:exeter'],
      ['Derby', 'place', 'place:Derby'],
    ]);
    expect(kinds('They will face Lyon next.', [['Lyon', 'place']])).toEqual([
      ['Lyon', 'organization', 'organization:lyon'],
    ]);
  });

  it('makes a gazetteer place tagged as an organisation a place, unless it plays a match', () => {
    expect(kinds('A man from Leeds was fined.', [['Leeds', 'organization']], ['Leeds'])[0]![1]).toBe('place');
    expect(kinds('Leeds beat Hull.', [['Leeds', 'organization']], ['Leeds'])[0]![1]).toBe('organization');
    expect(kinds('Rain in Yorkshire.', [['Yorkshire', 'organization']])[0]![1]).toBe('place');
    expect(kinds('Yorkshire beat Kent.', [['Yorkshire', 'organization']])[0]![1]).toBe('organization');
    expect(kinds('Acme said so.', [['Acme', 'organization']], ['Leeds'])[0]![1]).toBe('organization');
    // A city that is also a company keeps the organisation when a mention acts as one.
    expect(kinds('Toyota is recalling cars.', [['Toyota', 'organization']], ['Toyota'])[0]![1]).toBe(
      'organization',
    );
    expect(kinds('Toyota’s shares fell.', [['Toyota', 'organization']], ['Toyota'])[0]![1]).toBe(
      'organization',
    );
  });

  it('lets a head noun decide: counties and stadiums are places, councils organisations', () => {
    expect(
      kinds('Officials in Kent County met at Ibrox Stadium; Kent County Council agreed.', [
        ['Kent County', 'organization'],
        ['Ibrox Stadium', 'organization'],
        ['Kent County Council', 'place'],
      ]).map((k) => k[1]),
    ).toEqual(['place', 'place', 'organization']);
    expect(kinds('Dover Foods grew.', [['Dover Foods', 'place']])[0]![1]).toBe('organization');
    // A person is not moved by the last word of the name without knowing its first is no given name.
    expect(kinds('Jack Street said no.', [['Jack Street', 'person']])[0]![1]).toBe('person');
  });

  it('makes a one-word name before ", <place>" a place', () => {
    expect(kinds('A plant near Taylor, Texas will open.', [['Taylor', 'person']], ['Texas'])[0]![1]).toBe(
      'place',
    );
    expect(
      kinds('A plant near Taylor, New Mexico.', [
        ['Taylor', 'person'],
        ['New Mexico', 'place'],
      ])[0]![1],
    ).toBe('place');
    // A comma before an unknown word is no evidence: "Taylor, Smith and Jones".
    expect(kinds('Taylor, Smith and Jones left.', [['Taylor', 'person']])[0]![1]).toBe('person');
  });

  it('makes an unknown organisation coordinated with a place a place, not a known one', () => {
    const text = 'Warnings for Powys and Ceredigion, and for Gwynedd.';
    expect(
      kinds(text, [
        ['Powys', 'place'],
        ['Ceredigion', 'organization'],
      ]).map((k) => k[1]),
    ).toEqual(['place', 'place']);
    // A place settled by another rule counts: "Pembrokeshire" (an organisation to the tagger) is a county.
    expect(
      kinds('For Pembrokeshire and Ceredigion.', [
        ['Pembrokeshire', 'organization'],
        ['Ceredigion', 'organization'],
      ]).map((k) => k[1]),
    ).toEqual(['place', 'place']);
    const known = settleKinds(
      [
        entityIn('Russia and Nato met.', 'Russia', 'place'),
        entityIn('Russia and Nato met.', 'Nato', 'organization'),
      ],
      { text: 'Russia and Nato met.', gazetteerKind: (n) => (n === 'Nato' ? 'organization' : undefined) },
    );
    expect(known.map((e) => e.kind)).toEqual(['place', 'organization']);
  });

  it('makes a name after an organisation noun an organisation, unless a given name starts it', () => {
    const text =
      'The opposition party Fianna Fáil and retailer Zalando met; the firm Anna Lee founded did not. Shares in Alphabet fell.';
    const settled = settleKinds(
      [
        entityIn(text, 'Fianna Fáil', 'person'),
        entityIn(text, 'Zalando', 'place'),
        entityIn(text, 'Anna Lee', 'person'),
        entityIn(text, 'Alphabet', 'place'),
      ],
      { text, isGivenName: (w) => w === 'Anna' },
    );
    expect(settled.map((e) => e.kind)).toEqual(['organization', 'organization', 'person', 'organization']);
  });

  it('makes a seat of government an organisation, whatever the tagger said', () => {
    const text = 'The Kremlin denied it. The White House and Downing Street said so, near Whitehall Road.';
    expect(
      kinds(text, [
        ['Kremlin', 'place'],
        ['White House', 'place'],
        ['Downing Street', 'place'],
        ['Whitehall Road', 'place'],
      ]).map((k) => k[1]),
    ).toEqual(['organization', 'organization', 'organization', 'place']);
  });

  it('reads "against", "host", "v" as match context only in a text with a result', () => {
    const report =
      'City won 2-1. Next is the qualifier against Serbia; Leeds host Derby. Fans from Bath cheered.';
    expect(
      kinds(
        report,
        [
          ['Serbia', 'place'],
          ['Derby', 'place'],
          ['Bath', 'place'],
        ],
        ['Serbia', 'Derby', 'Bath'],
      ).map((k) => k[1]),
    ).toEqual(['organization', 'organization', 'place']);
    expect(kinds('Protests against Serbia grew.', [['Serbia', 'place']], ['Serbia'])[0]![1]).toBe('place');
  });

  it('makes a one-word "person" that is a known place a club in match context', () => {
    expect(kinds('Northampton, who beat Bath on Sunday.', [['Bath', 'person']], ['Bath'])[0]![1]).toBe(
      'organization',
    );
    expect(kinds('Coach Bath beat the odds.', [['Bath', 'person']])[0]![1]).toBe('person');
  });

  it('makes an organisation where people live a place, not a club or a company', () => {
    const text =
      'Residents in Carlisle and Cockermouth were told to leave. Keswick beat Penrith 2-1. People in Keswick cheered. She was born in Acme Council land.';
    expect(
      kinds(text, [
        ['Carlisle', 'organization'],
        ['Cockermouth', 'organization'],
        ['Keswick', 'organization'],
        ['Acme Council', 'organization'],
      ]).map((k) => k[1]),
    ).toEqual(['place', 'place', 'organization', 'organization']);
  });

  it('makes a one-word name after "analysts at" a firm, even a given name', () => {
    const text = 'Analysts at Davy expect more. Davy Jones sang.';
    const settled = settleKinds([entityIn(text, 'Davy', 'place')], {
      text,
      isGivenName: (w) => w === 'Davy',
    });
    expect(settled[0]!.kind).toBe('organization');
  });

  it('makes a listed company that moves like a share, or is called a company, an organisation', () => {
    const text =
      'Toyota lost 3.4% and Sony fell 2.8%. Amazon, whose AWS unit leads, reports. Prices fell 3% in Sweden. Ghana’s chief negotiator spoke.';
    expect(
      kinds(text, [
        ['Toyota', 'place'],
        ['Sony', 'place'],
        ['Amazon', 'place'],
        ['Sweden', 'place'],
        ['Ghana', 'place'],
      ]).map(([n, k]) => [n, k]),
    ).toEqual([
      ['Toyota', 'organization'],
      ['Sony', 'organization'],
      ['Amazon', 'organization'],
      ['Sweden', 'place'],
      ['Ghana', 'place'],
    ]);
  });

  it('makes a team named after its city an organisation, not a person with a city as given name', () => {
    const text =
      'The Denver Nuggets beat the New York Giants. Paris Hilton watched. Denver Street is closed.';
    const settled = settleKinds(
      [
        entityIn(text, 'Denver Nuggets', 'person'),
        entityIn(text, 'New York Giants', 'place'),
        entityIn(text, 'Paris Hilton', 'person'),
      ],
      {
        text,
        gazetteerKind: (n) => (['Denver', 'New York', 'Paris'].includes(n) ? 'place' : undefined),
        isGivenName: (w) => w === 'Paris' || w === 'Denver',
      },
    );
    expect(settled.map((e) => e.kind)).toEqual(['organization', 'organization', 'person']);
    expect(kinds('Rain in West Texas.', [['West Texas', 'organization']], ['Texas'])[0]![1]).toBe('place');
  });

  it('moves a "person" with a head noun and no given name by the head; venues are places', () => {
    const text = 'Hennepin Healthcare hired. Amy Field spoke at the O2 Arena and TD Garden.';
    const settled = settleKinds(
      [
        entityIn(text, 'Hennepin Healthcare', 'person'),
        entityIn(text, 'Amy Field', 'person'),
        entityIn(text, 'O2 Arena', 'organization'),
        entityIn(text, 'TD Garden', 'organization'),
      ],
      { text, isGivenName: (w) => w === 'Amy' },
    );
    expect(settled.map((e) => e.kind)).toEqual(['organization', 'person', 'place', 'place']);
  });

  it('reads a side in "won the toss", a plural verb and, in a report, "will play"', () => {
    const text =
      'Australia won the toss. India were bowled out for 201. England will play Italy. Tampa Bay beat Miami 20-17. The Netherlands are flat.';
    expect(
      kinds(text, [
        ['Australia', 'place'],
        ['India', 'place'],
        ['England', 'place'],
        ['Italy', 'place'],
        ['Tampa Bay', 'place'],
        ['Netherlands', 'place'],
      ]).map(([n, k]) => [n, k]),
    ).toEqual([
      ['Australia', 'organization'],
      ['India', 'organization'],
      ['England', 'organization'],
      ['Italy', 'organization'],
      ['Tampa Bay', 'organization'],
      ['Netherlands', 'place'],
    ]);
    expect(kinds('Australia won a seat on the council.', [['Australia', 'place']])[0]![1]).toBe('place');
  });
});
