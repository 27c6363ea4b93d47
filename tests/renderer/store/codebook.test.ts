// The codebook and interchange modules: the default codebook stands in until the core's
// arrives, a change event replaces the codebook and patches the links it names (leaving
// lists never loaded alone), export options change one at a time, and bibliographies wait
// in turn for the user's choice.
import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../../../src/shared/codebook/codebook';
import type { ReferencesReport } from '../../../src/shared/api';
import type { Codebook, HighlightLink } from '../../../src/shared/model';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import { selectCodebook, selectLinks } from '../../../src/renderer/src/store/codebook';
import {
  selectExportOptions,
  selectReferencesAsk,
} from '../../../src/renderer/src/store/interchange';
import { changed } from '../builders';

const T = '2026-11-20T10:00:00.000Z';
const link = (id: string, from: string, to: string): HighlightLink => ({
  id,
  from,
  to,
  relation: 'corroborates',
  createdAt: T,
  updatedAt: T,
});
const withTestimony = (): Codebook => {
  const base = defaultCodebook();
  return {
    ...base,
    kinds: [...base.kinds, { id: 'testimony', label: 'Testimony', colour: '#d55e00' }],
  };
};

describe('the codebook module', () => {
  it('shows the default codebook and no links until the core sends them', () => {
    expect(selectCodebook(initialState)).toEqual(defaultCodebook());
    expect(selectLinks(initialState)).toEqual([]);
    const codebook = withTestimony();
    const state = reduce(initialState, { type: 'codebook/loaded', codebook });
    expect(selectCodebook(state).kinds.map((k) => k.label)).toContain('Testimony');
  });

  it('takes a changed codebook whole and patches the links an event names', () => {
    let state = reduce(initialState, { type: 'links/loaded', links: [link('l1', 'a', 'b')] });
    state = reduce(state, {
      type: 'core/changed',
      event: changed({
        codebook: withTestimony(),
        links: { put: [link('l2', 'b', 'c')], removed: ['l1'] },
      }),
    });
    expect(selectLinks(state).map((l) => l.id)).toEqual(['l2']);
    expect(selectCodebook(state).kinds.at(-1)?.id).toBe('testimony');
  });

  it('leaves links never loaded alone, and the state itself when nothing of it changed', () => {
    const event = changed({ links: { put: [link('l2', 'b', 'c')], removed: [] } });
    expect(selectLinks(reduce(initialState, { type: 'core/changed', event }))).toEqual([]);
    const state = reduce(initialState, { type: 'codebook/loaded', codebook: defaultCodebook() });
    expect(reduce(state, { type: 'core/changed', event: changed() }).codebook).toBe(state.codebook);
  });
});

const report = (fileName: string): ReferencesReport => ({
  format: 'ris',
  mode: 'preview',
  items: [{ index: 1, title: fileName, action: 'unmatched', filled: [], differs: [] }],
  counts: { filled: 0, unchanged: 0, added: 0, unmatched: 1 },
});

describe('the interchange module', () => {
  it('changes one export option and keeps the others', () => {
    const before = selectExportOptions(initialState);
    const state = reduce(initialState, {
      type: 'interchange/exportOptions',
      options: { code: 'Accountability' },
    });
    expect(selectExportOptions(state)).toEqual({ ...before, code: 'Accountability' });
  });

  it('asks about one bibliography at a time, in the order they came', () => {
    const ask = (fileName: string) => ({
      fileName,
      file: new Blob(['x']),
      report: report(fileName),
    });
    let state = reduce(initialState, {
      type: 'interchange/referencesAsked',
      asks: [ask('a.ris'), ask('b.bib')],
    });
    expect(selectReferencesAsk(state)?.fileName).toBe('a.ris');
    state = reduce(state, { type: 'interchange/referencesDone' });
    expect(selectReferencesAsk(state)?.fileName).toBe('b.bib');
    state = reduce(state, { type: 'interchange/referencesDone' });
    expect(selectReferencesAsk(state)).toBeUndefined();
  });
});
