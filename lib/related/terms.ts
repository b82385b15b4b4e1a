/**
 * Content words for topical overlap: lower-cased, accent-folded, stop words removed, and reduced to a
 * crude stem so "Putins" meets "Putin" and "students" meets "student". Deliberately language-light:
 * it only has to make titles and article text comparable, not to be linguistics.
 */
import { foldAccents } from '../text/fold.ts';

const STOP_WORDS = new Set(
  [
    // en
    'the a an and or but of to in on at for from by with about as into over after before under than that this these those',
    'is are was were be been being has have had do does did will would can could should may might must not no',
    'it its he she they them his her their we you your our who whom which what when where why how all any more most',
    'new says said say just also only out up down off now here there very much many some such one two three first last',
    'year years time times day days week news video photos live update updates read review',
    // de
    'der die das den dem des ein eine einer einem einen eines und oder aber nicht kein keine ist sind war waren wird werden',
    'hat haben hatte mit von vom zu zum zur im in am an auf aus bei nach für über unter vor durch gegen ohne um sich sie er',
    'es wir ihr ihre sein seine dass als auch noch nur schon wie was wer wo mehr neue neuen neuer jahr jahre heute',
    // fr
    'le la les un une des du de et ou mais pas ne est sont été être avoir a au aux dans sur par pour avec sans qui que quoi',
    'ce cette ces son sa ses leur leurs plus comme tout tous très aussi lire',
    // es / pt
    'el los las una unos unas y o pero no es son fue ser del al en con sin por para que como más muy su sus este esta',
    'os as um uma e ou mas não é são foi em no na nos nas do da dos das com sem por para que como mais muito seu sua',
    // cs
    'a i v ve na se je jsou byl byla s z ze do k ke o od po pro za že to ten ta tak jak už ale',
  ]
    .join(' ')
    .split(' ')
    .map(foldAccents),
);

/** Strips the commonest inflection endings (English plural/possessive, German/Romance case and number). */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(ies|es|en|er|ern|s|n|e)$/u, '') || word;
}

/** Content-word stems of `text`, in order, duplicates kept. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const raw of foldAccents(text.toLowerCase()).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
    terms.push(stem(raw));
  }
  return terms;
}

/** Two stems refer to the same thing when equal, or when both are long and share a 6-letter prefix. */
export function termsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6);
}
