/**
 * Resolves a speaker phrase to the entity table: a mention under the phrase, a name or alias, a
 * pronoun (the nearest person named before), or a role noun (the person the role was used for:
 * "Nordkoreas Machthaber Kim Jong Un" makes "den Machthaber" Kim Jong Un).
 */
import type { Entity } from '../types.ts';
import { ROLE_NOUN } from './lexicon.ts';
import type { NounPhrase } from './noun-phrase.ts';

export interface Speaker {
  speaker: string | null;
  speakerEntityId: string | null;
}

export const NO_SPEAKER: Speaker = { speaker: null, speakerEntityId: null };

interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
}

const KIND_RANK: Record<string, number> = { person: 0, organization: 1, place: 2 };

export class SpeakerResolver {
  private readonly mentions: MentionRef[];
  /** Person mentions plus definite role nouns that refer back to a person ("die Ministerin"). */
  private personReferences: MentionRef[] | null = null;
  /** Person mentions outside quotes with the role-word stems next to them ("Machthaber Kim Jong Un"). */
  private roleContexts: Array<{ entity: Entity; at: number; stems: string[] }> | null = null;
  private readonly ranked: Entity[];

  constructor(
    private readonly text: string,
    private readonly entities: Entity[],
    /** Spans inside quotation marks: names in there are quoted, not speakers in the narrative. */
    private readonly quoted: Array<{ start: number; end: number }>,
    readonly lang: string,
  ) {
    this.mentions = entities
      .flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, end: m.end })))
      .sort((a, b) => a.start - b.start);
    this.ranked = [...entities].sort(
      (a, b) => (KIND_RANK[a.kind] ?? 3) - (KIND_RANK[b.kind] ?? 3) || b.count - a.count,
    );
  }

  resolve(phrase: NounPhrase): Speaker | null {
    const overlapping = this.mentions
      .filter((m) => m.start < phrase.end && m.end > phrase.start)
      .sort((a, b) => (KIND_RANK[a.entity.kind] ?? 3) - (KIND_RANK[b.entity.kind] ?? 3));
    if (overlapping[0]) return fromEntity(overlapping[0].entity);
    if (phrase.kind === 'pronoun') return this.nearestPersonBefore(phrase.start);
    if (phrase.kind === 'name') {
      const byName = this.entityByName(phrase.nameTokens);
      if (byName) return fromEntity(byName);
      // Every German noun is capitalised: one unknown capitalised word is too weak to call a speaker.
      const looksLikeName = phrase.nameTokens.length >= 2 || !this.lang.startsWith('de');
      if (!looksLikeName) return null;
      return { speaker: phrase.nameTokens.join(' '), speakerEntityId: null };
    }
    if (phrase.role) {
      const holder = this.roleHolder(phrase.role, phrase.start);
      if (holder) return fromEntity(holder);
      // "ein Sprecher", "one investor": someone not named.
      if (phrase.article === 'indefinite') return null;
      // "der 52-Jährige", "the minister": a definite description points back to the last person named.
      if (phrase.article === 'definite') return this.nearestPersonBefore(phrase.start);
      return { speaker: phrase.role, speakerEntityId: null };
    }
    return null;
  }

  isPerson(speaker: Speaker): boolean {
    return this.entities.some((e) => e.id === speaker.speakerEntityId && e.kind === 'person');
  }

  /** Quoted spans are sorted and do not overlap: a binary search finds the one that could hold offset. */
  private isQuoted(offset: number): boolean {
    let lo = 0;
    let hi = this.quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quoted[mid]!;
      if (offset < q.start) hi = mid - 1;
      else if (offset >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  private nearestPersonBefore(offset: number): Speaker | null {
    const references = this.references();
    for (let i = references.length - 1; i >= 0; i--) {
      const m = references[i]!;
      if (m.start < offset && !this.isQuoted(m.start)) return fromEntity(m.entity);
    }
    return null;
  }

  private references(): MentionRef[] {
    if (this.personReferences) return this.personReferences;
    const references = this.mentions.filter((m) => m.entity.kind === 'person');
    for (const match of this.text.matchAll(
      /(?<!\p{L})(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Tt]he)\s+(?:\p{Ll}+\s+){0,2}(\p{L}+)/gu,
    )) {
      const head = match[1]!;
      if (!ROLE_NOUN.test(head)) continue;
      const start = (match.index ?? 0) + match[0].length - head.length;
      const holder = this.roleHolder(head, start);
      if (holder) references.push({ entity: holder, start, end: start + head.length });
    }
    this.personReferences = references.sort((a, b) => a.start - b.start);
    return this.personReferences;
  }

  private entityByName(nameTokens: string[]): Entity | null {
    if (nameTokens.length === 0) return null;
    const phrase = nameTokens.join(' ').toLowerCase();
    const ranked = this.ranked;
    const exact = ranked.find((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === phrase));
    if (exact) return exact;
    // A surname or first name of a person named in full elsewhere: "Kim" for "Kim Jong Un".
    const last = nameTokens[nameTokens.length - 1]!.toLowerCase().replace(/['’]s$/, '');
    return (
      ranked.find((e) => e.kind === 'person' && e.name.toLowerCase().split(/\s+/).includes(last)) ??
      ranked.find((e) => e.kind !== 'person' && e.name.toLowerCase() === last) ??
      null
    );
  }

  /** The person a role noun was used for: a mention right after or before the role word. */
  private roleHolder(role: string, before: number): Entity | null {
    const stem = roleStem(role);
    if (!this.roleContexts) {
      this.roleContexts = this.mentions
        .filter((m) => m.entity.kind === 'person' && !this.isQuoted(m.start))
        .map((m) => {
          const left = this.text
            .slice(Math.max(0, m.start - 40), m.start)
            .split(/[\s,]+/)
            .filter(Boolean)
            .slice(-2);
          const right = this.text
            .slice(m.end, m.end + 40)
            .split(/[\s,]+/)
            .filter(Boolean)
            .slice(0, 4);
          return { entity: m.entity, at: m.start, stems: [...left, ...right].map(roleStem) };
        });
    }
    let earlier: Entity | null = null;
    let first: Entity | null = null;
    for (const c of this.roleContexts) {
      if (!c.stems.some((w) => sameRole(w, stem))) continue;
      first ??= c.entity;
      if (c.at < before) earlier = c.entity;
      else break;
    }
    return earlier ?? first;
  }
}

/** "Gesundheitsministerin" holds the role "Ministerin": compounds end with their role. */
function sameRole(word: string, role: string): boolean {
  return word.length >= 4 && role.length >= 4 && (word.endsWith(role) || role.endsWith(word));
}

/** "Machthabers", "Ministerin", "Präsidenten" → their base; compares role words across inflections. */
function roleStem(word: string): string {
  const w = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  return w.length > 6 ? w.replace(/(innen|in|en|n|s|e)$/u, '') : w.replace(/s$/u, '');
}

function fromEntity(entity: Entity): Speaker {
  return { speaker: entity.name, speakerEntityId: entity.id };
}
