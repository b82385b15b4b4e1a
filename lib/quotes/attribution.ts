/**
 * Finds who said a quote from the words around it: after the quote ("…“, sagte X / so X / zitierte
 * X den Y; …," X said / said X), or before it in the same sentence (X sagte: „…“ / Dazu erklärte X:
 * / laut X / X zufolge / according to X / X told reporters: "…").
 */

import { isPunctuation, type Token } from '../text/tokens.ts';
import { AUDIENCE_VERBS, DETERMINERS, SPEECH_VERBS } from './lexicon.ts';
import { type NounPhrase, readNounPhraseBackward, readNounPhraseForward } from './noun-phrase.ts';
import type { Speaker, SpeakerResolver } from './resolve.ts';

const isSpeechVerb = (word: string) => SPEECH_VERBS.has(word.toLowerCase()) || word === 'so';

function resolveFirst(resolver: SpeakerResolver, phrases: Array<NounPhrase | null>): Speaker | null {
  for (const phrase of phrases) {
    if (!phrase) continue;
    const speaker = resolver.resolve(phrase);
    if (speaker) return speaker;
  }
  return null;
}

/** "X, the company's chief executive, said": skips an apposition between commas, reading leftwards. */
function skipApposition(tokens: Token[], i: number): number {
  if (tokens[i]?.text !== ',') return i;
  for (let k = i - 1; k >= 0 && i - k <= 8; k--) {
    if (tokens[k]!.text === ',') return k - 1;
  }
  return i;
}

/** Attribution in the words right after the closing mark (same sentence). */
export function speakerAfter(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  let i = 0;
  while (i < tokens.length && /^[,–—-]$/.test(tokens[i]!.text)) i++;
  if (i === 0 && tokens[0] && isPunctuation(tokens[0].text)) return null; // "…“. Next sentence" or "…”"
  const first = tokens[i];
  if (!first) return null;
  if (isSpeechVerb(first.text)) {
    const subject = readNounPhraseForward(tokens, i + 1);
    if (subject && AUDIENCE_VERBS.has(first.text.toLowerCase())) {
      // "zitierte KCNA den Machthaber": the agency quotes; the one quoted is the speaker.
      const quoted = DETERMINERS.has(tokens[subject.next]?.text.toLowerCase() ?? '')
        ? readNounPhraseForward(tokens, subject.next)
        : null;
      if (quoted) return resolveFirst(resolver, [quoted, subject]);
    }
    return resolveFirst(resolver, [subject]);
  }
  // English order: "…," Smith said / he added / the minister told reporters / Smith, 45, said.
  const subject = readNounPhraseForward(tokens, i);
  if (!subject) return null;
  let v = subject.next;
  if (tokens[v]?.text === ',') {
    for (let k = v + 1; k < tokens.length && k - v <= 8; k++) {
      if (tokens[k]!.text === ',') {
        v = k + 1;
        break;
      }
    }
  }
  if (tokens[v] && isSpeechVerb(tokens[v]!.text)) return resolveFirst(resolver, [subject]);
  return null;
}

/** "…“, um das zu sagen, meint Berg": an attribution closing the sentence after an inserted clause. */
export function speakerLaterAfter(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i - 1]!.text === ',' && isSpeechVerb(tokens[i]!.text) && tokens[i]!.text !== 'so') {
      const speaker = resolveFirst(resolver, [readNounPhraseForward(tokens, i + 1)]);
      if (speaker) return speaker;
    }
  }
  return null;
}

/** Attribution earlier in the sentence that holds the opening mark. */
export function speakerBefore(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = tokens[i]!.text;
    const lower = word.toLowerCase();
    let speaker: Speaker | null = null;
    if (lower === 'laut' || (lower === 'to' && tokens[i - 1]?.text.toLowerCase() === 'according')) {
      speaker = resolveFirst(resolver, [readNounPhraseForward(tokens, i + 1)]);
    } else if (lower === 'zufolge') {
      speaker = resolveFirst(resolver, [readNounPhraseBackward(tokens, i - 1)]);
    } else if (word !== 'so' && isSpeechVerb(word)) {
      const backward = readNounPhraseBackward(tokens, skipApposition(tokens, i - 1));
      // "told reporters": after these verbs comes the audience, not the speaker.
      let forward =
        AUDIENCE_VERBS.has(lower) && lower.startsWith('t') ? null : readNounPhraseForward(tokens, i + 1);
      // English puts the speaker after the verb only in "said Smith:"; in "suggested the U.S. might
      // be …" the phrase after the verb starts the reported clause.
      if (forward && !resolver.lang.startsWith('de') && !/^[,:]$/.test(tokens[forward.next]?.text ?? '')) {
        forward = null;
      }
      speaker = resolveFirst(resolver, [backward, forward]);
    }
    if (speaker) return speaker;
  }
  return null;
}

/** The sentence's subject when it opens the sentence and names a person: "Okafor verweist auf Wien:". */
export function subjectOf(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  const subject = readNounPhraseForward(tokens, 0);
  if (!subject || subject.kind === 'role' || subject.article === 'indefinite') return null;
  const speaker = resolver.resolve(subject);
  return speaker && resolver.isPerson(speaker) ? speaker : null;
}
