// Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes the last change to the
// workspace, except in a text field, where the keys belong to the field's own editing,
// and in a dialog, which is asking about something else.
import { useEffect } from 'react';
import { useCommands } from '../workbench/context';

const NOT_HERE =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog';

/** Which history step a key press asks for, if any. */
export function historyKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const target = event.target as { closest?: (selector: string) => unknown } | null;
  if (typeof target?.closest === 'function' && target.closest(NOT_HERE)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

export function useHistoryKeys(): void {
  const commands = useCommands();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const step = historyKey(event);
      if (!step || event.repeat) return;
      event.preventDefault();
      void (step === 'undo' ? commands.undo() : commands.redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
