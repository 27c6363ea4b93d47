import { describe, expect, it } from 'vitest';
import { matchPalette, type PaletteEntry } from '../../../src/renderer/src/lib/palette';

const entry = (group: string, label: string): PaletteEntry => ({
  id: `${group}:${label}`,
  group,
  label,
  run: () => undefined,
});
const ENTRIES = [
  entry('View', 'Hide the details panel'),
  entry('View', 'Show Timeline'),
  entry('Open entity', 'Gholam-Hossein Mohseni-Eje’i'),
  entry('Open document', 'Why Iran’s regime is terrified'),
  entry('Export', 'Export research notes (Markdown)'),
];
const labels = (query: string): string[] => matchPalette(ENTRIES, query).map((e) => e.label);

describe('the command palette match', () => {
  it('lists everything for an empty query', () => {
    expect(labels('  ')).toHaveLength(ENTRIES.length);
  });
  it('needs every typed word to begin a word of the name, in any order', () => {
    expect(labels('details hide')).toEqual(['Hide the details panel']);
    expect(labels('tim')).toEqual(['Show Timeline']);
    expect(labels('etails')).toEqual([]);
  });
  it('folds case and accents, and matches the group too', () => {
    expect(labels('MOHSENI')).toEqual(['Gholam-Hossein Mohseni-Eje’i']);
    expect(labels('export markdown')).toEqual(['Export research notes (Markdown)']);
    expect(labels('open doc iran')).toEqual(['Why Iran’s regime is terrified']);
  });
});
