// The source commands: a saved edit says how many highlights need a look and opens the
// review; a re-import is sent again only with the user's answer, one file at a time.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../../src/shared/api';
import { createWorkbenchStore } from '../../../src/renderer/src/store/index';
import { selectReimport, selectToasts } from '../../../src/renderer/src/store/ui';
import { createCommands } from '../../../src/renderer/src/workbench/commands';
import { fakeApi, listItem, makeAnnotation, makeView, type Handlers } from '../builders';

function setup(handlers: Handlers) {
  const { api, calls } = fakeApi(handlers);
  const store = createWorkbenchStore();
  store.dispatch({ type: 'documents/listLoaded', list: [listItem('d1', 1)] });
  return { store, calls, commands: createCommands(api, store) };
}

describe('source commands', () => {
  it('saves a text edit and opens the review when highlights need a look', async () => {
    const orphan = { ...makeAnnotation('a1', 'd1'), status: 'orphaned' as const };
    const { store, calls, commands } = setup({
      'documents.editText': () => {
        const view = makeView('d1', [orphan]);
        return { ...view, document: { ...view.document, revision: 2 } };
      },
    });
    expect(await commands.saveText('d1', 1, 'New text.')).toBe(true);
    expect(calls).toEqual(['documents.editText']);
    expect(selectToasts(store.getState())).toMatchObject([
      { message: 'Text saved as revision 2; 1 highlight to review.', action: 'undo' },
    ]);
    expect(store.getState().selection.panel).toEqual({ type: 'review', reattach: null });
  });

  it('asks before a re-import and sends the answer with the file', async () => {
    const sent: Input<'documents.importBytes'>[] = [];
    const { store, calls, commands } = setup({
      'documents.importBytes': (input) => {
        sent.push(input);
        return {
          fileName: 'page.html',
          kind: 'updated',
          documentId: 'd1',
          title: 'Page',
          revision: 2,
          review: 0,
        };
      },
    });
    commands.imported([
      {
        fileName: 'page.html',
        ok: true,
        message: 'looks like a newer version',
        reimport: {
          fileName: 'page.html',
          file: new Blob(['A']),
          documentId: 'd1',
          title: 'Page',
          reason: 'url',
        },
      },
    ]);
    expect(selectReimport(store.getState())?.documentId).toBe('d1');
    expect(calls).toEqual([]);
    await commands.answerReimport('update');
    expect(sent).toEqual([
      {
        fileName: 'page.html',
        data: new Uint8Array([0x41]),
        onMatch: 'update',
        targetId: 'd1',
      },
    ]);
    expect(selectReimport(store.getState())).toBeUndefined();
    expect(store.getState().ui.outcomes[0]?.message).toContain('updated “Page” to revision 2');
  });

  it('sends nothing when the user cancels a re-import', async () => {
    const { store, calls, commands } = setup({});
    store.dispatch({
      type: 'ui/reimportAsked',
      reimports: [
        {
          fileName: 'a.html',
          file: new Blob(['A']),
          documentId: 'd1',
          title: 'A',
          reason: 'title',
        },
      ],
    });
    await commands.answerReimport('skip');
    expect(calls).toEqual([]);
    expect(selectReimport(store.getState())).toBeUndefined();
  });
});
