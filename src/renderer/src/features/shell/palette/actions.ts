// The palette's action rows: workspaces, help, exports, editing and the library. What
// changes the workspace (the library's imports, undo and redo) is left out when it is
// read-only.
import {
  BACKUP_WITH_ORIGINALS_ITEMS,
  EXPORT_FORMATS,
} from '../../../../../shared/concepts/export-formats';
import type { PaletteEntry } from '../../../lib/palette';
import { keysOf } from '../../../lib/shortcuts';
import { showError, showToast } from '../../../store/ui';
import { press, type PaletteTable } from './context';

export const workspaceEntries: PaletteTable = ({ commands }) => [
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
];

export const helpEntries: PaletteTable = ({ showShortcuts, showLicences }) => [
  {
    id: 'shortcuts',
    group: 'Help',
    label: 'Keyboard shortcuts',
    keys: keysOf('shortcuts.show'),
    run: showShortcuts,
  },
  { id: 'licences', group: 'Help', label: 'About: licences', run: showLicences },
];

/** The bibliography dialog, then one row per export format (its label from the table). */
export const exportEntries: PaletteTable = ({ commands, showBibliography }) => [
  {
    id: 'bibliography',
    group: 'Export',
    label: 'Bibliography of chosen sources (copy, BibTeX, RIS)',
    run: showBibliography,
  },
  // Each row writes what it says whatever the export options: the JSON backup is JSON,
  // and the backup with originals (.zip) is a row of its own.
  ...EXPORT_FORMATS.map((f) => ({
    id: `export-${f.id}`,
    group: 'Export',
    label: f.paletteLabel,
    run: () => void commands.exportAs(f.id, f.paletteLabel, undefined, false),
  })),
  {
    id: 'export-backup-archive',
    group: 'Export',
    label: BACKUP_WITH_ORIGINALS_ITEMS.paletteLabel,
    run: () =>
      void commands.exportAs('json', BACKUP_WITH_ORIGINALS_ITEMS.paletteLabel, undefined, true),
  },
];

export const editEntries: PaletteTable = ({ store, commands, history, readOnly }) => {
  const entries: PaletteEntry[] = [
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
  ];
  if (readOnly) return entries;
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
  return entries;
};

export const libraryEntries: PaletteTable = ({ store, commands, readOnly }) =>
  readOnly
    ? []
    : [
        {
          id: 'import',
          group: 'Library',
          label: 'Import files…',
          run: () => press('Import files…'),
        },
        // The desktop app restores a backup with originals from main's dialog only.
        ...(commands.restoresWithDialog
          ? [
              {
                id: 'restore-archive',
                group: 'Library',
                label: BACKUP_WITH_ORIGINALS_ITEMS.restorePaletteLabel,
                run: () => void commands.restoreArchiveWithDialog(),
              },
            ]
          : []),
        { id: 'paste', group: 'Library', label: 'Paste text…', run: () => press('Paste text…') },
        {
          id: 'new-entity',
          group: 'Library',
          label: 'New entity',
          run: () => store.dispatch({ type: 'selection/panel', panel: { type: 'new-entity' } }),
        },
      ];
