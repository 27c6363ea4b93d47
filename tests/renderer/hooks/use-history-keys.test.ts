// Which key presses undo or redo: never inside a text field or a dialog.
import { describe, expect, it } from 'vitest';
import { historyKey } from '../../../src/renderer/src/hooks/use-history-keys';

const element = (inside: boolean) => ({ closest: () => (inside ? {} : null) });
const press = (
  key: string,
  mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {},
  inField = false,
) =>
  historyKey({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
    target: element(inField) as unknown as EventTarget,
  });

describe('historyKey', () => {
  it('undoes on Ctrl+Z or Cmd+Z and redoes with Shift, or on Ctrl+Y', () => {
    expect(press('z', { ctrl: true })).toBe('undo');
    expect(press('z', { meta: true })).toBe('undo');
    expect(press('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(press('Z', { meta: true, shift: true })).toBe('redo');
    expect(press('y', { ctrl: true })).toBe('redo');
  });

  it('leaves the keys to text fields and dialogs, and ignores plain or Alt presses', () => {
    expect(press('z', { ctrl: true }, true)).toBeNull();
    expect(press('z')).toBeNull();
    expect(press('z', { ctrl: true, alt: true })).toBeNull();
    expect(press('y', { meta: true })).toBeNull();
  });
});
