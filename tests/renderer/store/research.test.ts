// The research module: which view the middle column shows, whose dossier, and the
// co-occurrence settings, kept while the user switches views.
import { describe, expect, it } from 'vitest';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import {
  selectCooccurrenceSettings,
  selectDossierId,
  selectResearchView,
  setCooccurrence,
  showDossier,
  showView,
} from '../../../src/renderer/src/store/research';

describe('research', () => {
  it('opens a dossier as a view and keeps whose it is when switching away and back', () => {
    let state = reduce(initialState, showDossier('ent_1'));
    expect(selectResearchView(state)).toBe('dossier');
    expect(selectDossierId(state)).toBe('ent_1');
    state = reduce(state, showView('timeline'));
    state = reduce(state, showView('dossier'));
    expect(selectDossierId(state)).toBe('ent_1');
  });

  it('goes back to the reader when a document is opened', () => {
    const state = reduce(reduce(initialState, showView('cooccurrence')), {
      type: 'documents/opened',
      id: 'doc_1',
    });
    expect(selectResearchView(state)).toBe('reader');
  });

  it('merges co-occurrence settings, and a repeated view leaves the state as it is', () => {
    const state = reduce(initialState, setCooccurrence({ scope: 'document', minCount: 2 }));
    expect(selectCooccurrenceSettings(state)).toEqual({
      scope: 'document',
      types: [],
      minCount: 2,
    });
    expect(reduce(state, showView('reader'))).toBe(state);
  });
});
