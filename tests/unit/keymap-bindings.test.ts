// The keymap binds what it lists and lists what is bound: every binding site of the table
// is bound somewhere in the window (its handlers are then complete, or the build fails),
// and no component reads key presses for a shortcut of its own outside the table. The
// only files that read keys directly run a widget's own keys (a combobox's arrows, a
// separator's arrows, Escape closing the menu that has focus), which the ARIA patterns
// define and the sheet does not list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP, type Shortcut } from '../../src/shared/concepts/keymap';

const RENDERER = join(import.meta.dirname, '../../src/renderer/src');

const WIDGET_KEYS: Record<string, string> = {
  'hooks/use-combobox.ts': 'a combobox: arrows, Enter and Escape (ARIA combobox)',
  'features/shell/CommandPalette.tsx': 'the palette’s list: arrows and Enter (ARIA combobox)',
  'features/shell/Columns.tsx': 'a panel’s separator: arrows, Home, End; Escape closes its drawer',
  'features/reader/ReadingSettings.tsx': 'Escape closes the reading settings menu',
  'features/shell/TopBar.tsx': 'Escape closes the top bar’s More menu (the narrow window’s)',
  'features/entities/EntityPicker.tsx': 'Escape closes the picker’s list',
  'features/codebook/KindsEditor.tsx': 'Enter in a kind’s name field saves the new name',
  'features/codebook/RelationsEditor.tsx': 'Enter in a relation’s name field saves the new name',
  'features/reader/area-keys.ts':
    'drawing an area on a PDF page: Enter places and saves, arrows move, Shift+arrows resize, Escape cancels',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(RENDERER).map((path) => ({
  path: relative(RENDERER, path).replaceAll('\\', '/'),
  text: readFileSync(path, 'utf8'),
}));

describe('the keymap’s bindings', () => {
  it('binds every site of the table somewhere in the window', () => {
    const sites = new Set((KEYMAP as readonly Shortcut[]).map((r) => r.site));
    sites.delete('browser');
    for (const site of sites) {
      const bound = files.filter((f) =>
        new RegExp(`(useWindowKeys|runShortcut)\\(\\s*'${site}'`).test(f.text),
      );
      expect(
        bound.map((f) => f.path),
        site,
      ).toHaveLength(1);
    }
  });

  it('reads key presses only through the keymap, or in a widget’s own keys', () => {
    const reading = files
      .filter((f) => f.path !== 'lib/keymap.ts')
      .filter((f) => /\.key\s*[!=]==|\.key\.toLowerCase\(\)|key === '/.test(f.text))
      .map((f) => f.path);
    expect(reading.sort()).toEqual(Object.keys(WIDGET_KEYS).sort());
  });
});
