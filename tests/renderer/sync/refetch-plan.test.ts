// Each kind of change event refetches what it touches and nothing more.
import { describe, expect, it } from 'vitest';
import type { WorkbenchEvent } from '../../../src/shared/api';
import {
  initialState,
  reduce,
  type Action,
  type State,
} from '../../../src/renderer/src/store/index';
import { showEntity } from '../../../src/renderer/src/store/selection';
import {
  compareAnnotations,
  planRefetch,
  type Resource,
} from '../../../src/renderer/src/sync/refetch-plan';
import { listItem, makeAnnotation, makeView } from '../builders';

const open: Action[] = [
  { type: 'documents/listLoaded', list: [listItem('d1', 1), listItem('d2')] },
  { type: 'documents/viewLoaded', view: makeView('d1') },
];
const state = (...extra: Action[]): State => [...open, ...extra].reduce(reduce, initialState);
const resources = (event: WorkbenchEvent, s = state()): Resource[] =>
  [...planRefetch(event, s).resources].sort();
const changed = (
  topic: WorkbenchEvent['topic'],
  ids: string[],
  documentIds?: string[],
): WorkbenchEvent => ({
  type: 'changed',
  topic,
  ids,
  ...(documentIds ? { documentIds } : {}),
});

describe('planRefetch', () => {
  it('fetches only the changed highlights of the open document, and compares them after', () => {
    const plan = planRefetch(changed('annotations', ['a1'], ['d1']), state());
    expect([...plan.resources]).toEqual(['highlights']);
    expect([...plan.compareAnnotations]).toEqual(['a1']);
    expect(plan.content).toBe(true);
  });

  it('refetches the counts, not the view, for highlights of a document that is not open', () => {
    expect(resources(changed('annotations', ['a9'], ['d2']))).toEqual([
      'documents',
      'entities',
      'tags',
    ]);
  });

  it('also reloads the passages when an entity is open', () => {
    expect(resources(changed('annotations', ['a1'], ['d1']), state(showEntity('e1')))).toEqual([
      'highlights',
      'passages',
    ]);
  });

  it('treats an annotations event without documentIds as touching every document', () => {
    expect(resources(changed('annotations', ['a1']))).toEqual([
      'documents',
      'entities',
      'tags',
      'view',
    ]);
  });

  it('refetches the notes only for a notes event', () => {
    expect(resources(changed('notes', ['n1']))).toEqual(['notes']);
  });

  it('refetches the entity list only for an entities event', () => {
    expect(resources(changed('entities', ['e1']))).toEqual(['entities']);
  });

  it('reloads the view for a documents event only when it names the open document', () => {
    expect(resources(changed('documents', ['d2']))).toEqual(['documents', 'entities', 'tags']);
    expect(resources(changed('documents', ['d1']))).toEqual([
      'documents',
      'entities',
      'tags',
      'view',
    ]);
  });

  it('asks only for the history summary on a history event, which is not a content change', () => {
    const plan = planRefetch(changed('history', []), state());
    expect([...plan.resources]).toEqual(['history']);
    expect(plan.content).toBe(false);
  });

  it('reloads everything for a workspace event (opened, repaired, reconnected)', () => {
    expect(resources(changed('workspace', []))).toEqual([
      'documents',
      'entities',
      'history',
      'info',
      'notes',
      'passages',
      'tags',
      'view',
    ]);
  });

  it('merges the events of one change into one plan', () => {
    let plan = planRefetch(changed('entities', ['e1']), state());
    plan = planRefetch(changed('annotations', ['a1', 'a2'], ['d1']), state(), plan);
    plan = planRefetch(changed('history', []), state(), plan);
    expect([...plan.resources].sort()).toEqual(['entities', 'highlights', 'history']);
    expect([...plan.compareAnnotations]).toEqual(['a1', 'a2']);
  });
});

describe('compareAnnotations', () => {
  it('sees free-text tags added, removed, or leaving with a deleted highlight', () => {
    const plain = makeAnnotation('a3', 'd1');
    const tagged = { ...plain, tags: ['trial'] };
    const ids = new Set(['a3']);
    expect(compareAnnotations([plain], [tagged], ids).freeTagsChanged).toBe(true);
    expect(compareAnnotations([tagged], [plain], ids).freeTagsChanged).toBe(true);
    expect(compareAnnotations([tagged], [], ids).freeTagsChanged).toBe(true);
    expect(compareAnnotations([tagged], [{ ...tagged, note: 'x' }], ids).freeTagsChanged).toBe(
      false,
    );
  });

  const a1 = makeAnnotation('a1', 'd1', ['e1']);
  it('sees a highlight that came or went, and the tags it took with it', () => {
    expect(compareAnnotations([], [a1], new Set(['a1']))).toEqual({
      countChanged: true,
      tagsChanged: true,
      freeTagsChanged: false,
    });
    expect(compareAnnotations([a1], [], new Set(['a1']))).toEqual({
      countChanged: true,
      tagsChanged: true,
      freeTagsChanged: false,
    });
    const untagged = makeAnnotation('a2', 'd1');
    expect(compareAnnotations([], [untagged], new Set(['a2']))).toEqual({
      countChanged: true,
      tagsChanged: false,
      freeTagsChanged: false,
    });
  });

  it('sees a change of tags, and no change when only the note changed', () => {
    const retagged = { ...a1, entityIds: ['e1', 'e2'] };
    expect(compareAnnotations([a1], [retagged], new Set(['a1']))).toEqual({
      countChanged: false,
      tagsChanged: true,
      freeTagsChanged: false,
    });
    const noted = { ...a1, note: 'Cited by the UN special rapporteur.' };
    expect(compareAnnotations([a1], [noted], new Set(['a1']))).toEqual({
      countChanged: false,
      tagsChanged: false,
      freeTagsChanged: false,
    });
  });
});
