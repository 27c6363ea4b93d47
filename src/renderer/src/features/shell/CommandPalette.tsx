// The command palette (Ctrl/Cmd+Shift+P): every action of the window by name, and every
// document and entity to go to. Type to narrow, arrows to choose, Enter to run.
import { EXPORT_FORMATS } from '../../../../shared/concepts/export-formats';
import { useEffect, useId, useMemo, useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { plural } from '../../lib/labels';
import { matchPalette, type PaletteEntry } from '../../lib/palette';
import { keysOf } from '../../lib/shortcuts';
import { selectDocumentList } from '../../store/documents';
import { selectEntities } from '../../store/entities';
import { selectHistory } from '../../store/history';
import { selectLayout, toggleSide } from '../../store/layout';
import { showView, type ResearchView } from '../../store/research';
import { closePanel, showEntity } from '../../store/selection';
import { showError, showToast } from '../../store/ui';
import { openTeamDialog, selectTeamStatus } from '../../store/team';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { useSelector, useWorkbench } from '../../workbench/context';

const VIEWS: { view: ResearchView; label: string }[] = [
  { view: 'reader', label: 'Reader' },
  { view: 'cooccurrence', label: 'Co-occurrence' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'codebook', label: 'Codebook' },
];
const EXPORTS = EXPORT_FORMATS.map((f) => ({ format: f.id, label: f.paletteLabel }));

/** Presses a button of the window by its visible name, as the user would. */
function press(name: string): void {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === name && !b.disabled,
  );
  button?.click();
}

/** Puts focus on an element once the palette has closed and handed focus back. */
const focusLater = (find: () => HTMLElement | null): void =>
  void setTimeout(() => find()?.focus(), 0);

