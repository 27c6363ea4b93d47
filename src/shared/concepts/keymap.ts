// Every keyboard shortcut of the window, defined once: its keys, what it does, where it
// applies and the binding site that runs it. The window binds keys from this table (a site
// must give a handler for each of its rows, and may bind nothing else: see
// src/renderer/src/lib/keymap.ts), the shortcut sheet lists it, and the command palette
// shows each command's keys from it. Adding a shortcut is one row plus its handler.
//
// Keys are written as chords ("Mod+k", "?", "ArrowDown"): src/shared/chords.ts reads,
// matches and shows them.
/** Where a shortcut applies, as the shortcut sheet groups them. */
import { chordLabel, pressMatches, type KeyPress } from '../chords';

export const KEY_SECTIONS = [
  { id: 'anywhere', title: 'Anywhere' },
  { id: 'reader', title: 'In the document (Tab to it)' },
  { id: 'selection', title: 'With text selected in the document' },
  { id: 'editor', title: 'In an editor' },
] as const;
export type KeySection = (typeof KEY_SECTIONS)[number]['id'];

/**
 * Who runs a shortcut: a binding site of the window, or the browser itself (focus order,
 * buttons), listed so the sheet is complete.
 */
export type KeySite =
  | 'window'
  | 'history'
  | 'search'
  | 'search-results'
  | 'reader'
  | 'selection'
  | 'note-editor'
  | 'highlight-note'
  | 'entity-editor'
  | 'event-editor'
  | 'browser';

export interface Shortcut {
  id: string;
  keys: readonly string[];
  /** What it does, as the sheet says it. */
  does: string;
  section: KeySection;
  site: KeySite;
  /** Also while typing in a text field (most shortcuts leave the keys to the field). */
  whileTyping?: true;
  /** Its keys are a pair going opposite ways ("↓ / ↑"), not alternatives ("H or 1"). */
  pair?: true;
  /** How the sheet writes keys too many to list one by one. */
  shown?: string;
}

/**
 * The keys that highlight a selection as one of the codebook's kinds, by its place in the
 * list: 1 the first, 9 the ninth. The four built-in kinds are the first four of a new
 * codebook; the user's own kinds take the next numbers (reordering moves the keys with the
 * kinds), and a kind past the ninth has no key. H is also the first kind, for "highlight".
 */
export const KIND_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** The key of the kind at `place` (0 the first) in the codebook's list, if it has one. */
export const kindKeyAt = (place: number): string | undefined =>
  Number.isInteger(place) ? KIND_KEYS[place] : undefined;

/** The place in the codebook's kinds (0 the first) that a kind shortcut's key stands for. */
export function kindPlaceOf(key: string): number | undefined {
  if (key.toLowerCase() === 'h') return 0;
  const at = (KIND_KEYS as readonly string[]).indexOf(key);
  return at >= 0 ? at : undefined;
}

