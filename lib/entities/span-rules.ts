/**
 * Rules applied to the tagger's spans before anyone sees them: the CLI, the evaluation and the
 * article's entity table alike.
 * - Only PER, LOC and ORG leave the tagger. The MISC and DERIV classes it learns ("deutsche",
 *   "Ukraine-Krieg") are there to tell it what is *not* a name.
 * - A leading role noun or title is not part of a person's name ("Machthaber Kim Jong Un"); an
 *   organisation keeps it ("Queen of the South").
 * - Nor, after a person's genitive, is the noun the person owns ("Wulffs Hochzeitsfeier").
 * On German dev the possessed-noun cut mends 2 spans (+0.46 F1 points); on 3-fold cross-validation of
 * the German train split the two cuts were worth +0.06 (measured while role words were still cut from
 * every type). Cutting a leading common noun before a person too ("Olympiasieger Casartelli") was level
 * on cross-validation and cost "Lady Gaga" on dev, so it is not a rule.
 * - German only: a lone given name the tagger made a person takes the capitalised word after it as
 *   the surname ("Katrin Habicht", whose "Habicht" is also a noun, a hawk; German capitalises nouns,
 *   so the tagger cannot tell them by case). It never fires on German dev with the
 *   committed model or the one trained with the extra corpora; it mends two quotes of the speaker gold
 *   set's German tune part, whose speaker was cut to "Katrin" and then not found for the surname alone.
 */

import { type FeatureResources, isPossessedNoun } from './features.ts';
import { isRoleWord } from './roles.ts';
import { tagsToSpans } from './tag-spans.ts';

const NAME_TAG = /^[BI]-(PER|LOC|ORG)$/;
/** A capitalised word that can be a surname: "Habicht", "Müller-Lüdenscheidt". */
const SURNAME_SHAPE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/**
 * Whether (in German) a lone given name the tagger made a person is followed by its surname, which
 * the tagger left out ("Katrin Habicht", where "Habicht" is also a common noun): the next word is
 * capitalised, untagged and not a role word.
 */
function surnameFollows(tokens: readonly string[], out: readonly string[], k: number, res: FeatureResources) {
  const given = tokens[k]!;
  const next = tokens[k + 1];
  return (
    res.lang === 'de' &&
    (res.wordSets.givenNames?.has(given) || res.firstNames?.has(given)) === true &&
    next !== undefined &&
    out[k + 1] === 'O' &&
    SURNAME_SHAPE.test(next) &&
    !isRoleWord(next.toLowerCase())
  );
}

/** IOB2 tags over PER, LOC and ORG only, with the rules above applied. */
export function applySpanRules(
  tokens: readonly string[],
  tags: readonly string[],
  res: FeatureResources,
): string[] {
  const out = tags.map((t) => (NAME_TAG.test(t) ? t : 'O'));
  for (const span of tagsToSpans(out)) {
    let first = span.start;
    let end = span.end;
    while (span.type === 'PER' && first < end && isRoleWord(tokens[first]!.toLowerCase())) first++;
    if (span.type === 'PER' && end - first > 1 && isPossessedNoun(tokens[end - 2]!, tokens[end - 1]!, res))
      end--;
    for (let k = span.start; k < span.end; k++) {
      out[k] = k < first || k >= end ? 'O' : `${k === first ? 'B' : 'I'}-${span.type}`;
    }
    if (
      span.type === 'PER' &&
      end === span.end &&
      end - first === 1 &&
      surnameFollows(tokens, out, first, res)
    )
      out[end] = 'I-PER';
  }
  return out;
}
