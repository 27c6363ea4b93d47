// The one table of words for counts and kinds.
import { describe, expect, it } from 'vitest';
import {
  compareTypes,
  describeHolder,
  nounLabel,
  plural,
  SEARCH_KIND_LABELS,
} from '../../../src/renderer/src/lib/labels';

describe('labels', () => {
  it('counts in words, with irregular plurals', () => {
    expect(plural(1, 'highlight')).toBe('1 highlight');
    expect(plural(0, 'highlight')).toBe('0 highlights');
    expect(plural(2, 'entity')).toBe('2 entities');
    expect(nounLabel('entity', true)).toBe('Entities');
    expect(SEARCH_KIND_LABELS.block).toBe('Passages');
  });

  it('lists known entity types first, in their order, then others alphabetically', () => {
    expect(['weapon', 'place', 'court', 'person', 'other'].sort(compareTypes)).toEqual([
      'person',
      'place',
      'other',
      'court',
      'weapon',
    ]);
  });

  it('names who holds a workspace', () => {
    const text = describeHolder({
      pid: 4121,
      host: 'desktop app',
      hostname: 'lab-laptop',
      since: '2026-11-24T09:00:00.000Z',
    });
    expect(text).toMatch(/^the desktop app \(process 4121 on lab-laptop\) since /);
  });
});
