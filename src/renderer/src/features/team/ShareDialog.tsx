// "Share this workspace…": through a relay (its address and the team key) or a shared
// folder; once shared, the share id to give teammates (with the relay's address and the
// key, which they get from whoever runs it, or the folder they reach too).
// Sharing again, from the team's details, keeps the share id and changes relay or key.
import { useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { openTeamDialog, selectTeamDialog, selectTeamStatus } from '../../store/team';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { fieldsValid, PlaceFields, placeOf, TeamFormActions } from './TeamFields';
import '../../styles/team.css';

export function ShareDialog(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const open = useSelector(selectTeamDialog) === 'share';
  const status = useSelector(selectTeamStatus);
  const ref = useModalDialog(open);
  const [fields, setFields] = useState<PlaceFields>({
    way: 'relay',
    server: '',
    key: '',
    folder: '',
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shareId, setShareId] = useState<string | null>(null);
  const close = (): void => {
    // The key is forgotten as the dialog closes; the core keeps it.
    setFields((f) => ({ ...f, key: '' }));
    setProblem(null);
    setShareId(null);
    store.dispatch(openTeamDialog(null));
  };
  const share = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const failed = await commands.shareWorkspace(placeOf(fields));
    setBusy(false);
    if (failed) return setProblem(failed);
    setFields((f) => ({ ...f, key: '' }));
    setShareId(store.getState().team.status?.shareId ?? null);
  };
  return (
    <dialog ref={ref} className="confirm team-dialog" aria-labelledby="share-title" onClose={close}>
      {open && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!shareId && fieldsValid(fields) && !busy) void share();
          }}
        >
          <h2 id="share-title">Share this workspace</h2>
          {shareId ? (
            <>
              <p role="status">
                {status?.folder
                  ? `Shared through the folder ${status.folder}. Give each teammate this share id; they choose “Join a shared workspace…” and give the same folder as it is on their computer.`
                  : `Shared through ${status?.server}. Give each teammate this share id, the relay’s address and the team key; they choose “Join a shared workspace…”.`}
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
                Everyone who reaches the relay with the team key, or the shared folder, can then
                join it. Its records and texts are sent there; this workspace keeps working offline.
              </p>
              <PlaceFields fields={fields} onChange={setFields} />
              <TeamFormActions
                problem={problem}
                busy={busy}
                disabled={!fieldsValid(fields)}
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
