/**
 * Public institutions the tagger often leaves out, by language, as one-word organisation names.
 *
 * German public institutions the tagger often leaves out (issue 14, German recall): one-word compounds
 * of "Bundes"/"Landes" with an institution head — „Bundesverfassungsgericht", „Bundesumweltministerium",
 * „Bundesanwaltschaft", „Bundesregierung", „Landeskriminalamt", „Bundestages" (a genitive). They are
 * names of one body each and always capitalised, so the word alone is enough evidence.
 */

const INSTITUTION =
  /^(?:Bundes|Landes)\p{Ll}*(?:ministerium|amt|gericht|gerichtshof|regierung|anwaltschaft|tag|rat|wehr|bank|agentur|polizei|kanzleramt|rechnungshof|präsidialamt|versammlung)(?:e?s)?$/u;

/** Whether a German word is such an institution's name (in any case form). */
export function isInstitutionWord(word: string): boolean {
  return INSTITUTION.test(word) && !/(?:ämter|gerichte|regierungen)$/.test(word);
}

/**
 * English: legislatures named by one word ("the Commons", "the Lords", "Parliament", "the Knesset"). The
 * word capitalised is the body's name; a lower-case "parliament" is the common noun and never matches.
 * "The state Senate" is listed but not painted (not-names.ts).
 */
const ENGLISH_LEGISLATURES = new Set([
  'Parliament',
  'Congress',
  'Senate',
  'Commons',
  'Lords',
  'Bundestag',
  'Bundesrat',
  'Knesset',
  'Duma',
  'Senedd',
  'Holyrood',
  'Stormont',
  'Oireachtas',
  'Dáil',
  'Seanad',
  'Riksdag',
  'Storting',
  'Folketing',
  'Sejm',
  'Verkhovna',
  'Majlis',
]);

/** Whether an English word is a legislature's one-word name. */
export function isEnglishInstitutionWord(word: string): boolean {
  return ENGLISH_LEGISLATURES.has(word);
}
