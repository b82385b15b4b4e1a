import { ENTITY_KINDS, type Entity } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';

function EntityItem({ entity, t }: { entity: Entity; t: Translate }) {
  return (
    <li
      data-testid="entity"
      data-kind={entity.kind}
      data-possible={entity.possible ? 'true' : undefined}
      title={entity.firstSentence}
    >
      <span class="name">{entity.name}</span> <span class="count">{t('mentions', { n: entity.count })}</span>
    </li>
  );
}

/**
 * The names by kind. Entries below the confidence threshold (`possible`, lib/entities/confidence.ts)
 * are not painted in the page; they are listed apart, under a collapsed "Possible names", with their
 * kind, so a reader can still find them without taking them for recognised names.
 */
export function EntityList({ entities, t }: { entities: Entity[]; t: Translate }) {
  const sure = entities.filter((e) => !e.possible);
  const possible = entities.filter((e) => e.possible);
  return (
    <div class="entity-groups">
      {ENTITY_KINDS.map((kind) => {
        const ofKind = sure.filter((e) => e.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div class="entity-group" key={kind}>
            <h3>
              {t(kind)} <span class="count">({ofKind.length})</span>
            </h3>
            <ul class={`entities kind-${kind}`}>
              {ofKind.map((entity) => (
                <EntityItem key={entity.id} entity={entity} t={t} />
              ))}
            </ul>
          </div>
        );
      })}
      {possible.length > 0 && (
        <details class="possible-names" data-testid="possible-names">
          <summary>
            {t('possibleNames')} <span class="count">({possible.length})</span>
          </summary>
          <ul class="entities possible">
            {possible.map((entity) => (
              <EntityItem key={entity.id} entity={entity} t={t} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
