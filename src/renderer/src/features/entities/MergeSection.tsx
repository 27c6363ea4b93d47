// Merging from an entity's panel: pick the other entity and whose name to keep, see what
// the merge will do (names that become aliases, highlights and notes that move, fields
// that differ) and choose a value for each conflict, then confirm. One undoable step.
import { useState } from 'react';
import type { EntityWithUsage } from '../../../../shared/api';
import type { MergeField } from '../../../../shared/methods/entities';
import { plural } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { useCommands } from '../../workbench/context';

const FIELD_LABELS: Record<MergeField, string> = {
  type: 'Type',
  externalId: 'External identifier',
  description: 'Description',
};

export function MergeSection({
  entity,
  entities,
  presetOtherId,
  onDone,
}: {
  entity: EntityWithUsage;
  entities: readonly EntityWithUsage[];
  /** Set when a rename offered the merge: the entity whose name was typed. */
  presetOtherId?: string;
  onDone: () => void;
}): React.JSX.Element {
  const commands = useCommands();
  const others = entities.filter((e) => e.id !== entity.id);
  const [otherId, setOtherId] = useState(presetOtherId ?? '');
  const [keepOther, setKeepOther] = useState(presetOtherId !== undefined);
  const [choices, setChoices] = useState<Partial<Record<MergeField, string>>>({});
  const other = others.find((e) => e.id === otherId);
  const [targetId, sourceId] = keepOther ? [otherId, entity.id] : [entity.id, otherId];
  const preview = useView(
    'mergePreview',
    { targetId, sourceId },
    { enabled: other !== undefined },
  ).data;
  const unresolved = (preview?.conflicts ?? []).filter(
    (c) => c.field !== 'description' && choices[c.field] === undefined,
  );
  return (
    <section className="merge" aria-labelledby="merge-heading">
      <h3 id="merge-heading">Merge with another entity</h3>
      <label className="stack">
        Merge with
        <select value={otherId} onChange={(e) => setOtherId(e.target.value)}>
          <option value="">Choose an entity…</option>
          {others.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.type})
            </option>
          ))}
        </select>
      </label>
      {other && (
        <fieldset className="stack">
          <legend>Keep the name</legend>
          <label>
            <input type="radio" checked={!keepOther} onChange={() => setKeepOther(false)} />{' '}
            {entity.name}
          </label>
          <label>
            <input type="radio" checked={keepOther} onChange={() => setKeepOther(true)} />{' '}
            {other.name}
          </label>
        </fieldset>
      )}
      {other && preview && (
        <div className="merge-preview" aria-label="What the merge will do">
          <p>
            “{preview.merged.name}” keeps {plural(preview.highlights, 'highlight')} moved from “
            {keepOther ? entity.name : other.name}”
            {preview.notes ? ` and ${plural(preview.notes, 'note')}` : ''}. Aliases after the merge:{' '}
            {preview.merged.aliases.join(', ') || 'none'}.
          </p>
          {preview.conflicts.map((c) => (
            <fieldset key={c.field} className="stack conflict">
              <legend>
                {FIELD_LABELS[c.field]} differs
                {c.field === 'description' ? ' (both are kept unless you choose one)' : ''}
              </legend>
              {c.values.map((v) => (
                <label key={v}>
                  <input
                    type="radio"
                    name={`merge-${c.field}`}
                    checked={choices[c.field] === v}
                    onChange={() => setChoices({ ...choices, [c.field]: v })}
                  />{' '}
                  {v.length > 80 ? `${v.slice(0, 80)}…` : v}
                </label>
              ))}
            </fieldset>
          ))}
          <button
            type="button"
            className="primary"
            disabled={unresolved.length > 0}
            onClick={() =>
              void commands
                .mergeEntities(targetId, [sourceId], choices)
                .then((merged) => merged && onDone())
            }
          >
            Merge entities
          </button>
        </div>
      )}
    </section>
  );
}
