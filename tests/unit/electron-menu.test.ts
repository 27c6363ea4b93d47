// The Edit menu follows the core's history: Undo and Redo name the next step, are enabled
// only when there is one, and leave their keys to the page (text fields undo typing).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { electron } from './electron-mock';

vi.mock('electron', () => electron);
const { menuTemplate } = await import('../../src/main/menu');

const actions = () => ({
  newWorkspace: vi.fn(),
  openWorkspace: vi.fn(),
  openRecent: vi.fn(),
  revealWorkspace: vi.fn(),
  importFiles: vi.fn(),
  exportAs: vi.fn(),
  saveBackupArchive: vi.fn(),
  restoreBackupArchive: vi.fn(),
  shareWorkspace: vi.fn(),
  joinWorkspace: vi.fn(),
  undo: vi.fn(),
  redo: vi.fn(),
});

function item(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const edit = template.find((m) => m.label === '&Edit')!;
  return (edit.submenu as MenuItemConstructorOptions[]).find((i) => i.id === id)!;
}

describe('the Edit menu', () => {
  it('names the step to undo and enables only what can be done', () => {
    const a = actions();
    const template = menuTemplate(a, {
      canUndo: true,
      canRedo: false,
      undoLabel: 'Delete highlight',
    });
    const undo = item(template, 'undo');
    expect(undo).toMatchObject({
      label: 'Undo Delete highlight',
      enabled: true,
      registerAccelerator: false,
    });
    expect(item(template, 'redo')).toMatchObject({ label: 'Redo', enabled: false });
    (undo.click as () => void)();
    expect(a.undo).toHaveBeenCalledOnce();
  });

  it('is disabled when there is nothing to undo', () => {
    const template = menuTemplate(actions(), {
      canUndo: false,
      canRedo: true,
      redoLabel: 'Create entity',
    });
    expect(item(template, 'undo').enabled).toBe(false);
    expect(item(template, 'redo')).toMatchObject({ label: 'Redo Create entity', enabled: true });
  });
});

describe('the File menu', () => {
  const file = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
  const none = { canUndo: false, canRedo: false };

  it('creates and opens workspaces, and opens a recent one by its path', () => {
    const a = actions();
    const recent = [{ path: '/home/r/Evin', name: 'Evin', openedAt: '2026-12-07T09:00:00.000Z' }];
    const items = file(menuTemplate(a, none, recent));
    (items.find((i) => i.label === 'New Workspace…')!.click as () => void)();
    expect(a.newWorkspace).toHaveBeenCalledOnce();
    const open = items.find((i) => i.label === 'Open Recent')!;
    expect(open.enabled).toBe(true);
    const [entry] = open.submenu as MenuItemConstructorOptions[];
    expect(entry!.label).toBe('Evin — /home/r/Evin');
    (entry!.click as () => void)();
    expect(a.openRecent).toHaveBeenCalledWith('/home/r/Evin');
  });

  it('disables Open Recent when nothing was opened before', () => {
    const open = file(menuTemplate(actions(), none, [])).find((i) => i.label === 'Open Recent')!;
    expect(open).toMatchObject({ enabled: false, submenu: [] });
  });

  it('restores a backup with originals from its own entry, main asking once for the zip', () => {
    const a = actions();
    const items = file(menuTemplate(a, none, []));
    (items.find((i) => i.label === 'Restore Backup with Originals (.zip)…')!.click as () => void)();
    expect(a.restoreBackupArchive).toHaveBeenCalledOnce();
    expect(a.importFiles).not.toHaveBeenCalled();
  });

  it('exports the JSON backup and the backup with originals as two items, each saying what it writes', () => {
    const a = actions();
    const items = file(menuTemplate(a, none, []));
    const exports = items.find((i) => i.label === 'Export')!
      .submenu as MenuItemConstructorOptions[];
    const backups = exports.filter((i) => /Backup/.test(i.label ?? '')).map((i) => i.label);
    expect(backups).toEqual([
      'Workspace Backup (JSON)…',
      'Workspace Backup with Originals (.zip)…',
    ]);
    (exports.find((i) => i.label === 'Workspace Backup (JSON)…')!.click as () => void)();
    expect(a.exportAs).toHaveBeenCalledWith('json');
    expect(a.saveBackupArchive).not.toHaveBeenCalled();
    (
      exports.find((i) => i.label === 'Workspace Backup with Originals (.zip)…')!
        .click as () => void
    )();
    expect(a.saveBackupArchive).toHaveBeenCalledOnce();
    expect(a.exportAs).toHaveBeenCalledOnce();
  });

  it('shares this workspace and joins a shared one, each from its own entry', () => {
    const a = actions();
    const items = file(menuTemplate(a, none, []));
    (items.find((i) => i.label === 'Share this workspace…')!.click as () => void)();
    expect(a.shareWorkspace).toHaveBeenCalledOnce();
    expect(a.joinWorkspace).not.toHaveBeenCalled();
    (items.find((i) => i.label === 'Join a shared workspace…')!.click as () => void)();
    expect(a.joinWorkspace).toHaveBeenCalledOnce();
  });
});
