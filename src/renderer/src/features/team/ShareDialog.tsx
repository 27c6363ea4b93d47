// "Share this workspace…": the relay and the team key; once shared, the share id to give
// teammates (with the relay's address and the key, which they get from whoever runs it).
// Sharing again, from the team's details, keeps the share id and changes relay or key.
import { useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { openTeamDialog, selectTeamDialog, selectTeamStatus } from '../../store/team';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { fieldsValid, RelayFields, TeamFormActions } from './TeamFields';
import '../../styles/team.css';

export function ShareDialog(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const open = useSelector(selectTeamDialog) === 'share';
  const status = useSelector(selectTeamStatus);
  const ref = useModalDialog(open);
  const [server, setServer] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shareId, setShareId] = useState<string | null>(null);
  const close = (): void => {
    // The key is forgotten as the dialog closes; the core keeps it.
    setKey('');
    setProblem(null);
    setShareId(null);
    store.dispatch(openTeamDialog(null));
  };
  const share = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const failed = await commands.shareWorkspace(server.trim(), key);
    setBusy(false);
    if (failed) return setProblem(failed);
    setKey('');
    setShareId(store.getState().team.status?.shareId ?? null);
  };
  return (
    <dialog ref={ref} className="confirm team-dialog" aria-labelledby="share-title" onClose={close}>
      {open && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!shareId && fieldsValid({ server, key }) && !busy) void share();
          }}
        >
          <h2 id="share-title">Share this workspace</h2>
          {shareId ? (
            <>
              <p role="status">
                Shared through {status?.server}. Give each teammate this share id, the relay’s
                address and the team key; they choose “Join a shared workspace…”.
              </p>
              <label className="stack team-field">
                Share id
                <input readOnly value={shareId} onFocus={(e) => e.target.select()} />
              </label>
              <div className="row end">
                <button
                  type="button"
                  onClick={() => void navigator.clipboard?.writeText(shareId).catch(() => {})}
                >
                  Copy the share id
                </button>
                <button type="button" className="primary" onClick={close}>
                  Done
                </button>
              </div>
            </>
          ) : (
            <>
              <p>
                Everyone with the relay’s address and the team key can then join it. Its records and
                texts are sent to the relay; this workspace keeps working offline.
              </p>
              <RelayFields server={server} teamKey={key} onServer={setServer} onKey={setKey} />
              <TeamFormActions
                problem={problem}
                busy={busy}
                disabled={!fieldsValid({ server, key })}
                label="Share"
                busyLabel="Sharing…"
                onCancel={close}
              />
            </>
          )}
        </form>
      )}
    </dialog>
  );
}
