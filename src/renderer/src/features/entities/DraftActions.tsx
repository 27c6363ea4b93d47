// The foot of an entity's or an event's form: while there is a draft, a line saying it is
// kept on this machine and which keys save it; then Save and, with a draft, Discard.
import type { ShortcutId } from '../../../../shared/concepts/keymap';
import { keysOf } from '../../lib/shortcuts';

export function DraftActions({
  dirty,
  saveLabel,
  saveDisabled = false,
  shortcut,
  onDiscard,
}: {
  dirty: boolean;
  saveLabel: string;
  saveDisabled?: boolean;
  shortcut: ShortcutId;
  onDiscard: () => void;
}): React.JSX.Element {
  return (
    <>
      {dirty && (
        <p className="muted small" role="status">
          Draft: not saved yet, kept on this machine. {keysOf(shortcut)} saves.
        </p>
      )}
      <div className="row wrap">
        <button type="submit" className="primary" disabled={saveDisabled}>
          {saveLabel}
        </button>
        {dirty && (
          <button type="button" onClick={onDiscard}>
            Discard changes
          </button>
        )}
      </div>
    </>
  );
}
