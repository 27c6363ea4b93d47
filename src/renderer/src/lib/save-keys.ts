// The keys that save in every editor (a highlight's note, a note, an entity, an event):
// Ctrl/Cmd+S, as in any application that saves, and Ctrl/Cmd+Enter, as in the comment
// boxes researchers know. The shortcut sheet lists them (./shortcuts.ts).
import type { KeyboardEvent } from 'react';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function isSaveKey(event: KeyLike): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key === 'Enter' || event.key.toLowerCase() === 's';
}

/** For a form's onKeyDown: a save key saves (and never reaches the browser's "Save page"). */
export function saveOnKey(event: KeyboardEvent, save: () => void): void {
  if (!isSaveKey(event)) return;
  event.preventDefault();
  event.stopPropagation();
  save();
}
