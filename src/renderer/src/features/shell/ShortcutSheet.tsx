// The list of every keyboard shortcut, opened with "?" or from the command palette: the
// keymap's rows, by where they apply.
import { shortcutGroups } from '../../lib/shortcuts';
import { useModalDialog } from '../../hooks/use-modal-dialog';

export function ShortcutSheet({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      className="sheet shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
    >
      {open && (
        <>
          <header className="row spread">
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <button type="button" autoFocus onClick={onClose}>
              Close
            </button>
          </header>
          {shortcutGroups().map((group, i) => (
            <section key={group.title} aria-labelledby={`keys-${i}`}>
              <h3 id={`keys-${i}`}>{group.title}</h3>
              <dl className="shortcut-list">
                {group.shortcuts.map((s) => (
                  <div key={s.id}>
                    <dt>
                      <kbd>{s.keys}</kbd>
                    </dt>
                    <dd>{s.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </>
      )}
    </dialog>
  );
}
