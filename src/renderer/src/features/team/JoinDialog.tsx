// "Join a shared workspace…": the share id a teammate gave, then the relay and the team key
// or the shared folder.
// This workspace then takes the team's records and follows them; one that already has
// entities or notes of its own is refused by the core (they would be given to the team).
import { useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { openTeamDialog, selectTeamDialog } from '../../store/team';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { fieldsValid, PlaceFields, placeOf, ShareIdField, TeamFormActions } from './TeamFields';
import '../../styles/team.css';

export function JoinDialog(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const open = useSelector(selectTeamDialog) === 'join';
  const ref = useModalDialog(open);
  const [shareId, setShareId] = useState('');
  const [fields, setFields] = useState<PlaceFields>({
    way: 'relay',
    server: '',
    key: '',
    folder: '',
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = fieldsValid({ ...fields, shareId: shareId.trim() });
  const close = (): void => {
    setFields((f) => ({ ...f, key: '' }));
    setProblem(null);
    store.dispatch(openTeamDialog(null));
  };
  const join = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const failed = await commands.joinWorkspace(shareId.trim(), placeOf(fields));
    setBusy(false);
    if (failed) return setProblem(failed);
    setShareId('');
    close();
  };
  return (
    <dialog ref={ref} className="confirm team-dialog" aria-labelledby="join-title" onClose={close}>
      {open && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid && !busy) void join();
          }}
        >
          <h2 id="join-title">Join a shared workspace</h2>
          <p>
            The team’s documents, highlights, entities, notes and codebook come into this workspace,
            and changes follow both ways from then on. Join from a new workspace: one with entities
            or notes of its own cannot join.
          </p>
          <ShareIdField value={shareId} onChange={setShareId} />
          <PlaceFields fields={fields} onChange={setFields} />
          <TeamFormActions
            problem={problem}
            busy={busy}
            disabled={!valid}
            label="Join"
            busyLabel="Joining…"
            onCancel={close}
          />
        </form>
      )}
    </dialog>
  );
}
