/**
 * Grammatical gender for pronoun and description resolution: "sagte sie" and "die Landrätin" point
 * to a woman, "he said" and "der 67-Jährige" to a man. A person's gender comes from the words the
 * article puts next to the name (Frau, Mr, „Landrätin Petra Sommer“, "the actress") or from a list
 * of common first names; unknown when nothing tells. Unknown is compatible with both.
 */

export type Gender = 'f' | 'm';

const FEMALE_NAMES = new Set(
  (
    'anna anne annette andrea angela angelika anja antje barbara beate bettina birgit brigitte carla carmen ' +
    'christa christiane christina christine claudia cornelia dagmar daniela diana doris dorothea edith elena ' +
    'elfriede elisabeth elke ella emma erika eva franziska frieda gabriele gisela greta gudrun hanna hannah ' +
    'heike helga helene hildegard ilse inge ingrid irene iris jana jasmin johanna julia jutta karin katharina ' +
    'kathrin katja katrin kerstin klara kristina lara laura lea lena lina lisa luisa maja manuela margarete ' +
    'maria marie marina marion martina melanie mia miriam monika nadine nadia natalie nicole nina olga paula ' +
    'petra pia renate rita rosa ruth sabine sandra sarah sara silke simone sofia sophie stefanie susanne svenja ' +
    'tanja theresa ulrike ursula ute vanessa vera veronika yvonne ayse elif zeynep leonie charlotte ' +
    'amanda amy alice alison ashley carol caroline catherine claire dana denise diane donna ' +
    'elizabeth ellen emily emma grace hannah helen jane janet jennifer jessica karen kate kelly ' +
    'kimberly laura linda lisa lucy margaret maria mary maya megan melissa michelle nancy natalie olivia ' +
    'pamela patricia rachel rebecca ruth sally samantha sandra sharon sophie stephanie susan ' +
    'victoria wendy angela carla raquel '
  )
    .trim()
    .split(' '),
);

const MALE_NAMES = new Set(
  (
    'alexander alois andreas axel bernd christian christoph daniel david dieter dirk florian frank friedrich ' +
    'georg gerhard günter hans heinrich helmut hendrik henning horst hubert jan jens joachim jonas jörg ' +
    'josef jürgen karl klaus kevin lars lukas malte marco mario markus martin matthias max michael ' +
    'nils olaf oliver paul peter philipp rainer ralf robert rudolf sebastian stefan steffen sven ' +
    'thomas tobias torsten uwe volker walter werner wolfgang ' +
    'aaron adam andrew ben benjamin brian carl charles chris christopher dale derek doug douglas ' +
    'edward eric ethan gary gavin george gregory harry henry jack james jason jeff jerome john ' +
    'joseph kevin luis mark matthew michael mike nick patrick paul peter raymond richard robert roy ' +
    'ryan sam scott simon stephen steve steven ted thomas tim tom tony victor william '
  )
    .trim()
    .split(' '),
);

/** Gender from a first name; unknown for names in neither list. */
export function genderOfFirstName(name: string): Gender | null {
  const first = name.toLowerCase();
  if (FEMALE_NAMES.has(first)) return 'f';
  if (MALE_NAMES.has(first)) return 'm';
  return null;
}

const FEMALE_WORDS =
  /^(?:frau|mrs\.?|ms\.?|miss|actress|spokeswoman|chairwoman|businesswoman|congresswoman|mother|daughter|wife|sister|grandmother|queen|mutter|tochter|ehefrau|schwester|witwe)$/iu;
const MALE_WORDS =
  /^(?:herr|mr\.?|sir|lord|actor|spokesman|chairman|businessman|congressman|father|son|husband|brother|grandfather|king|vater|sohn|ehemann|bruder|witwer)$/iu;

/**
 * Gender a word next to a name gives it: "Frau", "Mr.", "actress", and German person nouns, feminine
 * with -in/-innen (Landrätin, Konzernchefin) and masculine when `germanPersonNoun` says the word is
 * one without that ending (Bürgermeister, Trainer).
 */
export function genderOfWord(word: string, germanPersonNoun = false): Gender | null {
  if (FEMALE_WORDS.test(word)) return 'f';
  if (MALE_WORDS.test(word)) return 'm';
  if (germanPersonNoun && /^\p{Lu}/u.test(word)) return /in$/u.test(word) ? 'f' : 'm';
  return null;
}

/** Gender a pronoun or a German possessive marks: er/he/sein, sie/she/ihr. */
export function genderOfPronoun(word: string): Gender | null {
  const w = word.toLowerCase();
  if (w === 'er' || w === 'he' || w === 'him' || w === 'his' || /^sein(?:e[mnrs]?)?$/.test(w)) return 'm';
  if (w === 'she' || w === 'her' || w === 'sie' || /^ihr(?:e[mnrs]?)?$/.test(w)) return 'f';
  return null;
}

export function compatible(a: Gender | null, b: Gender | null): boolean {
  return a === null || b === null || a === b;
}
