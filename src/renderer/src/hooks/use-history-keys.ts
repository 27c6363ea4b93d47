// The keymap's history rows: undo and redo the last change to the workspace, except in a
// text field, where the keys belong to the field's own editing, and in a dialog, which is
// asking about something else.
import type { KeyPress } from '../../../shared/chords';
import { shortcutAt } from '../../../shared/concepts/keymap';
import { typingIn, useWindowKeys } from '../lib/keymap';
import { useCommands } from '../workbench/context';

const inDialog = (target: EventTarget | null): boolean => {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === 'function' && element.closest('dialog') !== null;
};

/** Which history step a key press asks for, if any. */
export function historyKey(
  event: KeyPress & { target: EventTarget | null },
): 'undo' | 'redo' | null {
  if (typingIn(event.target) || inDialog(event.target)) return null;
  const found = shortcutAt('history', event);
  return found ? (found.id === 'history.undo' ? 'undo' : 'redo') : null;
}

export function useHistoryKeys(): void {
  const commands = useCommands();
  const step = (event: KeyboardEvent, direction: 'undo' | 'redo'): boolean => {
    if (event.repeat || inDialog(event.target)) return false;
    void (direction === 'undo' ? commands.undo() : commands.redo());
    return true;
  };
  useWindowKeys('history', {
    'history.undo': (event) => step(event, 'undo'),
    'history.redo': (event) => step(event, 'redo'),
  });
}
