// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityCardModel } from '../../lib/highlight/card-model.ts';
import type { CardWikipediaAnswer, SavedMentions } from '../../lib/messaging.ts';
import { parseSummary } from '../../lib/wikipedia/api.ts';
import { KIM_SUMMARY_EN, summaryResponse } from '../../tests/fixtures/wikipedia/responses.ts';
import { type CardServices, provideCardServices } from './card-services.ts';
import { HoverCard } from './HoverCard.tsx';
import { cardStrings } from './i18n.ts';

const model: EntityCardModel = {
  entityId: 'e1',
  name: 'Kim Jong Un',
  kind: 'person',
  count: 2,
  mentionNumber: 1,
  firstSentence: 'Kim Jong Un empfing Putin.',
  quotes: [],
  related: [],
  wikipediaUrl: 'https://en.wikipedia.org/w/index.php?search=Kim%20Jong%20Un',
  lang: 'en',
  context: 'North Korea missile launch',
};

function services(answer: CardWikipediaAnswer, saved: SavedMentions = { total: 0, articles: [] }) {
  const fake = {
    wikipedia: vi.fn(async () => answer),
    savedMentions: vi.fn(async () => saved),
    openWikipediaSwitch: vi.fn(),
    turnWikipediaOff: vi.fn(async () => undefined),
    openSavedList: vi.fn(),
  } satisfies CardServices;
  provideCardServices(fake);
  return fake;
}

async function showCard(language = 'en') {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(
      <HoverCard model={model} strings={cardStrings(language)} onNextMention={() => {}} onClose={() => {}} />,
      root,
    );
  });
  await act(async () => {}); // the services' promises
  return root;
}

afterEach(() => {
  provideCardServices(null);
  document.body.replaceChildren();
});

describe('the card’s Wikipedia section', () => {
  it('asks with the name, kind, language and context words, and shows description, first sentences and image', async () => {
    const fake = services({ state: 'summary', summary: parseSummary(KIM_SUMMARY_EN, 'en')! });
    const root = await showCard();
    expect(fake.wikipedia).toHaveBeenCalledWith({
      name: 'Kim Jong Un',
      kind: 'person',
      lang: 'en',
      context: 'North Korea missile launch',
    });
    const section = root.querySelector('[data-testid="card-wikipedia"]')!;
    expect(section.querySelector('.wiki-description')?.textContent).toBe(
      'Supreme Leader of North Korea since 2011',
    );
    expect(section.querySelector('.wiki-extract')?.textContent).toBe(
      'Kim Jong Un is a North Korean politician (stub extract for tests). He has led the country since 2011.',
    );
    const img = section.querySelector('img')!;
    expect(img.getAttribute('src')).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(section.textContent).toContain('CC BY-SA 4.0');
    expect(section.querySelector('a[href="https://en.wikipedia.org/wiki/Kim_Jong_Un"]')).not.toBeNull();
  });

  it('renders page text as text, never as markup', async () => {
    const evil = parseSummary(
      summaryResponse('en', 'Kim Jong Un', {
        description: '<img src=x onerror=alert(1)>',
        extract: '<script>alert(1)</script> Done.',
        thumbnail: 'https://evil.example/track.gif',
      }),
      'en',
    )!;
    services({ state: 'summary', summary: evil });
    const root = await showCard();
    const section = root.querySelector('[data-testid="card-wikipedia"]')!;
    expect(section.querySelector('script')).toBeNull();
    expect(section.querySelectorAll('img')).toHaveLength(0);
    expect(section.querySelector('.wiki-description')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('lists the pages, without a face, when several carry the name', async () => {
    services({
      state: 'several',
      links: [
        { title: 'Müller', url: 'https://de.wikipedia.org/wiki/M%C3%BCller' },
        { title: 'Thomas Müller', url: 'https://de.wikipedia.org/wiki/Thomas_M%C3%BCller' },
      ],
    });
    const root = await showCard('de');
    const section = root.querySelector('[data-testid="card-wikipedia"]')!;
    expect(section.querySelector('h3')?.textContent).toBe('Wikipedia: mehrere Personen namens Kim Jong Un');
    expect([...section.querySelectorAll('.wiki-links a')].map((a) => a.textContent)).toEqual([
      'Müller',
      'Thomas Müller',
    ]);
    expect(section.querySelector('img')).toBeNull();
  });

  it('while off, the switch opens the settings page (the permission is asked there) and nothing else shows', async () => {
    const fake = services({ state: 'off' });
    const root = await showCard();
    const toggle = root.querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(root.querySelector('.wiki-description')).toBeNull();
    toggle.click();
    expect(fake.openWikipediaSwitch).toHaveBeenCalledTimes(1);
    expect(fake.turnWikipediaOff).not.toHaveBeenCalled();
  });

  it('while on, the switch turns summaries off', async () => {
    const fake = services({ state: 'none' });
    const root = await showCard();
    const toggle = root.querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await act(async () => toggle.click());
    expect(fake.turnWikipediaOff).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('false');
  });

  it('without services (no background to ask), the card is as it was', async () => {
    const root = await showCard();
    expect(root.querySelector('[data-testid="card-wikipedia"]')).toBeNull();
    expect(root.querySelector('.saved-mentions')).toBeNull();
    expect(root.querySelector('a.wiki')).not.toBeNull();
  });
});

describe('the card’s saved-articles line', () => {
  it('says in how many saved articles the name appears, with their titles', async () => {
    const fake = services(
      { state: 'off' },
      {
        total: 3,
        articles: [
          { id: 'a', title: 'Summit in Hanoi' },
          { id: 'b', title: 'Raketen über dem Meer' },
        ],
      },
    );
    const root = await showCard();
    const section = root.querySelector('.saved-mentions')!;
    expect(section.querySelector('h3')?.textContent).toBe('In 3 of your saved articles');
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Summit in Hanoi',
      'Raketen über dem Meer',
    ]);
    section.querySelector<HTMLButtonElement>('button')!.click();
    expect(fake.openSavedList).toHaveBeenCalledWith('Kim Jong Un');
  });

  it('says nothing when no saved article names it', async () => {
    services({ state: 'off' });
    const root = await showCard();
    expect(root.querySelector('.saved-mentions')).toBeNull();
  });
});
