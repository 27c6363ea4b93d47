// The reducer every derived view shares, through the store: an answer is kept under its
// query's key, an answer to an older request or one read before a change is dropped, a
// failure keeps the last answer, a change marks only the entries its rule names, and the
// least recently asked entries make way.
import { describe, expect, it } from 'vitest';
import { initialState, reduce, type State } from '../../../../src/renderer/src/store/index';
import { coreChanged } from '../../../../src/renderer/src/store/changes';
import {
  selectViewEntry,
  viewFailed,
  viewLoaded,
  viewRequested,
} from '../../../../src/renderer/src/store/views/index';
import { changed, makeAnnotation } from '../../builders';
import { dossier, named } from '../../research-builders';

const passages = (id: string) => [
  { annotation: makeAnnotation(id, 'd1', ['e1']), documentTitle: 'Document d1' },
];

const run = (...actions: Parameters<typeof reduce>[1][]): State =>
  actions.reduce(reduce, initialState);

describe('a derived view in the store', () => {
  it('keeps each answer under its query, and nothing for a query not asked', () => {
    const state = run(
      viewRequested('tagged', 'trial', 1),
      viewRequested('tagged', 'witness', 2),
      viewLoaded('tagged', 'trial', 1, passages('a1')),
    );
    expect(selectViewEntry(state, 'tagged', 'trial')).toMatchObject({
      data: passages('a1'),
      pending: null,
      stale: false,
    });
    expect(selectViewEntry(state, 'tagged', 'witness')).toMatchObject({
      data: undefined,
      pending: 2,
    });
    expect(selectViewEntry(state, 'tagged', 'verdict')).toBeUndefined();
  });

  it('drops an answer to an older request, and keeps the last answer while asking again', () => {
    const state = run(
      viewRequested('tagged', 'trial', 1),
      viewLoaded('tagged', 'trial', 1, passages('a1')),
      viewRequested('tagged', 'trial', 2),
      viewRequested('tagged', 'trial', 3),
      viewLoaded('tagged', 'trial', 2, passages('a2')),
    );
    expect(selectViewEntry(state, 'tagged', 'trial')).toMatchObject({
      data: passages('a1'),
      pending: 3,
    });
  });

  it('keeps the last answer when asking again fails, and says why', () => {
    const state = run(
      viewRequested('tagged', 'trial', 1),
      viewLoaded('tagged', 'trial', 1, passages('a1')),
      viewRequested('tagged', 'trial', 2),
      viewFailed('tagged', 'trial', 2, 'the workspace was closed'),
    );
    expect(selectViewEntry(state, 'tagged', 'trial')).toMatchObject({
      data: passages('a1'),
      error: 'the workspace was closed',
      pending: null,
    });
  });

  it('marks stale what a change touches, and drops an answer read before the change', () => {
    const asked = run(viewRequested('tagged', 'trial', 1), viewRequested('tagged', 'other', 2));
    const event = changed({ tags: [{ tag: 'trial', count: 2 }] });
    const after = reduce(asked, coreChanged(event));
    expect(selectViewEntry(after, 'tagged', 'trial')).toMatchObject({ stale: true, pending: null });
    // The untouched entry is the same object: nothing re-renders for it.
    expect(selectViewEntry(after, 'tagged', 'other')).toBe(
      selectViewEntry(asked, 'tagged', 'other'),
    );
    const landed = reduce(after, viewLoaded('tagged', 'trial', 1, passages('a1')));
    expect(selectViewEntry(landed, 'tagged', 'trial')?.data).toBeUndefined();
  });

  it('leaves the views as they were when a change touches none', () => {
    const state = run(viewRequested('tagged', 'trial', 1));
    expect(reduce(state, coreChanged(changed())).views).toBe(state.views);
  });

  it('marks every entry stale after a reset', () => {
    const state = run(
      viewRequested('dossier', 'e1', 1),
      viewLoaded('dossier', 'e1', 1, dossier(named('e1', 'Ebrahim Raisi'))),
      viewRequested('search', { query: 'evin' }, 2),
    );
    const after = reduce(state, coreChanged(changed({ reset: true })));
    expect(selectViewEntry(after, 'dossier', 'e1')?.stale).toBe(true);
    expect(selectViewEntry(after, 'search', { query: 'evin' })?.stale).toBe(true);
  });

  it('keeps the most recently asked entries of a view, and always the one asked now', () => {
    let state = initialState;
    for (let i = 1; i <= 32; i++)
      state = reduce(state, viewRequested('search', { query: `q${i}` }, i));
    const kept = Object.values(state.views.search).map((e) => e.query.query);
    expect(kept).toHaveLength(30);
    expect(kept).not.toContain('q1');
    expect(kept).not.toContain('q2');
    expect(kept).toContain('q32');
  });
});
