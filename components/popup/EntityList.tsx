import { ENTITY_KINDS, type Entity } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';

export function EntityList({ entities, t }: { entities: Entity[]; t: Translate }) {
  return (
    <div class="entity-groups">
      {ENTITY_KINDS.map((kind) => {
        const ofKind = entities.filter((e) => e.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div class="entity-group" key={kind}>
            <h3>
              {t(kind)} <span class="count">({ofKind.length})</span>
            </h3>
            <ul class={`entities kind-${kind}`}>
              {ofKind.map((entity) => (
                <li key={entity.id} data-testid="entity" data-kind={entity.kind} title={entity.firstSentence}>
                  <span class="name">{entity.name}</span>{' '}
                  <span class="count">{t('mentions', { n: entity.count })}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
