// The one keymap: every row well formed and its keys unambiguous where it is bound, each
// codebook place with its kind key, key presses matched as the user makes them (Ctrl or ⌘,
// either case of a letter, "?" whatever Shift it takes), and keys labelled as read.
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_KINDS } from '../../src/shared/concepts/highlight-kinds';
import { chordLabel, pressMatches, type KeyPress } from '../../src/shared/chords';
import {
  KEY_SECTIONS,
  KEYMAP,
  kindKeyAt,
  kindPlaceOf,
  keysLabel,
  shortcutAt,
  type Shortcut,
} from '../../src/shared/concepts/keymap';

const rows = KEYMAP as readonly Shortcut[];
const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the keymap table', () => {
  it('has one row per id, each saying what it does, in a known section', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const sections = new Set(KEY_SECTIONS.map((s) => s.id));
    for (const row of rows) {
      expect(row.does.length, row.id).toBeGreaterThan(5);
      expect(sections.has(row.section), row.id).toBe(true);
      expect(row.keys.length, row.id).toBeGreaterThan(0);
    }
  });

  it('gives no two rows of one binding site the same key', () => {
    const seen = new Map<string, string>();
    for (const row of rows)
      for (const key of row.keys) {
        const at = `${row.site} ${key.toLowerCase()}`;
        expect(seen.get(at), `${row.id} and ${seen.get(at)} both take ${key}`).toBeUndefined();
        seen.set(at, row.id);
      }
  });

  it('matches each of its keys to its own row where it is bound', () => {
    for (const row of rows) {
      if (row.site === 'browser') continue;
      for (const chord of row.keys) {
        const parts = chord.split('+');
        const key = parts.at(-1)!;
        const made = press(key, {
          ctrlKey: parts.includes('Mod') || parts.includes('Ctrl'),
          shiftKey: parts.includes('Shift'),
          altKey: parts.includes('Alt'),
        });
        expect(shortcutAt(row.site, made)?.id, chord).toBe(row.id);
      }
    }
  });

  it('has one row for the codebook’s kinds: H and 1 the first, 2–9 the next places', () => {
    const row = rows.find((r) => r.id === 'highlight.kind');
    expect(row?.keys).toEqual(['h', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // The four built-in kinds keep the keys they have always had, their places in a new
    // codebook; a user's kinds take the numbers after them.
    HIGHLIGHT_KINDS.forEach((kind, place) => expect(kindKeyAt(place)).toBe(kind.key));
    expect([4, 5, 8].map(kindKeyAt)).toEqual(['5', '6', '9']);
    expect([9, -1, 1.5].map(kindKeyAt)).toEqual([undefined, undefined, undefined]);
    expect(['h', 'H', '1', '5', '9', '0', 'x'].map(kindPlaceOf)).toEqual([
      0,
      0,
      0,
      4,
      8,
      undefined,
      undefined,
    ]);
  });
});

describe('matching a key press', () => {
  it.each([
    ['Mod+z', press('z', { ctrlKey: true }), true],
    ['Mod+z', press('z', { metaKey: true }), true],
    ['Mod+z', press('Z', { ctrlKey: true, shiftKey: true }), false],
    ['Mod+Shift+z', press('Z', { metaKey: true, shiftKey: true }), true],
    ['Ctrl+y', press('y', { ctrlKey: true }), true],
    ['Ctrl+y', press('y', { metaKey: true }), false],
    ['Mod+z', press('z', { ctrlKey: true, altKey: true }), false],
    ['?', press('?', { shiftKey: true }), true],
    ['s', press('S', { shiftKey: true }), true],
    ['s', press('s', { ctrlKey: true }), false],
    ['ArrowDown', press('ArrowDown', { shiftKey: true }), false],
    ['Shift+ArrowDown', press('ArrowDown', { shiftKey: true }), true],
    ['Mod+Enter', press('Enter', { metaKey: true }), true],
    ['Escape', press('Escape'), true],
  ])('%s against %o: %s', (chord, made, matches) => {
    expect(pressMatches(chord, made)).toBe(matches);
  });
});

describe('keys as the user reads them', () => {
  it('names Ctrl, or ⌘ on a Mac, and arrows and Escape by their signs', () => {
    expect(chordLabel('Mod+Shift+p')).toBe('Ctrl+Shift+P');
    expect(chordLabel('Mod+k', true)).toBe('⌘+K');
    expect(chordLabel('ArrowDown')).toBe('↓');
    expect(chordLabel('Escape')).toBe('Esc');
    expect(keysLabel('history.redo')).toBe('Ctrl+Shift+Z or Ctrl+Y');
    expect(keysLabel('reader.sentence')).toBe('↓ / ↑');
    expect(keysLabel('highlight.kind')).toBe('H or 1–9');
    expect(keysLabel('reader.extend')).toBe('Shift+arrows');
  });
});
