// The team status in the top bar, shown once the workspace is shared: synced, syncing,
// offline with what waits and the last sync, or why it cannot sync. It is a button that
// opens the team's details; a polite live region announces when the state changes. Files
// a shared folder held that were not taken are named beside it, each with why, so that a
// member learns of a damaged or hostile file without the command line.
import { useEffect, useState } from 'react';
import type { RefusedFile } from '../../../../shared/api';
import { openTeamDialog, selectTeamStatus, statusLabel } from '../../store/team';
import { useSelector, useWorkbench } from '../../workbench/context';
import { plural } from '../../lib/labels';
import '../../styles/team.css';

/** Re-renders every half minute, so "last sync 5 min ago" stays true. */
function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function SyncStatus(): React.JSX.Element | null {
  const { store } = useWorkbench();
  const status = useSelector(selectTeamStatus);
  const now = useClock();
  if (!status || status.state === 'unshared') return null;
  const label = statusLabel(status, now);
  const conflicts = status.conflicts > 0 ? ` · ${plural(status.conflicts, 'conflict')}` : '';
  return (
    <>
      <button
        type="button"
        className={`sync-status sync-${status.state}`}
        title="Team sharing: details, your name, sync now"
        onClick={() => store.dispatch(openTeamDialog('team'))}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span aria-live="polite">
          {label}
          {conflicts}
        </span>
      </button>
      <RefusedFiles files={status.refusedFiles ?? []} />
    </>
  );
}

/**
 * "2 files refused", opening to one line per file and why. A disclosure, not a dialog: the
 * top bar keeps one short line, and the list is read where it is, by keyboard or pointer.
 */
function RefusedFiles({ files }: { files: RefusedFile[] }): React.JSX.Element | null {
  if (files.length === 0) return null;
  return (
    <details className="sync-refused">
      <summary>{plural(files.length, 'file')} refused</summary>
      <ul aria-label="Files refused from the shared folder">
        {files.map((f) => (
          <li key={f.file}>
            {f.file} was not taken from the shared folder: {f.reason}.
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "Share this workspace…" and "Join a shared workspace…", in the top bar's menu. */
export function TeamActions({ readOnly }: { readOnly: boolean }): React.JSX.Element | null {
  const { store } = useWorkbench();
  const status = useSelector(selectTeamStatus);
  if (readOnly || !status || status.state !== 'unshared') return null;
  return (
    <div className="row team-actions">
      <button type="button" onClick={() => store.dispatch(openTeamDialog('share'))}>
        Share this workspace…
      </button>
      <button type="button" onClick={() => store.dispatch(openTeamDialog('join'))}>
        Join a shared workspace…
      </button>
    </div>
  );
}
