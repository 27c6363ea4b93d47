// The command palette (Ctrl/Cmd+Shift+P): every action of the window by name, and every
// document and entity to go to. Type to narrow, arrows to choose, Enter to run. The
// entries are tables in palette/ (one per group); this only lists and filters them.
import { useEffect, useId, useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { matchPalette, type PaletteEntry } from '../../lib/palette';
import { usePaletteEntries } from './palette/use-palette-entries';

export function CommandPalette({
  open,
  onClose,
  onShowShortcuts,
  onShowLicences,
  onShowBibliography,
}: {
  open: boolean;
  onClose: () => void;
  onShowShortcuts: () => void;
  onShowLicences: () => void;
  onShowBibliography: () => void;
}): React.JSX.Element {
  const ref = useModalDialog(open);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const entries = usePaletteEntries(onShowShortcuts, onShowLicences, onShowBibliography);
  const shown = matchPalette(entries, query).slice(0, 50);

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  // Closed however it closes (Enter, Escape, a click), it opens next time empty.
  const close = (): void => {
    setQuery('');
    setActive(0);
    onClose();
  };
  const run = (entry: PaletteEntry | undefined): void => {
    if (!entry) return;
    close();
    entry.run();
  };

  return (
    <dialog ref={ref} className="palette" aria-label="Command palette" onClose={close}>
      {open && (
        <>
          <input
            type="text"
            role="combobox"
            aria-label="Command"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            placeholder="Type a command, a document or an entity…"
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
              else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
              else if (e.key === 'Enter') run(shown[active]);
              else return;
              e.preventDefault();
            }}
          />
          <ul id={listId} role="listbox" aria-label="Commands" className="palette-list">
            {shown.map((entry, i) => (
              <li
                key={entry.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseMove={() => setActive(i)}
                onClick={() => run(entry)}
              >
                <span className="muted palette-group">{entry.group}</span>
                <span className="palette-label">{entry.label}</span>
                {entry.keys && <kbd>{entry.keys}</kbd>}
              </li>
            ))}
            {shown.length === 0 && (
              <li role="option" aria-selected="false" aria-disabled="true" className="muted">
                Nothing matches “{query}”.
              </li>
            )}
          </ul>
        </>
      )}
    </dialog>
  );
}
