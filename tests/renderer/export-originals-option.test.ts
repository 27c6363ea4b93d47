// @vitest-environment jsdom
// The export option "Put the original files in the workspace backup": off by default, and
// once chosen it reaches the core with the backup only (every other export would refuse
// it, since only the backup can carry the originals). And an export names the file it saved.
// In the desktop app a .zip chosen in the window goes to the host, never asked for again
// in a dialog; the palette restores from main's one dialog, and its export rows each
// write what they say, whatever the option.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../src/shared/api';
import { WorkbenchError } from '../../src/shared/errors';
import { createWorkbenchStore } from '../../src/renderer/src/store/index';
import { selectExportOptions } from '../../src/renderer/src/store/interchange';
import { createCommands } from '../../src/renderer/src/workbench/commands';
import { importFiles } from '../../src/renderer/src/lib/import-files';
import { exportLabel } from '../../src/shared/concepts/export-formats';
import { fakeApi } from './builders';
import {
  exportEntries,
  libraryEntries,
} from '../../src/renderer/src/features/shell/palette/actions';
import type { PaletteContext } from '../../src/renderer/src/features/shell/palette/context';
import type { WorkbenchStore } from '../../src/renderer/src/store/index';
import type { WorkbenchCommands } from '../../src/renderer/src/workbench/commands';
import { initialHistory } from '../../src/renderer/src/store/history';
import { initialLayout } from '../../src/renderer/src/store/layout';

/** What the palette's tables are given, for a writable workspace. */
const paletteContext = (store: WorkbenchStore, commands: WorkbenchCommands): PaletteContext => ({
  store,
  commands,
  documents: [],
  entities: [],
  history: initialHistory,
  layout: initialLayout,
  readOnly: false,
  team: undefined,
  showShortcuts: () => undefined,
  showLicences: () => undefined,
  showBibliography: () => undefined,
});

beforeAll(() => {
  URL.createObjectURL = () => 'blob:export';
  URL.revokeObjectURL = () => undefined;
});

describe('the backup’s originals option', () => {
  it('is off at first, and once on makes the backup a zip the host saves', async () => {
    const asked: Input<'export.create'>[] = [];
    const { api } = fakeApi({
      'export.create': (input) => {
        asked.push(input);
        return { fileName: 'f', mimeType: 'text/plain', content: '' };
      },
    });
    let archives = 0;
    const store = createWorkbenchStore();
    const commands = createCommands(api, store, {
      saveBackupArchive: () => {
        archives += 1;
        return Promise.resolve({
          saved: true,
          fileName: 'workspace-backup-2026-12-07.zip',
          bytes: 2048,
          documents: 3,
          originals: 2,
          media: 1,
        });
      },
    });
    expect(selectExportOptions(store.getState()).includeOriginals).toBe(false);
    await commands.exportAs('json', 'backup');
    store.dispatch({ type: 'interchange/exportOptions', options: { includeOriginals: true } });
    await commands.exportAs('json', 'backup');
    await commands.exportAs('csv', 'spreadsheet');
    // The JSON backup never carries them as base64 any more: the archive does.
    expect(asked.map((a) => [a.format, a.includeOriginals])).toEqual([
      ['json', undefined],
      ['csv', undefined],
    ]);
    expect(archives).toBe(1);
    expect(store.getState().ui.toasts.map((t) => t.message)).toContain(
      'Exported workspace-backup-2026-12-07.zip: a backup of 3 documents with 2 originals and 1 image.',
    );
  });

  it('says nothing when the save dialog was closed, and says why when it failed', async () => {
    const store = createWorkbenchStore();
    store.dispatch({ type: 'interchange/exportOptions', options: { includeOriginals: true } });
    const closed = createCommands(fakeApi({}).api, store, {
      saveBackupArchive: () => Promise.resolve({ saved: false }),
    });
    await closed.exportAs('json', 'backup');
    expect(store.getState().ui.toasts).toEqual([]);
    expect(store.getState().ui.error).toBeNull();
    const failing = createCommands(fakeApi({}).api, store, {
      saveBackupArchive: () =>
        Promise.reject(
          new WorkbenchError('CONFLICT', 'originals/ab has changed since it was kept.'),
        ),
    });
    await failing.exportAs('json', 'backup');
    expect(store.getState().ui.error).toBe('originals/ab has changed since it was kept.');
  });

  it('says which file an export saved', async () => {
    const { api } = fakeApi({
      'export.create': () => ({
        fileName: 'research-notes-2026-12-07.md',
        mimeType: 'text/markdown',
        content: '# Notes',
      }),
    });
    const store = createWorkbenchStore();
    await createCommands(api, store).exportAs('markdown', 'Research notes (Markdown)');
    expect(store.getState().ui.toasts.map((t) => t.message)).toEqual([
      'Exported research-notes-2026-12-07.md, saved where your downloads go.',
    ]);
  });
});

