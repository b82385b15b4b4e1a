/**
 * Heading texts that announce related reading, and those that announce lists unrelated to the article
 * (most read, trending, latest, sponsored), in the languages Kontext meets most.
 */

const RELATED = [
  // de
  'weiterführende (analysen|artikel|links|informationen|texte|lektüre)',
  'mehr (zum|zu diesem) thema',
  'mehr dazu',
  'zum thema',
  '(lesen sie|lies) (auch|mehr|dazu)',
  'auch interessant',
  'das könnte sie (auch )?interessieren',
  'verwandte (artikel|themen|beiträge|nachrichten)',
  'ähnliche (artikel|themen|beiträge)',
  // en
  'related( (stories|articles|coverage|content|links|reading|posts|news|topics))?',
  'read (more|also|next)',
  'further reading',
  'see also',
  'more (on|about) (this|the) (story|topic|subject|issue)',
  'more from this (stream|story|series)',
  'more [\\p{L}-]+ (news|stories|coverage)',
  // fr
  '(à |a )?lire (aussi|également|egalement|encore)',
  'sur le même (sujet|thème)',
  'voir aussi',
  'pour aller plus loin',
  // es
  'más información',
  'le[ae] (también|tambien|más)',
  '(noticias|notas|artículos) relacionad[oa]s',
  // pt
  '(leia|veja) (também|mais)',
  'saiba mais',
  'relacionad[oa]s',
  // cs
  'související( články| zprávy)?',
  'čtěte (také|též)',
  // it
  'leggi anche',
  'articoli correlati',
];

/** The whole heading must be one of the phrases, optionally followed by a colon. */
const RELATED_HEADING = new RegExp(`^(${RELATED.join('|')})\\s*[:.…]?$`, 'iu');

const UNRELATED = [
  'meist(gelesen|geklickt|kommentiert|geteilt)',
  'most (read|popular|viewed|shared|emailed|commented)',
  'trending',
  'popular',
  'beliebt',
  'top (stories|news|artikel)',
  'latest',
  'neueste',
  'aktuell',
  'les plus (lus|partagés|commentés)',
  'más (leídas|vistas|populares|leído)',
  'mais (lidas|lidos|vistos)',
  'nejčtenější',
  'recommended',
  'empfohlen',
  'promoted',
  'sponsor',
  'anzeige',
  'advertis',
  'from around the web',
  'you (may|might) (also )?like',
  'next on',
  'more from',
  'newsletter',
  // "More Buzz", "More Stories": a site's own promotion rather than this story's.
  '^more \\S+$',
];

const UNRELATED_HEADING = new RegExp(`(${UNRELATED.join('|')})`, 'iu');

export function normalizeHeading(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** More than 60 non-space characters: longer than any heading once its spaces are collapsed. */
const OVER_60_CHARS = /\S(?:\s*\S){60}/;

export function isRelatedHeading(text: string): boolean {
  // Every Text node of the page is asked: a paragraph is turned away after reading its first characters,
  // before its whole text is normalised.
  if (text.length > 60 && OVER_60_CHARS.test(text)) return false;
  // Most of the rest is the white space between tags: turned away without normalising it.
  if (text.trim() === '') return false;
  const heading = normalizeHeading(text);
  return heading.length > 0 && heading.length <= 60 && RELATED_HEADING.test(heading);
}

export function isUnrelatedHeading(text: string): boolean {
  const heading = normalizeHeading(text);
  return heading.length > 0 && heading.length <= 80 && UNRELATED_HEADING.test(heading);
}
