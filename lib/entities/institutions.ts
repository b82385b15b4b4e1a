/**
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
