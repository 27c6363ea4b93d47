// Candidate entities: proper names the offline tagger finds in the texts that are not in
// the registry yet, most frequent first. One click creates the entity and tags its
// mentions (one undoable step).
import { useState } from 'react';
import { useQuery } from '../../hooks/use-query';
import { selectContentChanges } from '../../store/workspace';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';

export function CandidatesPanel({ readOnly }: { readOnly: boolean }): React.JSX.Element | null {
  const { api } = useWorkbench();
  const commands = useCommands();
  const changes = useSelector(selectContentChanges);
  const [open, setOpen] = useState(false);
  const { data } = useQuery(() => api['mentions.candidates']({ limit: 12 }), [changes], open);
  if (readOnly) return null;
  return (
    <section className="candidates" aria-labelledby="candidates-heading">
      <div className="row spread">
        <h2 id="candidates-heading">Suggested entities</h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Suggest'}
        </button>
      </div>
      {open && !data && <p className="muted">Reading the documents…</p>}
      {open && data?.length === 0 && <p className="muted">No new names found.</p>}
      {open && data && (
        <ul className="entity-list">
          {data.map((c) => (
            <li key={c.name}>
              <span>
                {c.name} <span className="muted">{c.type}</span>
              </span>
              <button
                type="button"
                aria-label={`Add ${c.name} as ${c.type} and tag its ${c.count} mentions`}
                onClick={() => void commands.adoptCandidate(c.name, c.type)}
              >
                Add ({c.count})
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