export const KEYMAP = [
  {
    id: 'search.focus',
    keys: ['Mod+k'],
    does: 'Search the workspace',
    section: 'anywhere',
    site: 'search',
    whileTyping: true,
  },
  {
    id: 'search.close',
    keys: ['Escape'],
    does: 'Close the search results, back to where you were',
    section: 'anywhere',
    site: 'search-results',
    whileTyping: true,
  },
  {
    id: 'palette.open',
    keys: ['Mod+Shift+p'],
    does: 'Command palette: every action by name',
    section: 'anywhere',
    site: 'window',
    whileTyping: true,
  },
  {
    id: 'shortcuts.show',
    keys: ['?'],
    does: 'This list of shortcuts',
    section: 'anywhere',
    site: 'window',
  },
  {
    id: 'history.undo',
    keys: ['Mod+z'],
    does: 'Undo the last change',
    section: 'anywhere',
    site: 'history',
  },
  {
    id: 'history.redo',
    keys: ['Mod+Shift+z', 'Ctrl+y'],
    does: 'Redo what was last undone',
    section: 'anywhere',
    site: 'history',
  },
  {
    id: 'panel.close',
    keys: ['Escape'],
    does: 'Close what is open: a menu, a panel, a drawer',
    section: 'anywhere',
    site: 'window',
    whileTyping: true,
  },
  {
    id: 'reader.sentence',
    keys: ['ArrowDown', 'ArrowUp'],
    does: 'Select the next / previous sentence',
    section: 'reader',
    site: 'reader',
    pair: true,
  },
  {
    id: 'reader.word',
    keys: ['ArrowRight', 'ArrowLeft'],
    does: 'Select the next / previous word',
    section: 'reader',
    site: 'reader',
    pair: true,
  },
  {
    id: 'reader.extend',
    keys: ['Shift+ArrowDown', 'Shift+ArrowUp', 'Shift+ArrowRight', 'Shift+ArrowLeft'],
    does: 'Extend or shrink the selection',
    section: 'reader',
    site: 'reader',
    shown: 'Shift+arrows',
  },
  {
    id: 'reader.selectSentence',
    keys: ['s'],
    does: 'Select the sentence',
    section: 'reader',
    site: 'reader',
  },
  {
    id: 'reader.selectParagraph',
    keys: ['p'],
    does: 'Select the paragraph',
    section: 'reader',
    site: 'reader',
  },
  {
    id: 'reader.nextHighlight',
    keys: [']', '['],
    does: 'Next / previous highlight',
    section: 'reader',
    site: 'reader',
    pair: true,
  },
  {
    id: 'reader.clearSelection',
    keys: ['Escape'],
    does: 'Clear the selection',
    section: 'reader',
    site: 'reader',
  },
  {
    id: 'reader.tabHighlights',
    keys: ['Tab', 'Shift+Tab'],
    does: 'Move through the highlights in reading order',
    section: 'reader',
    site: 'browser',
  },
  {
    id: 'reader.openHighlight',
    keys: ['Enter'],
    does: 'Open the focused highlight',
    section: 'reader',
    site: 'browser',
  },
  {
    id: 'highlight.kind',
    keys: ['h', ...KIND_KEYS],
    does: 'Highlight the selection as a kind: H or 1 the codebook’s first, 2–9 the next (the Codebook view shows each kind’s number)',
    section: 'selection',
    site: 'selection',
    shown: 'H or 1–9',
  },
  {
    id: 'selection.tag',
    keys: ['t'],
    does: 'Highlight and tag an entity',
    section: 'selection',
    site: 'reader',
  },
  {
    id: 'selection.note',
    keys: ['n'],
    does: 'Highlight and write a note',
    section: 'selection',
    site: 'reader',
  },
  {
    id: 'note.save',
    // Ctrl/Cmd+S as in any application that saves; Ctrl/Cmd+Enter as in the comment boxes
    // researchers know. Every editor takes both.
    keys: ['Mod+s', 'Mod+Enter'],
    does: 'Save the note being written',
    section: 'editor',
    site: 'note-editor',
    whileTyping: true,
  },
  {
    id: 'highlightNote.save',
    keys: ['Mod+s', 'Mod+Enter'],
    does: 'Save a highlight’s note',
    section: 'editor',
    site: 'highlight-note',
    whileTyping: true,
  },
  {
    id: 'highlightNote.cancel',
    keys: ['Escape'],
    does: 'Close a highlight’s note editor; what you typed stays as a draft',
    section: 'editor',
    site: 'highlight-note',
    whileTyping: true,
  },
  {
    id: 'entity.save',
    keys: ['Mod+s', 'Mod+Enter'],
    does: 'Save the entity being edited',
    section: 'editor',
    site: 'entity-editor',
    whileTyping: true,
  },
  {
    id: 'event.save',
    keys: ['Mod+s', 'Mod+Enter'],
    does: 'Save the event’s date, place and participants',
    section: 'editor',
    site: 'event-editor',
    whileTyping: true,
  },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof KEYMAP)[number]['id'];
export type ShortcutOf<S extends KeySite> = Extract<(typeof KEYMAP)[number], { site: S }>['id'];

/** The shortcut of `site` a key press is, and which of its keys it matched. */
export function shortcutAt<S extends KeySite>(
  site: S,
  press: KeyPress,
): { id: ShortcutOf<S>; key: string; whileTyping: boolean } | undefined {
  for (const row of KEYMAP as readonly Shortcut[]) {
    if (row.site !== site) continue;
    const key = row.keys.find((chord) => pressMatches(chord, press));
    if (key !== undefined)
      return { id: row.id as ShortcutOf<S>, key, whileTyping: row.whileTyping === true };
  }
  return undefined;
}

/** A shortcut's keys as the sheet and the palette show them: "Ctrl+Shift+Z or Ctrl+Y". */
export function keysLabel(id: ShortcutId, mac = false): string {
  const row = (KEYMAP as readonly Shortcut[]).find((r) => r.id === id);
  if (!row) return '';
  if (row.shown) return row.shown;
  const labels = row.keys.map((k) => chordLabel(k, mac));
  return labels.join(row.pair ? ' / ' : ' or ');
}
