import { describe, expect, it } from 'vitest';
import { initialState, reduce } from '../../src/renderer/src/store/index';
import {
  initialLayout,
  PANEL_WIDTH,
  rememberedLayout,
  restoreLayout,
  selectSideShown,
} from '../../src/renderer/src/store/layout';

describe('the layout', () => {
  it('collapses columns in a wide window and shows one drawer at a time in a narrow one', () => {
    let state = reduce(initialState, { type: 'layout/toggle', side: 'details' });
    expect(selectSideShown(state, 'details')).toBe(false);
    state = reduce(state, { type: 'layout/narrow', narrow: true });
    expect(selectSideShown(state, 'library')).toBe(false);
    state = reduce(state, { type: 'layout/toggle', side: 'library' });
    expect(selectSideShown(state, 'library')).toBe(true);
    state = reduce(state, { type: 'layout/toggle', side: 'details' });
    expect([selectSideShown(state, 'library'), selectSideShown(state, 'details')]).toEqual([
      false,
      true,
    ]);
    state = reduce(state, { type: 'layout/close', side: 'details' });
    expect(selectSideShown(state, 'details')).toBe(false);
  });

  it('shows the details when a highlight is opened, and closes the library drawer when a document is', () => {
    let state = reduce(initialState, { type: 'layout/toggle', side: 'details' });
    state = reduce(state, { type: 'selection/panel', panel: { type: 'entity', id: 'e1' } });
    expect(state.layout.details.open).toBe(true);
    state = reduce(state, { type: 'layout/narrow', narrow: true });
    state = reduce(state, { type: 'layout/toggle', side: 'library' });
    state = reduce(state, { type: 'documents/opened', id: 'd2' });
    expect(state.layout.drawer).toBe(null);
    state = reduce(state, {
      type: 'selection/panel',
      panel: { type: 'annotation', id: 'a', intent: null },
    });
    expect(state.layout.drawer).toBe('details');
  });

  it('keeps widths and sizes within their bounds', () => {
    let state = reduce(initialState, { type: 'layout/width', side: 'library', width: 5 });
    expect(state.layout.library.width).toBe(PANEL_WIDTH.min);
    state = reduce(state, { type: 'layout/width', side: 'details', width: 9000 });
    expect(state.layout.details.width).toBe(PANEL_WIDTH.max);
    state = reduce(state, { type: 'layout/fontSize', fontSize: 3 });
    expect(state.layout.fontSize).toBe(14);
  });

  it('restores what was remembered, and ignores what cannot be trusted', () => {
    const saved = JSON.stringify(
      rememberedLayout({ ...initialLayout, library: { open: false, width: 300 }, fontSize: 22 }),
    );
    const restored = restoreLayout(saved);
    expect(restored.library).toEqual({ open: false, width: 300 });
    expect(restored.fontSize).toBe(22);
    expect(restoreLayout('{not json')).toEqual(initialLayout);
    expect(restoreLayout('null')).toEqual(initialLayout);
    const hostile = restoreLayout(
      JSON.stringify({
        library: { open: 'yes', width: 1e9 },
        fontSize: 'big',
        narrow: true,
        drawer: 'x',
      }),
    );
    expect(hostile.library).toEqual({ open: true, width: PANEL_WIDTH.max });
    expect(hostile.fontSize).toBe(initialLayout.fontSize);
    expect(hostile.narrow).toBe(false);
    expect(hostile.drawer).toBe(null);
  });
});
