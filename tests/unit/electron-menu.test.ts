// The Edit menu follows the core's history: Undo and Redo name the next step, are enabled
// only when there is one, and leave their keys to the page (text fields undo typing).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { electron } from './electron-mock';

vi.mock('electron', () => electron);
const { menuTemplate } = await import('../../src/main/menu');

const actions = () => ({
  openWorkspace: vi.fn(),
  revealWorkspace: vi.fn(),
  importFiles: vi.fn(),
  exportAs: vi.fn(),
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
