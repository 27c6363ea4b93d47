// The keymap (src/shared/concepts/keymap.ts) as the user reads it: its rows grouped by
// where they apply, for the shortcut sheet, and a command's keys, for the palette, each in
// the words of the user's keyboard (Ctrl, or ⌘ on a Mac).
import {
  KEY_SECTIONS,
  KEYMAP,
  keysLabel,
  type Shortcut as Row,
  type ShortcutId,
} from '../../../shared/concepts/keymap';

export interface Shortcut {
  id: ShortcutId;
  keys: string;
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A command's keys, as the user's keyboard says them. */
export const keysOf = (id: ShortcutId): string => keysLabel(id, isMac());

export function shortcutGroups(): ShortcutGroup[] {
  return KEY_SECTIONS.map((section) => ({
    title: section.title,
    shortcuts: (KEYMAP as readonly Row[])
      .filter((row) => row.section === section.id)
      .map((row) => ({
        id: row.id as ShortcutId,
        keys: keysOf(row.id as ShortcutId),
        does: row.does,
      })),
  }));
}
