import type { Entity } from '../../lib/types.ts';

/** A bare entity for tests that only need a name, a kind and a count. */
export function makeEntity(name: string, kind: Entity['kind'], count: number): Entity {
  return {
    id: `${kind}:${name}`,
    name,
    kind,
    count,
    aliases: [],
    firstSentence: '',
    sentences: [],
    mentions: [],
  };
}

/** An entity with a mention at every occurrence of its name in `text`. */
export function entityIn(text: string, name: string, kind: Entity['kind']): Entity {
  const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + name.length,
    text: name,
  }));
  return { ...makeEntity(name, kind, mentions.length), mentions };
}
