/**
 * Photo credits, bylines and contributor lines (German and English): the one home for the patterns, used
 * by extraction to classify whole blocks as 'credit' and by the recogniser to skip a credit that sits at
 * the end of a photo caption (a caption is one block: "Olaf Scholz in Genf. Foto: Markus Lehmann/AFP").
 */

const AGENCIES =
  'AFP|Getty Images|Reuters|AP|dpa|EPA|picture alliance|Imago|Keystone|Bloomberg|Agence France-Presse|The New York Times|Shutterstock';

/** A whole line that is a credit or contributor line. */
export const CREDIT_LINE: readonly RegExp[] = [
  /^(?:reporting by|additional reporting|editing by|writing by|compiled by|mitarbeit\s*:|mit material (?:von|der|des)\b|foto(?:s)?\s*:|bild(?:er)?\s*:|photo(?:s|graph)?\s*:|picture(?:s)?\s*:|image\s*:|credit\s*(?::|\.\.\.|…)|quelle\s*:)/i,
  /\bcontributed (?:reporting )?to this (?:report|article|story)\.?$/i,
  // "Name Surname/AFP/Getty Images", "Todd Heisler/The New York Times"
  new RegExp(`^(?:[\\p{Lu}][\\p{L}.'’-]*\\s){0,3}[\\p{Lu}][\\p{L}.'’-]*\\s?\\/\\s?(?:${AGENCIES})\\b`, 'u'),
  /^(?:©|\(c\)|copyright\s+(?:©\s*)?\d{4}\b)\s?\S/i,
  // A contributor line naming what the person made: "Analysis by Tom Reeve, markets correspondent",
  // "Words by Ana Ruiz; illustrations by Ben Cole", "Interview by …" (names and an optional role only,
  // so "Analysis by the IMF shows …" is prose).
  /^(?:[Aa]nalysis|[Ww]ords|[Tt]ext|[Ii]nterviews?|[Ii]llustrations?|[Gg]raphics|[Pp]hotography|[Pp]hotographs|[Vv]ideo|[Pp]roduced|[Ee]dited)\s+by\s+\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]+|and|&))*\s*(?:[,;]\s*[\p{L} ]{2,40})?$/u,
  // An agency alone on a line, as a wire story's sign-off: "— Associated Press", "(Reuters)", "dpa".
  new RegExp(`^(?:[—–-]\\s*)?\\(?(?:${AGENCIES}|Associated Press|PA Media|Press Association)\\)?\\.?$`, 'u'),
  // A byline alone: "Von Anna Berger", "By John Smith and Jane Doe", "Von Anna Berger · 2. Januar 2025,
  // 09:30 Uhr" (after "·", "|" or "•", which prose does not use, a date or place may follow)
  /^(?:[Vv]on|[Bb]y)\s+[\p{Lu}][\p{L}.'’-]+(?:\s+(?:[\p{Lu}][\p{L}.'’-]+|und|and|&))*\s*(?:,\s*[\p{L} ]{2,30})?(?:\s*[·|•]\s*.{0,60})?$/u,
];

export function isCreditLine(text: string): boolean {
  const line = text.trim();
  return CREDIT_LINE.some((pattern) => pattern.test(line));
}

/**
 * Where a credit at the end of a caption starts ("… in Genf. Foto: Markus Lehmann/AFP", "… (Photo:
 * Reuters)", "…Credit...Todd Heisler/The New York Times"), or -1 when the caption ends without one.
 */
// Only where a credit can begin: the caption's start, after its last sentence, or after "(", "[", "|" or
// a dash, so that "Ein Foto von Angela Merkel beim Gipfel" keeps its name.
const CAPTION_CREDIT_TAIL = new RegExp(
  `(?<=^|[.!?…"“”»«]\\s*|[(\\[|–—]\\s*)(?:(?:foto|fotos|bild|photo|photograph|picture|image|credit)\\s*(?::|\\.\\.\\.|…|by\\b|von\\b)|©|(?:[\\p{Lu}][\\p{L}.'’-]*\\s){0,3}[\\p{Lu}][\\p{L}.'’-]*\\s?\\/\\s?(?:${AGENCIES})\\b)[^.!?]{0,120}$`,
  'iu',
);

export function captionCreditStart(text: string): number {
  const match = CAPTION_CREDIT_TAIL.exec(text);
  return match ? match.index : -1;
}
