// Keyboard chords as the keymap writes them ("Mod+Shift+z", "?", "ArrowDown"): how one is
// read, whether a key press is it, and how it is shown to the user. The keymap
// (concepts/keymap.ts) says which chords do what; this says what a chord is.
//
// `Mod` is Ctrl (⌘ on a Mac, either is accepted), `Ctrl` is Ctrl alone, then `Shift`,
// `Alt`, and the key as KeyboardEvent.key names it. A letter matches either case; a single
// character other than a letter matches whatever Shift it takes to type it.

/** A key press as the matcher needs it (a KeyboardEvent has these). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Chord {
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseChord(chord: string): Chord {
  const parts = chord.split('+');
  // "+" itself would be the key after a trailing "+": no shortcut uses it.
  const key = parts.pop()!;
  return {
    mod: parts.includes('Mod'),
    ctrl: parts.includes('Ctrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key,
  };
}

const isLetter = (key: string): boolean => /^\p{L}$/u.test(key);

/** Whether a key press is the chord. */
export function pressMatches(chord: string, press: KeyPress): boolean {
  const c = parseChord(chord);
  if (press.altKey !== c.alt) return false;
  const ctrlOrMeta = press.ctrlKey || press.metaKey;
  if (c.mod) {
    if (!ctrlOrMeta) return false;
  } else if (c.ctrl) {
    // Ctrl+Y is Ctrl's alone: on a Mac ⌘+Y is something else.
    if (!press.ctrlKey || press.metaKey) return false;
  } else if (ctrlOrMeta) return false;
  const single = [...c.key].length === 1;
  // A typed character carries its own Shift ("?" is Shift+/); a letter is either case.
  if (!(single && !c.mod && !c.ctrl) && press.shiftKey !== c.shift) return false;
  if (single && isLetter(c.key)) return press.key.toLowerCase() === c.key.toLowerCase();
  return press.key === c.key;
}

const NAMED: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowRight: '→',
  ArrowLeft: '←',
  Escape: 'Esc',
};

/** A chord as the user reads it: "Ctrl+Shift+P", "⌘+K", "↓", "?". */
export function chordLabel(chord: string, mac = false): string {
  const c = parseChord(chord);
  const key = NAMED[c.key] ?? (isLetter(c.key) ? c.key.toUpperCase() : c.key);
  return [
    ...(c.mod ? [mac ? '⌘' : 'Ctrl'] : []),
    ...(c.ctrl ? ['Ctrl'] : []),
    ...(c.alt ? [mac ? '⌥' : 'Alt'] : []),
    ...(c.shift ? ['Shift'] : []),
    key,
  ].join('+');
}