describe('the backup with originals in the window', () => {
  it('is named as the .zip it will be, and a chosen .zip is restored by the host', async () => {
    expect(exportLabel('json', false)).toBe('Workspace backup (JSON)');
    expect(exportLabel('json', true)).toBe('Workspace backup with originals (.zip)');
    expect(exportLabel('csv', true)).toBe('Spreadsheet (CSV)');
    const { api } = fakeApi({});
    const sent: string[] = [];
    const outcomes = await importFiles(api, [new File(['PK'], 'Case.ZIP')], {
      restoreArchive: (file) => {
        sent.push(file.name);
        return Promise.resolve({
          restored: true,
          outcome: {
            kind: 'backup',
            fileName: file.name,
            documents: 2,
            entities: 0,
            highlights: 1,
            missingOriginals: 1,
          },
        });
      },
    });
    expect(sent).toEqual(['Case.ZIP']);
    expect(outcomes[0]?.ok).toBe(true);
    expect(outcomes[0]?.message).toMatch(/^restored 2 documents.*1 original/);
  });
});

describe('the backup with originals in the desktop window', () => {
  const restored = {
    restored: true as const,
    outcome: {
      kind: 'backup' as const,
      fileName: 'case.zip',
      documents: 2,
      entities: 0,
      highlights: 1,
    },
  };

  it('sends a .zip chosen in the window to the host, never asking for it again', async () => {
    let dialogs = 0;
    const sent: string[] = [];
    const store = createWorkbenchStore();
    const commands = createCommands(fakeApi({}).api, store, {
      restoreBackupArchive: (file) => {
        sent.push(file.name);
        return Promise.resolve(restored);
      },
      restoreBackupArchiveWithDialog: () => {
        dialogs += 1;
        return Promise.resolve(restored);
      },
    });
    await commands.importFiles([new File(['PK'], 'case.zip')]);
    expect([sent, dialogs]).toEqual([['case.zip'], 0]);
    expect(store.getState().ui.outcomes[0]).toMatchObject({ fileName: 'case.zip', ok: true });
  });

  it('restores from main’s one dialog when asked from the palette, and reports it', async () => {
    let dialogs = 0;
    const store = createWorkbenchStore();
    const commands = createCommands(fakeApi({}).api, store, {
      restoreBackupArchiveWithDialog: () => {
        dialogs += 1;
        return Promise.resolve(dialogs === 1 ? restored : { restored: false });
      },
    });
    const rows = libraryEntries(paletteContext(store, commands));
    const restore = rows.find((r) => r.id === 'restore-archive')!;
    expect(restore.label).toBe('Restore a backup with originals (.zip)…');
    restore.run();
    await expect.poll(() => store.getState().ui.outcomes.length).toBe(1);
    expect(store.getState().ui.outcomes[0]).toMatchObject({ fileName: 'case.zip', ok: true });
    expect(store.getState().ui.outcomes[0]?.message).toMatch(/^restored 2 documents/);
    // Closing the dialog changes nothing and says nothing.
    await commands.restoreArchiveWithDialog();
    expect(dialogs).toBe(2);
    expect(store.getState().ui.outcomes).toHaveLength(1);
    // The browser's window has no such dialog: its palette offers no such row.
    const browser = createCommands(fakeApi({}).api, store, {
      restoreBackupArchive: () => Promise.resolve(restored),
    });
    expect(libraryEntries(paletteContext(store, browser)).map((r) => r.id)).not.toContain(
      'restore-archive',
    );
  });

  it('lists the JSON backup and the one with originals apart in the palette, whatever the option', async () => {
    const asked: Input<'export.create'>[] = [];
    const { api } = fakeApi({
      'export.create': (input) => {
        asked.push(input);
        return { fileName: 'workspace-backup.json', mimeType: 'application/json', content: '{}' };
      },
    });
    let archives = 0;
    const store = createWorkbenchStore();
    const commands = createCommands(api, store, {
      saveBackupArchive: () => {
        archives += 1;
        return Promise.resolve({ saved: false });
      },
    });
    const rows = exportEntries(paletteContext(store, commands));
    const json = rows.find((r) => r.label === 'Export workspace backup (JSON)')!;
    const zip = rows.find((r) => r.label === 'Export workspace backup with originals (.zip)')!;
    // The option on: the JSON row still writes JSON.
    store.dispatch({ type: 'interchange/exportOptions', options: { includeOriginals: true } });
    json.run();
    await expect.poll(() => asked.length).toBe(1);
    expect(archives).toBe(0);
    // The option off: the zip row still writes the zip.
    store.dispatch({ type: 'interchange/exportOptions', options: { includeOriginals: false } });
    zip.run();
    await expect.poll(() => archives).toBe(1);
    expect(asked.map((a) => a.format)).toEqual(['json']);
  });
});
