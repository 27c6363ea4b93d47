// The entities panel: every entity grouped by type, with how many highlights it has, and
// the way into finding the mentions of all of them at once.
import { useState } from 'react';
import type { EntityWithUsage } from '../../../../shared/api';
import { compareTypes, plural, typeGroupLabel } from '../../lib/labels';
import { AllMentionsDialog } from './AllMentionsDialog';

export function EntitiesPanel({
  entities,
  selectedId,
  onOpen,
  onNew,
  readOnly,
}: {
  entities: readonly EntityWithUsage[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  readOnly: boolean;
}): React.JSX.Element {
  const [reviewing, setReviewing] = useState(false);
  const groups = new Map<string, EntityWithUsage[]>();
  for (const entity of entities)
    groups.set(entity.type, [...(groups.get(entity.type) ?? []), entity]);
  const types = [...groups.keys()].sort(compareTypes);
  return (
    <section className="entities" aria-labelledby="entities-heading">
      <div className="row spread">
        <h2 id="entities-heading">Entities</h2>
        {!readOnly && (
          <button type="button" onClick={onNew}>
            New entity
          </button>
        )}
      </div>
      {!readOnly && entities.length > 0 && (
        <button type="button" aria-haspopup="dialog" onClick={() => setReviewing(true)}>
          Find mentions of all entities
        </button>
      )}
      {reviewing && <AllMentionsDialog open onClose={() => setReviewing(false)} />}
      {entities.length === 0 && (
        <p className="muted">Tag a highlight to an entity and it appears here.</p>
      )}
      {types.map((type) => (
        <section key={type} aria-label={typeGroupLabel(type)}>
          <h3>{typeGroupLabel(type)}</h3>
          <ul className="entity-list">
            {groups.get(type)!.map((entity) => (
              <li key={entity.id}>
                <button
                  type="button"
                  aria-label={`${entity.name}, ${plural(entity.usage, 'highlight')}`}
                  aria-current={entity.id === selectedId ? 'true' : undefined}
                  onClick={() => onOpen(entity.id)}
                >
                  <bdi>{entity.name}</bdi>
                  <span className="count" aria-hidden="true">
                    {entity.usage}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
