import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardStrings } from '../../../components/hover-card/i18n.ts';
import { createHoverCard, isCardHost } from '../../../components/hover-card/mount.ts';
import { buildCoOccurrence, buildEntityCard, wikipediaUrl } from '../../../lib/highlight/card-model.ts';
import { makeAnalysis } from './make-analysis.ts';

const analysis = makeAnalysis(
  [
    'Kim Jong Un empfing Wladimir Putin in Pjöngjang.',
    '„Wir sind Brüder“, sagte Kim Jong Un. Die Vereinten Nationen protestierten.',
    'Putin nannte die Gespräche „historisch“.',
  ],
  [
    { name: 'Kim Jong Un', kind: 'person' },
    { name: 'Wladimir Putin', kind: 'person', forms: ['Wladimir Putin', 'Putin'] },
    { name: 'Pjöngjang', kind: 'place' },
    { name: 'Vereinten Nationen', kind: 'organization' },
  ],
  [
    { text: 'Wir sind Brüder', speaker: 'Kim Jong Un' },
    { text: 'historisch', kind: 'phrase', speaker: 'Wladimir Putin' },
  ],
);
const kim = analysis.entities[0]!;

describe('card model', () => {
  it('links Wikipedia in the article language, as a URL only', () => {
    expect(wikipediaUrl('Kim Jong Un', 'de')).toBe(
      'https://de.wikipedia.org/w/index.php?search=Kim%20Jong%20Un',
    );
    expect(wikipediaUrl('Kim', 'und')).toBe('https://en.wikipedia.org/w/index.php?search=Kim');
    expect(wikipediaUrl('x', 'de"><script>')).toMatch(/^https:\/\/en\.wikipedia\.org\//);
  });

  it("shows the entity's count, first sentence, own quotes and co-occurring entities", () => {
    const card = buildEntityCard(analysis, kim, buildCoOccurrence(analysis), 1);
    expect(card).toMatchObject({ name: 'Kim Jong Un', kind: 'person', count: 2, mentionNumber: 2 });
    expect(card.firstSentence).toBe('Kim Jong Un empfing Wladimir Putin in Pjöngjang.');
    expect(card.quotes).toEqual([{ text: 'Wir sind Brüder', kind: 'speech' }]);
    // Same sentence as Kim: Putin and Pjöngjang (first sentence); the UN share a paragraph, not a sentence.
    expect(card.related.map((r) => r.name).sort()).toEqual(['Pjöngjang', 'Wladimir Putin']);
  });

  it('lists a quote whose attribution to the entity was too unsure after its sure quotes, marked unclear', () => {
    const unsure = makeAnalysis(
      ['„Wir sind Brüder“, sagte Kim Jong Un.', '„Das bleibt so“, sagte der 40-Jährige.'],
      [{ name: 'Kim Jong Un', kind: 'person' }],
      [{ text: 'Wir sind Brüder', speaker: 'Kim Jong Un' }, { text: 'Das bleibt so' }],
    );
    const entity = unsure.entities[0]!;
    const second = unsure.quotes[1]!;
    unsure.quotes[1] = { ...second, speakerUnclear: true, speakerCandidateId: entity.id };
    const card = buildEntityCard(unsure, entity, buildCoOccurrence(unsure), 0);
    expect(card.quotes).toEqual([
      { text: 'Wir sind Brüder', kind: 'speech' },
      { text: 'Das bleibt so', kind: 'speech', speakerUnclear: true },
    ]);
    // Without the candidate the unsure quote is nobody's: no card lists it.
    unsure.quotes[1] = { ...second, speakerUnclear: true };
    expect(buildEntityCard(unsure, entity, buildCoOccurrence(unsure), 0).quotes).toHaveLength(1);
  });

  it('chooses German or English strings by the reader language', () => {
    expect(cardStrings('de-AT').kinds.place).toBe('Ort');
    expect(cardStrings('en-GB').kinds.place).toBe('Place');
    expect(cardStrings(undefined).nextMention).toBe('Next mention');
  });
});

/** Kontext's card hosts in `doc` (their tags are random; the prefix is fixed). */
const cardHosts = (doc: Document) => [...doc.documentElement.children].filter(isCardHost);

describe('hover card host', () => {
  afterEach(() => vi.unstubAllGlobals());

  function setup(language: string) {
    const dom = new JSDOM(
      '<!doctype html><html><body><p id="p">text</p><button id="b">b</button></body></html>',
    );
    vi.stubGlobal('document', dom.window.document);
    const doc = dom.window.document;
    const card = createHoverCard(doc, { language });
    const model = buildEntityCard(analysis, kim, buildCoOccurrence(analysis), 0);
    const handlers = { next: vi.fn(), closed: vi.fn() };
    const open = (focus: boolean) =>
      card.open(model, {
        focus,
        anchor: () => new dom.window.DOMRect(10, 10, 50, 20),
        onNextMention: handlers.next,
        onClose: handlers.closed,
      });
    return { dom, doc, card, open, handlers };
  }

  it('renders into one closed shadow root on <html>, with page strings as text only', () => {
    const { doc, card, open } = setup('de-DE');
    const bodyBefore = doc.body.outerHTML;
    open(false);
    const hosts = cardHosts(doc);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.parentNode).toBe(doc.documentElement);
    expect((hosts[0] as HTMLElement).shadowRoot).toBeNull();
    expect(doc.body.outerHTML).toBe(bodyBefore);
    const text = card.text()!;
    expect(text).toContain('Kim Jong Un');
    expect(text).toContain('Person');
    expect(text).toContain('2-mal im Artikel erwähnt');
    expect(text).toContain('„Wir sind Brüder“');
    expect(text).toContain('In Wikipedia nachschlagen');
    card.destroy();
    expect(cardHosts(doc)).toEqual([]);
  });

  it.each([
    ['de-DE', '„Das bleibt so“\nSprecher unklar'],
    ['en', '“Das bleibt so”\nspeaker unclear'],
  ])('%s: says the speaker is unclear under a quote marked so', (language, expected) => {
    const { dom, card, open } = setup(language);
    open(false);
    expect(card.text()).not.toMatch(/unklar|unclear/);
    card.open(
      {
        ...buildEntityCard(analysis, kim, buildCoOccurrence(analysis), 0),
        quotes: [{ text: 'Das bleibt so', kind: 'speech', speakerUnclear: true }],
      },
      {
        focus: false,
        anchor: () => new dom.window.DOMRect(10, 10, 50, 20),
        onNextMention: () => {},
        onClose: () => {},
      },
    );
    expect(card.text()).toContain(expected);
    card.destroy();
  });

  it('takes focus only when opened from the keyboard; close() reports back; destroy() leaves no host', () => {
    const { doc, card, open, handlers } = setup('en');
    const button = doc.getElementById('b') as HTMLButtonElement;
    button.focus();
    open(false);
    expect(doc.activeElement).toBe(button); // hover never steals focus
    open(true);
    expect(doc.activeElement).toBe(cardHosts(doc)[0]);
    card.close();
    expect(handlers.closed).toHaveBeenCalledTimes(1);
    expect(card.isOpen()).toBe(false);
    expect(card.text()).toBeNull();
    card.destroy();
    expect(cardHosts(doc)).toEqual([]);
  });

  it('runs no page-defined constructor: a page that defined kontext-card gets neither the host nor its root', () => {
    const { dom, doc, card, open } = setup('en');
    const stolen: ElementInternals[] = [];
    const constructed = vi.fn();
    // What a hostile page does: define the names Kontext might use, and keep the internals they hand out.
    const Hostile = class extends dom.window.HTMLElement {
      constructor() {
        super();
        constructed();
        stolen.push(this.attachInternals());
      }
    };
    dom.window.customElements.define('kontext-card', Hostile);
    open(false);
    expect(constructed).not.toHaveBeenCalled();
    expect(cardHosts(doc)).toHaveLength(1);
    expect(card.text()).toContain('Look up on Wikipedia');
    card.destroy();
  });

  it('keeps the root closed when the page defines the host’s random name after seeing it', () => {
    const { dom, doc, card, open } = setup('en');
    open(false);
    const host = cardHosts(doc)[0]!;
    let internals: ElementInternals | null = null;
    dom.window.customElements.define(
      host.localName,
      class extends dom.window.HTMLElement {
        constructor() {
          super();
          internals = this.attachInternals();
        }
      },
    );
    // The definition upgraded the connected host and ran the page's constructor, but the root was not
    // attached to a custom element, so the internals do not expose it.
    expect(internals).not.toBeNull();
    expect(internals!.shadowRoot).toBeNull();
    expect(card.text()).toContain('Look up on Wikipedia');
    card.destroy();
  });

  it('uses a new unguessable tag for each host', () => {
    const first = setup('en');
    first.open(false);
    const firstTag = cardHosts(first.doc)[0]!.localName;
    first.card.destroy();
    first.open(false);
    const secondTag = cardHosts(first.doc)[0]!.localName;
    expect(firstTag).toMatch(/^kontext-card-[0-9a-z]{8,}$/);
    expect(secondTag).not.toBe(firstTag);
    first.card.destroy();
  });

  it('shows no card rather than one in a root the page made', () => {
    const { dom, doc, card, open } = setup('en');
    // jsdom shares one world with the page; in the browsers the content script's attachShadow is its own.
    dom.window.Element.prototype.attachShadow = function (this: Element) {
      throw new dom.window.DOMException('blocked', 'NotSupportedError');
    };
    open(false);
    expect(card.isOpen()).toBe(false);
    expect(card.text()).toBeNull();
    expect(cardHosts(doc)).toEqual([]);
  });
});
