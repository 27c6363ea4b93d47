// Every keyboard shortcut of the window, in one list: the shortcut sheet shows it, and
// the command palette shows each command's keys from it.
export interface Shortcut {
  keys: string;
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl" or "⌘", as the user's keyboard says it. */
export const modKey = (): string => (isMac() ? '⌘' : 'Ctrl');

export function shortcutGroups(): ShortcutGroup[] {
  const mod = modKey();
  return [
    {
      title: 'Anywhere',
      shortcuts: [
        { keys: `${mod}+K`, does: 'Search the workspace' },
        { keys: `${mod}+Shift+P`, does: 'Command palette: every action by name' },
        { keys: '?', does: 'This list of shortcuts' },
        { keys: `${mod}+Z`, does: 'Undo the last change' },
        { keys: `${mod}+Shift+Z`, does: 'Redo' },
        { keys: 'Esc', does: 'Close what is open: a menu, the note editor, a panel, a drawer' },
      ],
    },
    {
      title: 'In an editor (a highlight’s note, a note, an entity, an event)',
      shortcuts: [
        { keys: `${mod}+S`, does: 'Save' },
        { keys: `${mod}+Enter`, does: 'Save' },
        { keys: 'Esc', does: 'Close the note editor; what you typed stays as a draft' },
      ],
    },
    {
      title: 'In the document (Tab to it)',
      shortcuts: [
        { keys: '↓ / ↑', does: 'Select the next / previous sentence' },
        { keys: '→ / ←', does: 'Select the next / previous word' },
        { keys: 'Shift+arrows', does: 'Extend or shrink the selection' },
        { keys: 'S', does: 'Select the sentence' },
        { keys: 'P', does: 'Select the paragraph' },
        { keys: 'H or 1', does: 'Highlight the selection as a quote' },
        { keys: '2 / 3 / 4', does: 'Highlight as a claim / evidence / a question' },
        { keys: 'T', does: 'Highlight and tag an entity' },
        { keys: 'N', does: 'Highlight and write a note' },
        { keys: 'Tab / Shift+Tab', does: 'Move through the highlights in reading order' },
        { keys: '] / [', does: 'Next / previous highlight' },
        { keys: 'Enter', does: 'Open the focused highlight' },
        { keys: 'Esc', does: 'Clear the selection' },
      ],
    },
  ];
}