function useEntries(
  showShortcuts: () => void,
  showLicences: () => void,
  showBibliography: () => void,
): PaletteEntry[] {
  const { store, commands } = useWorkbench();
  const documents = useSelector(selectDocumentList);
  const entities = useSelector(selectEntities);
  const history = useSelector(selectHistory);
  const layout = useSelector(selectLayout);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const team = useSelector(selectTeamStatus)?.state;
  return useMemo(() => {
    const entries: PaletteEntry[] = [
      {
        id: 'search',
        group: 'Go to',
        label: 'Search the workspace',
        keys: keysOf('search.focus'),
        run: () => focusLater(() => document.querySelector('input[type="search"]')),
      },
      {
        id: 'reader',
        group: 'Go to',
        label: 'The document text',
        run: () => {
          store.dispatch(showView('reader'));
          focusLater(() => document.querySelector('article.reader'));
        },
      },
      ...VIEWS.map((v) => ({
        id: `view-${v.view}`,
        group: 'View',
        label: `Show ${v.label}`,
        run: () => store.dispatch(showView(v.view)),
      })),
      {
        id: 'toggle-library',
        group: 'View',
        label: `${layout.narrow ? 'Open or close' : layout.library.open ? 'Hide' : 'Show'} the library panel`,
        run: () => store.dispatch(toggleSide('library')),
      },
      {
        id: 'toggle-details',
        group: 'View',
        label: `${layout.narrow ? 'Open or close' : layout.details.open ? 'Hide' : 'Show'} the details panel`,
        run: () => store.dispatch(toggleSide('details')),
      },
      {
        id: 'larger',
        group: 'View',
        label: 'Larger text',
        run: () => store.dispatch({ type: 'layout/fontSize', fontSize: layout.fontSize + 1 }),
      },
      {
        id: 'smaller',
        group: 'View',
        label: 'Smaller text',
        run: () => store.dispatch({ type: 'layout/fontSize', fontSize: layout.fontSize - 1 }),
      },
      {
        id: 'close-panel',
        group: 'View',
        label: 'Close the open panel',
        keys: keysOf('panel.close'),
        run: () => store.dispatch(closePanel()),
      },
      {
        id: 'workspaces',
        group: 'Workspace',
        label: 'Switch workspace…',
        run: () => void commands.showWorkspaces(),
      },
      {
        id: 'new-workspace',
        group: 'Workspace',
        label: 'New workspace…',
        run: () => void commands.showWorkspaces(),
      },
      {
        id: 'shortcuts',
        group: 'Help',
        label: 'Keyboard shortcuts',
        keys: keysOf('shortcuts.show'),
        run: showShortcuts,
      },
      { id: 'licences', group: 'Help', label: 'About: licences', run: showLicences },
      {
        id: 'bibliography',
        group: 'Export',
        label: 'Bibliography of chosen sources (copy, BibTeX, RIS)',
        run: showBibliography,
      },
      {
        id: 'copy-link',
        group: 'Edit',
        label: 'Copy a link to what is open',
        run: () =>
          void navigator.clipboard
            .writeText(window.location.href)
            .then(() => store.dispatch(showToast('Link copied.')))
            .catch(() => store.dispatch(showError('The link could not be copied.'))),
      },
      ...EXPORTS.map((e) => ({
        id: `export-${e.format}`,
        group: 'Export',
        label: e.label,
        run: () => void commands.exportAs(e.format, e.label),
      })),
    ];
    if (!readOnly) {
      entries.push(
        {
          id: 'import',
          group: 'Library',
          label: 'Import files…',
          run: () => press('Import files…'),
        },
        { id: 'paste', group: 'Library', label: 'Paste text…', run: () => press('Paste text…') },
        {
          id: 'new-entity',
          group: 'Library',
          label: 'New entity',
          run: () => store.dispatch({ type: 'selection/panel', panel: { type: 'new-entity' } }),
        },
      );
      if (history.canUndo)
        entries.push({
          id: 'undo',
          group: 'Edit',
          label: `Undo ${history.undoLabel ?? ''}`.trim(),
          keys: keysOf('history.undo'),
          run: () => void commands.undo(),
        });
      if (history.canRedo)
        entries.push({
          id: 'redo',
          group: 'Edit',
          label: `Redo ${history.redoLabel ?? ''}`.trim(),
          keys: keysOf('history.redo'),
          run: () => void commands.redo(),
        });
    }
    entries.push(...teamEntries(team, readOnly, store, () => void commands.syncNow()));
    for (const doc of documents ?? []) {
      if (doc.problem) continue;
      entries.push({
        id: `doc-${doc.id}`,
        group: 'Open document',
        label: `${doc.title} (${plural(doc.annotationCount, 'highlight')})`,
        run: () => commands.openDocument(doc.id),
      });
    }
    for (const entity of entities) {
      entries.push({
        id: `entity-${entity.id}`,
        group: 'Open entity',
        label: entity.name,
        run: () => store.dispatch(showEntity(entity.id)),
      });
      entries.push({
        id: `dossier-${entity.id}`,
        group: 'Dossier',
        label: entity.name,
        run: () => commands.openDossier(entity.id),
      });
    }
    return entries;
  }, [
    store,
    commands,
    documents,
    entities,
    history,
    layout,
    readOnly,
    team,
    showShortcuts,
    showLicences,
    showBibliography,
  ]);
}

/** Team sharing: share or join while unshared; the details, a sync and the conflicts after. */
function teamEntries(
  state: string | undefined,
  readOnly: boolean,
  store: ReturnType<typeof useWorkbench>['store'],
  syncNow: () => void,
): PaletteEntry[] {
  if (state === undefined) return [];
  if (state === 'unshared')
    return readOnly
      ? []
      : [
          {
            id: 'team-share',
            group: 'Team',
            label: 'Share this workspace…',
            run: () => store.dispatch(openTeamDialog('share')),
          },
          {
            id: 'team-join',
            group: 'Team',
            label: 'Join a shared workspace…',
            run: () => store.dispatch(openTeamDialog('join')),
          },
        ];
  return [
    {
      id: 'team-details',
      group: 'Team',
      label: 'Team sharing and your name…',
      run: () => store.dispatch(openTeamDialog('team')),
    },
    { id: 'team-sync', group: 'Team', label: 'Sync now', run: syncNow },
    {
      id: 'team-conflicts',
      group: 'Team',
      label: 'Show Conflicts',
      run: () => store.dispatch(showView('conflicts')),
    },
  ];
}

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
  const entries = useEntries(onShowShortcuts, onShowLicences, onShowBibliography);
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
