import { describe, expect, it } from 'vitest';
import { HELD_OUT, TUNE } from '../../tests/fixtures/wikipedia/gold.ts';
import { contentTerms } from '../text/content-words.ts';
import type { SearchCandidate, WikipediaSummary } from './api.ts';
import { chooseCandidate, summaryConfirms } from './choose.ts';
import { choiceFor, scoreChoices } from './evaluate.ts';

const candidate = (title: string, description: string, matchedTitle = ''): SearchCandidate => ({
  title,
  description,
  excerpt: title,
  matchedTitle,
});

describe('choosing the Wikipedia page (hand-written gold set in the search/title shape)', () => {
  it('has at least 30 names, with a held-out part', () => {
    expect(TUNE.length + HELD_OUT.length).toBeGreaterThanOrEqual(30);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['tuned on', TUNE],
    ['held out', HELD_OUT],
  ] as const)('shows the right page at least 9 times in 10 on the part %s', (_part, cases) => {
    const score = scoreChoices(cases);
    console.info(
      `wikipedia choice, ${_part}: precision ${score.precision.toFixed(3)} (${score.correct}/${score.shown} shown), coverage ${score.coverage.toFixed(3)} of ${cases.filter((c) => c.expected).length} answerable, ${score.cases} names`,
    );
    expect(score.wrong).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    // A rule that never shows anything would be precise and useless.
    expect(score.coverage).toBeGreaterThanOrEqual(0.6);
  });

  it('never picks one page for an ambiguous surname without helpful context', () => {
    for (const c of [...TUNE, ...HELD_OUT].filter((c) => c.expected === null)) {
      expect(choiceFor(c).outcome, c.name).toBe('several');
    }
  });
});

describe('chooseCandidate', () => {
  const person = (name: string, context = '') => ({
    name,
    kind: 'person' as const,
    context: contentTerms(context),
  });

  it('lists a disambiguation page instead of choosing', () => {
    const choice = chooseCandidate(person('Schmidt'), [
      candidate('Schmidt', 'Wikimedia disambiguation page'),
    ]);
    expect(choice).toEqual({ outcome: 'several', titles: ['Schmidt'] });
  });

  it('does not show a page of another kind under the same name', () => {
    const choice = chooseCandidate(person('Jordan'), [candidate('Jordan', 'country in Western Asia')]);
    expect(choice.outcome).toBe('several');
  });

  it('treats a redirect the name matched as the page itself', () => {
    const choice = chooseCandidate({ name: 'SPD', kind: 'organization', context: [] }, [
      candidate('Sozialdemokratische Partei Deutschlands', 'politische Partei in Deutschland', 'SPD'),
    ]);
    expect(choice).toEqual({ outcome: 'match', title: 'Sozialdemokratische Partei Deutschlands' });
  });

  it('needs the article’s words before it takes a person by surname alone', () => {
    const pages = [candidate('Olaf Scholz', 'deutscher Politiker (SPD), Bundeskanzler 2021–2025')];
    expect(chooseCandidate(person('Scholz', 'Scholz sagte am Montag'), pages).outcome).toBe('several');
    expect(chooseCandidate(person('Scholz', 'Bundeskanzler Scholz (SPD) sagte'), pages)).toEqual({
      outcome: 'match',
      title: 'Olaf Scholz',
    });
  });

  it('takes a surname match only for people', () => {
    const choice = chooseCandidate({ name: 'Berlin', kind: 'place', context: [] }, [
      candidate('Irving Berlin', 'American composer (1888–1989)'),
    ]);
    expect(choice).toEqual({ outcome: 'none' });
  });

  it('finds nothing when no title carries the name', () => {
    expect(
      chooseCandidate(person('Kim Jong Un'), [candidate('Pyongyang', 'capital of North Korea')]),
    ).toEqual({
      outcome: 'none',
    });
  });
});

describe('summaryConfirms', () => {
  const summary = (over: Partial<WikipediaSummary>): WikipediaSummary => ({
    lang: 'en',
    type: 'standard',
    title: 'Kim Jong Un',
    description: 'Supreme Leader of North Korea since 2011',
    extract: 'Kim Jong Un is a North Korean politician.',
    thumbnail: null,
    url: 'https://en.wikipedia.org/wiki/Kim_Jong_Un',
    ...over,
  });
  const subject = { name: 'Kim Jong Un', kind: 'person' as const, context: [] };

  it('accepts a standard article that fits the kind', () => {
    expect(summaryConfirms(subject, summary({}))).toBe(true);
  });

  it('rejects disambiguation pages and pages of another kind', () => {
    expect(summaryConfirms(subject, summary({ type: 'disambiguation' }))).toBe(false);
    expect(summaryConfirms(subject, summary({ description: 'city in North Korea' }))).toBe(false);
  });
});
