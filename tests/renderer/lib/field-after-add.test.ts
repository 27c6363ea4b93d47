import { describe, expect, it } from 'vitest';
import { emptiedIfStill } from '../../../src/renderer/src/lib/field-after-add';

describe('a name field after its add completes', () => {
  it('is emptied when it still holds the name added', () => {
    expect(emptiedIfStill('Accountability')('Accountability ')).toBe('');
  });
  it('keeps a name typed while the add was on its way', () => {
    expect(emptiedIfStill('Accountability')('Trial')).toBe('Trial');
  });
});
