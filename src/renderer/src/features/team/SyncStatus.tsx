// The team status in the top bar, shown once the workspace is shared: synced, syncing,
// offline with what waits and the last sync, or why it cannot sync. It is a button that
// opens the team's details; a polite live region announces when the state changes.
import { useEffect, useState } from 'react';
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
