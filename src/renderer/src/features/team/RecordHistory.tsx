// A shared record's team history: who changed it, which fields and when, read from the team
// document when asked (a button, so that a record opened is not a history read). Shown only
// while the workspace is shared; the lines are plain text, names as members set them.
import { useState } from 'react';
import type { SyncRecordKind } from '../../../../shared/api';
import { historyLine, selectRecordHistory, selectShared } from '../../store/team';
import { useCommands, useSelector } from '../../workbench/context';
import '../../styles/team.css';

export function RecordHistory({
  kind,
  id,
  label,
}: {
  kind: SyncRecordKind;
  id: string;
  /** The record as a person knows it, for the list's accessible name. */
  label: string;
}): React.JSX.Element | null {
  const shared = useSelector(selectShared);
  const entries = useSelector(selectRecordHistory(kind, id));
  const commands = useCommands();
  const [open, setOpen] = useState(false);
  if (!shared) return null;
  const toggle = (): void => {
    if (!open) void commands.showHistory(kind, id);
    setOpen(!open);
  };
  return (
    <div className="record-history">
      <button type="button" aria-expanded={open} onClick={toggle}>
        Team history
      </button>
      {open && entries && (
        <ol className="record-history-list" aria-label={`Team history of ${label}`}>
          {entries.length === 0 && <li className="muted">No change from the team yet.</li>}
          {[...entries].reverse().map((entry, i) => (
            <li key={i}>
              <span dir="auto">{historyLine(entry)}</span>{' '}
              {entry.at && (
                <time className="muted" dateTime={entry.at}>
                  {new Date(entry.at).toLocaleString(undefined, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  })}
                </time>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
