/** Precision and coverage of the page choice on a gold set (tests/fixtures/wikipedia/gold.ts). */
import { contentTerms } from '../text/content-words.ts';
import type { EntityKind } from '../types.ts';
import { parseSearchTitle } from './api.ts';
import { type Choice, chooseCandidate } from './choose.ts';

export interface ChoiceCase {
  name: string;
  kind: EntityKind;
  context: string;
  /** A search/title response body. */
  search: unknown;
  /** The right page, or null when no single listed page is right. */
  expected: string | null;
}

export interface ChoiceScore {
  cases: number;
  /** Cases where the card would show one page. */
  shown: number;
  /** Shown pages that are the expected page. */
  correct: number;
  /** correct / shown (1 when nothing is shown: no wrong page was shown). */
  precision: number;
  /** correct / cases with an expected page. */
  coverage: number;
  wrong: Array<{ name: string; chose: string; expected: string | null }>;
}

export function choiceFor(c: ChoiceCase): Choice {
  return chooseCandidate(
    { name: c.name, kind: c.kind, context: contentTerms(c.context) },
    parseSearchTitle(c.search),
  );
}

export function scoreChoices(cases: readonly ChoiceCase[]): ChoiceScore {
  let shown = 0;
  let correct = 0;
  const wrong: ChoiceScore['wrong'] = [];
  for (const c of cases) {
    const choice = choiceFor(c);
    if (choice.outcome !== 'match') continue;
    shown++;
    if (choice.title === c.expected) correct++;
    else wrong.push({ name: c.name, chose: choice.title, expected: c.expected });
  }
  const answerable = cases.filter((c) => c.expected !== null).length;
  return {
    cases: cases.length,
    shown,
    correct,
    precision: shown === 0 ? 1 : correct / shown,
    coverage: answerable === 0 ? 1 : correct / answerable,
    wrong,
  };
}
