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
