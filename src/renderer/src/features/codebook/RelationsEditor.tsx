// What a link between two highlights can say ("corroborates", "contradicts", …): renamed in
// place, added, or deleted with the links that say it (their number asked first).
import { useState } from 'react';
import type { LinkRelation } from '../../../../shared/model';
import { plural } from '../../lib/labels';
import { selectLinks } from '../../store/codebook';
import { useConfirm } from '../../workbench/confirm';
import { useCommands, useSelector } from '../../workbench/context';
import { emptiedIfStill } from '../../lib/field-after-add';

export function RelationsEditor({
  relations,
  readOnly,
}: {
  relations: readonly LinkRelation[];
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const confirm = useConfirm();
  const links = useSelector(selectLinks);
  const [label, setLabel] = useState('');
  return (
    <section aria-labelledby="relations-heading">
      <h2 id="relations-heading">Link relations</h2>
      <ul className="codebook-relations" aria-label="Link relations">
        {relations.map((r) => {
          const usage = links.filter((l) => l.relation === r.id).length;
          return (
            <li key={r.id} className="row">
              <input
                aria-label={`Name of the relation ${r.label}`}
                defaultValue={r.label}
                key={r.label}
                disabled={readOnly}
                onBlur={(e) => {
                  const next = e.target.value.trim();
                  if (next && next !== r.label) void commands.renameRelation(r.id, next);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                }}
              />
              <span className="muted small">{plural(usage, 'link')}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete the relation ${r.label}`}
                  disabled={relations.length === 1}
                  onClick={() =>
                    confirm({
                      title: `Delete the relation “${r.label}”?`,
                      message: usage
                        ? `${plural(usage, 'link')} saying it will be removed.`
                        : 'No link says it.',
                      confirmLabel: 'Delete relation',
                      onConfirm: () => void commands.deleteRelation(r.id, usage),
                    })
                  }
                >
                  Delete…
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!label.trim()) return;
            void commands
              .createRelation(label.trim())
              .then((ok) => ok && setLabel(emptiedIfStill(label.trim())));
          }}
        >
          <input
            aria-label="Name of a new relation"
            placeholder="New relation, e.g. quotes"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button type="submit" disabled={!label.trim()}>
            Add relation
          </button>
        </form>
      )}
    </section>
  );
}
