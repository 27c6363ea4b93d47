// The team's details, opened from the status in the top bar: where the workspace stands
// (the relay, the share id to give teammates, the last sync, what waits, records refused),
// the name the team sees for this member, and what can be done: sync now, see the
// conflicts, share again with another relay or key.
import { useState } from 'react';
import { DisplayName } from '../../../../shared/methods/sync';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { plural } from '../../lib/labels';
import { showView } from '../../store/research';
import { openTeamDialog, selectTeamDialog, selectTeamStatus, statusLabel } from '../../store/team';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { problemOf } from './TeamFields';
import '../../styles/team.css';

export function DisplayNameForm(): React.JSX.Element {
  const commands = useCommands();
  const saved = useSelector(selectTeamStatus)?.displayName ?? '';
  // Mounted afresh (keyed by the saved name) when the name saved changes.
  const [name, setName] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const typed = problemOf(DisplayName, name) ?? null;
  return (
    <form
      className="team-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed || !name.trim()) return;
        void commands.setDisplayName(name).then(setProblem);
      }}
    >
      <label className="stack team-field">
        Your name in the team
        <input
          value={name}
          maxLength={80}
          aria-invalid={(typed ?? problem) !== null}
          aria-describedby="team-name-hint"
          onChange={(e) => setName(e.target.value)}
        />
        <span id="team-name-hint" className={typed || problem ? 'team-problem' : 'muted'}>
          {typed ?? problem ?? 'Shown beside what you write, in every member’s conflicts.'}
        </span>
      </label>
      <button type="submit" disabled={!name.trim() || name.trim() === saved || typed !== null}>
        Save name
      </button>
    </form>
  );
}

export function TeamDialog(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const open = useSelector(selectTeamDialog) === 'team';
  const status = useSelector(selectTeamStatus);
  const ref = useModalDialog(open);
  const close = (): void => store.dispatch(openTeamDialog(null));
  return (
    <dialog ref={ref} className="confirm team-dialog" aria-labelledby="team-title" onClose={close}>
      {open && status && (
        <div>
          <h2 id="team-title">Team sharing</h2>
          <p role="status">{statusLabel(status)}</p>
          <dl className="team-facts">
            <dt>{status.folder ? 'Shared folder' : 'Relay'}</dt>
            <dd>{status.folder ?? status.server ?? 'none'}</dd>
            <dt>Share id</dt>
            <dd className="team-id">{status.shareId ?? 'not shared'}</dd>
            <dt>Last sync</dt>
            <dd>{status.lastSync ? new Date(status.lastSync).toLocaleString() : 'never'}</dd>
            <dt>Waiting to be sent</dt>
            <dd>{plural(status.waiting, 'change')}</dd>
            <dt>Open conflicts</dt>
            <dd>{status.conflicts}</dd>
            {status.refused > 0 && (
              <>
                <dt>Refused from others</dt>
                <dd>{plural(status.refused, 'record')} that break the workspace’s rules</dd>
              </>
            )}
          </dl>
          {status.problem && <p className="team-problem">{status.problem}</p>}
          <DisplayNameForm key={status.displayName} />
          <div className="row end team-buttons">
            <button type="button" onClick={() => store.dispatch(openTeamDialog('share'))}>
              Share again…
            </button>
            <button
              type="button"
              disabled={status.conflicts === 0}
              onClick={() => {
                store.dispatch(showView('conflicts'));
                close();
              }}
            >
              Show conflicts
            </button>
            <button type="button" onClick={() => void commands.syncNow()}>
              Sync now
            </button>
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
