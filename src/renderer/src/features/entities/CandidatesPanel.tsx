// Candidate entities: proper names the offline tagger finds in the texts that are not in
// the registry yet, most frequent first. One click creates the entity and tags its
// mentions (one undoable step).
import { useState } from 'react';
import { useView } from '../../hooks/use-view';
import { useCommands } from '../../workbench/context';

export function CandidatesPanel({ readOnly }: { readOnly: boolean }): React.JSX.Element | null {
  const commands = useCommands();
  const [open, setOpen] = useState(false);
  const { data } = useView('candidates', 12, { enabled: open && !readOnly });
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
