// "Is this a newer version?" An imported file whose address, file name or title matches a
// document here is not stored until the user says: update that document (its highlights
// are carried over and re-anchored) or add the file as a separate document.
import { useEffect, useRef } from 'react';
import { selectReimport } from '../../store/ui';
import { useCommands, useSelector } from '../../workbench/context';

export function ReimportDialog(): React.JSX.Element {
  const commands = useCommands();
  const asked = useSelector(selectReimport);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (asked && !dialog.open) dialog.showModal();
    if (!asked && dialog.open) dialog.close();
  }, [asked]);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="reimport-title"
      onCancel={(e) => {
        e.preventDefault();
        void commands.answerReimport('skip');
      }}
    >
      {asked && (
        <div>
          <h2 id="reimport-title">Update “{asked.title}”?</h2>
          <p>
            {asked.fileName} has the same {asked.reason} as “{asked.title}”, which is already in
            this workspace. Update that document to this version (its highlights are carried over),
            or add the file as a separate document?
          </p>
          <div className="row end wrap">
            <button type="button" onClick={() => void commands.answerReimport('skip')}>
              Cancel
            </button>
            <button type="button" onClick={() => void commands.answerReimport('new')}>
              Add as new document
            </button>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => void commands.answerReimport('update')}
            >
              Update document
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
