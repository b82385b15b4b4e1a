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
 *   A double given name („Lisa-Marie", both parts given names) counts as a given name.
 * - German only: the tagger missed or mis-kinded a full name. A double given name and a surname
 *   („Zuspielerin Lisa-Marie Krause", all untagged) are a person; so is a two-word place or
 *   organisation of a given name and a surname, neither (nor the whole) filed by the gazetteer as a
 *   place or organisation („Kunsthistorikerin Isabelle Graw" tagged as a place). Both came with the
 *   German model that learns from Europeana and LER (speaker gold set, German tune part). On German
 *   dev they fire once („Lotus Domino", gold OTH: a place before, a person after, wrong either way);
 *   overall F1 stays 70.24.
 */

import { type FeatureResources, isPossessedNoun } from './features.ts';
import { isRoleWord } from './roles.ts';
import { tagsToSpans } from './tag-spans.ts';

const NAME_TAG = /^[BI]-(PER|LOC|ORG)$/;
/** A capitalised word that can be a surname: "Habicht", "Müller-Lüdenscheidt". */
const SURNAME_SHAPE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** A given name in the model's lists, or a double one whose parts both are („Lisa-Marie"). */
function isGivenName(word: string, res: FeatureResources): boolean {
  const listed = (w: string) => (res.wordSets.givenNames?.has(w) || res.firstNames?.has(w)) === true;
  if (listed(word)) return true;
  const parts = word.split('-');
  return parts.length === 2 && parts.every((p) => SURNAME_SHAPE.test(p) && listed(p));
}

/** A capitalised word shaped like a surname that is not a role word ("Habicht", not "Ministerin"). */
function surnameShaped(word: string): boolean {
  return SURNAME_SHAPE.test(word) && !isRoleWord(word.toLowerCase());
}

/** Whether the gazetteer files a name as a place or an organisation. */
function filedAsPlaceOrOrg(name: string, res: FeatureResources): boolean {
  const kind = res.gazetteer?.kindOf(name);
  return kind === 'LOC' || kind === 'ORG';
}

/** A capitalised word that may be a surname here: not a role word, not filed as a place or organisation. */
function isSurname(word: string | undefined, res: FeatureResources): word is string {
  return word !== undefined && surnameShaped(word) && !filedAsPlaceOrOrg(word, res);
}

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
    isGivenName(given, res) &&
    next !== undefined &&
    out[k + 1] === 'O' &&
    surnameShaped(next)
  );
}

/** German: a double given name and a surname the tagger left untagged („Lisa-Marie Krause"). */
function untaggedDoubleName(
  tokens: readonly string[],
  out: readonly string[],
  k: number,
  res: FeatureResources,
) {
  const given = tokens[k]!;
  return (
    res.lang === 'de' &&
    out[k] === 'O' &&
    out[k + 1] === 'O' &&
    given.includes('-') &&
    isGivenName(given, res) &&
    isSurname(tokens[k + 1], res)
  );
}

/** German: a two-word place or organisation that is a given name and a surname („Isabelle Graw"). */
function personAsOtherKind(
  tokens: readonly string[],
  span: { start: number; end: number; type: string },
  res: FeatureResources,
) {
  if (res.lang !== 'de' || span.type === 'PER' || span.end - span.start !== 2) return false;
  const given = tokens[span.start]!;
  return (
    !filedAsPlaceOrOrg(`${given} ${tokens[span.start + 1]}`, res) &&
    // Nor a given name the gazetteer files as a place or organisation („Hudson River").
    !filedAsPlaceOrOrg(given, res) &&
    isGivenName(given, res) &&
    isSurname(tokens[span.start + 1], res)
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
    if (personAsOtherKind(tokens, span, res)) {
      out[span.start] = 'B-PER';
      out[span.start + 1] = 'I-PER';
      continue;
    }
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
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (!untaggedDoubleName(tokens, out, k, res)) continue;
    out[k] = 'B-PER';
    out[k + 1] = 'I-PER';
  }
  return out;
}
