// The Conflicts view: every open conflict of the shared workspace, one per record and
// field, with each value and the member who wrote it, the one the workspace shows marked.
// Keeping a value settles the conflict for every member, for any kind of record; keeping
// another than the one shown is one step that can be undone. Each record's team history
// (who changed what, when) opens under it.
import { selectConflicts, selectTeamStatus } from '../../store/team';
import { useCommands, useSelector } from '../../workbench/context';
import type { SyncConflict } from '../../../../shared/api';
import { RecordHistory } from './RecordHistory';
import '../../styles/team.css';

const KINDS: Record<SyncConflict['kind'], string> = {
  codebook: 'Codebook',
  entities: 'Entity',
  notes: 'Note',
  documents: 'Document',
  highlights: 'Highlight',
  links: 'Link',
};

function Conflict({ conflict }: { conflict: SyncConflict }): React.JSX.Element {
  const commands = useCommands();
  const field = conflict.field ?? 'whole record';
  // A highlight, a link and the codebook have no name of their own: their label says what.
  const named = conflict.label.startsWith('a ') || conflict.label.startsWith('the ');
  const title = named
    ? `${conflict.label[0]!.toUpperCase()}${conflict.label.slice(1)}, ${field}`
    : `${KINDS[conflict.kind]} “${conflict.label}”, ${field}`;
  return (
    <li className="conflict">
      <h2>{title}</h2>
      <ul className="conflict-values" aria-label={`Values of ${title}`}>
        {conflict.values.map((value, index) => (
          <li key={index} className={value.shown ? 'conflict-value shown' : 'conflict-value'}>
            <span className="conflict-text">{value.text}</span>
            <span className="muted">
              by {value.by}
              {value.shown && ' · shown now'}
            </span>
            <button
              type="button"
              aria-label={`Keep “${value.text}” by ${value.by}`}
              onClick={() => void commands.chooseValue(conflict, index)}
            >
              Keep this
            </button>
          </li>
        ))}
      </ul>
      <RecordHistory kind={conflict.kind} id={conflict.id} label={title} />
    </li>
  );
}

export function ConflictsView(): React.JSX.Element {
  const conflicts = useSelector(selectConflicts);
  const status = useSelector(selectTeamStatus);
  return (
    <section className="conflicts-view" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">Conflicts</h1>
      {conflicts.length === 0 ? (
        <p className="muted">
          {status && status.state !== 'unshared'
            ? 'No open conflicts: every field holds one value for the whole team.'
            : 'Conflicts appear here once the workspace is shared with a team.'}
        </p>
      ) : (
        <>
          <p className="muted">
            Two members changed the same field before seeing each other’s change. Every member sees
            the same value now; the others are kept here until someone keeps one.
          </p>
          <ul className="conflict-list">
            {conflicts.map((c) => (
              <Conflict key={`${c.kind}/${c.id}/${c.field ?? ''}`} conflict={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
