// @vitest-environment jsdom
// The whole renderer against a fake core behind `window.workbench`: the banner names who
// holds a read-only workspace, repair is confirmed then reported, a delete offers Undo,
// Ctrl+Z undoes outside text fields, and nothing is refetched until the change event.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  Envelope,
  MethodName,
  WorkbenchBridge,
  WorkbenchEvent,
  WorkspaceInfo,
} from '../../src/shared/api';
import type { Cooccurrence } from '../../src/shared/methods/analysis';
import { App } from '../../src/renderer/src/App';
import {
  changed,
  entity,
  fakeApi,
  listItem,
  makeAnnotation,
  makeView,
  type Handlers,
} from './builders';
import { fakeModalDialogs } from './modal-dialogs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom does no layout, so it has no scrolling; and it has <dialog> but not its modal methods.
  Element.prototype.scrollIntoView = () => undefined;
  fakeModalDialogs({ withClose: true });
});

const INFO: WorkspaceInfo = { path: '/ws', schemaVersion: 2, readOnly: false, problems: [] };

let root: Root | undefined;
let container: HTMLElement;

async function settle(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));
}

async function mount(handlers: Handlers) {
  const { api, calls } = fakeApi({
    'workspace.info': () => INFO,
    'documents.list': () => [listItem('d1', 1)],
    'documents.get': () =>
      makeView('d1', [{ ...makeAnnotation('a1', 'd1'), note: 'Seen by **two** witnesses.' }]),
    'annotations.byIds': () => [
      {
        annotation: { ...makeAnnotation('a1', 'd1'), note: 'Seen by **two** witnesses.' },
        documentTitle: 'Document d1',
      },
    ],
    'entities.list': () => [entity('e1')],
    'history.info': () => ({ canUndo: false, canRedo: false }),
    'notes.list': () => [],
    'tags.list': () => [],
    ...handlers,
  });
  const listeners = new Set<(event: WorkbenchEvent) => void>();
  const bridge = Object.fromEntries(
    (Object.keys(api) as MethodName[]).map((method) => [
      method,
      async (input: unknown): Promise<Envelope<unknown>> => {
        try {
          const call = api[method] as (input: unknown) => Promise<unknown>;
          return { ok: true, value: await call(input) };
        } catch (error) {
          return { ok: false, error: { code: 'INTERNAL', message: String(error) } };
        }
      },
    ]),
  ) as unknown as WorkbenchBridge;
  bridge.onEvent = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  window.workbench = bridge;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(createElement(App)));
  await settle();
  calls.length = 0;
  const send = async (...events: WorkbenchEvent[]): Promise<void> => {
    for (const event of events) listeners.forEach((l) => l(event));
    await settle();
  };
  return { calls, send };
}

const named = (name: string, scope: ParentNode = document): HTMLButtonElement => {
  const found = [...scope.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
};
const click = async (element: HTMLElement): Promise<void> => {
  act(() => element.click());
  await settle();
};
const region = (label: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[aria-label="${label}"]`);

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  delete window.workbench;
});

describe('the workbench window', () => {
  it('says who holds a read-only workspace, and offers no repair while it is held', async () => {
    await mount({
      'workspace.info': () => ({
        ...INFO,
        readOnly: true,
        readOnlyReason: 'Another process has this workspace open for writing.',
        lockedBy: {
          pid: 4121,
          host: 'desktop app',
          hostname: 'lab-laptop',
          since: '2026-11-24T09:00:00.000Z',
        },
      }),
    });
    const banner = region('Workspace');
    expect(banner?.textContent).toContain('Opened read-only.');
    // The holder is named once, in words, not again in the core's sentence.
    expect(banner?.textContent).not.toContain(
      'Another process has this workspace open for writing.',
    );
    expect(banner?.textContent).toMatch(/In use by the desktop app \(process 4121 on lab-laptop\)/);
    expect(() => named('Repair workspace…')).toThrow();
    expect(() => named('Delete “Document d1”')).toThrow();
  });

  it('lists each problem, confirms what repair will do, then shows its report', async () => {
    const problem = {
      file: 'documents/d2.json',
      record: 'annotations[3] (ann_x)',
      reason: 'its end is before its start',
      repair: 'remove the highlight annotations[3] (ann_x)',
    };
    const { calls } = await mount({
      'workspace.info': () => ({ ...INFO, problems: [problem] }),
      'workspace.repair': () => ({
        changes: ['documents/d2.json: removed annotations[3] (ann_x)'],
        remaining: [{ file: 'documents/d3.json', reason: 'not valid JSON', repair: 'none' }],
      }),
    });
    expect(region('Workspace')?.textContent).toContain(
      'documents/d2.json (annotations[3] (ann_x)): its end is before its start.',
    );
    await click(named('Repair workspace…'));
    const dialog = document.querySelector('dialog[open]');
    expect(dialog?.textContent).toContain(
      'documents/d2.json, annotations[3] (ann_x): remove the highlight annotations[3] (ann_x)',
    );
    expect(calls).toEqual([]);
    await click(named('Repair workspace', dialog!));
    expect(calls).toEqual(['workspace.repair']);
    const report = document.querySelector('.repair-report');
    expect(report?.textContent).toContain('documents/d2.json: removed annotations[3] (ann_x)');
    expect(report?.textContent).toContain('documents/d3.json');
  });

  it('deletes a highlight with one call, applies the event without asking again, and offers Undo', async () => {
    const { calls, send } = await mount({
      'annotations.delete': ({ id }) => ({ id }),
      'history.undo': () => ({ canUndo: false, canRedo: true, done: 'Delete highlight' }),
    });
    await click(named('Highlight: Ebrahim Raisi (Quote, has a note)'));
    expect(document.querySelector('.markdown strong')?.textContent).toBe('two');
    await click(named('Delete highlight'));
    await click(named('Delete highlight', document.querySelector('dialog[open]')!));
    expect(calls).toEqual(['annotations.delete']);
    expect(region('Notifications')?.textContent).toContain('Highlight deleted.');

    await send(
      changed({
        annotations: { put: [], removed: [{ id: 'a1', documentId: 'd1' }] },
        history: { canUndo: true, canRedo: false, undoLabel: 'Delete highlight' },
      }),
    );
    // The event carries what changed: nothing is asked for, and the highlight is gone.
    expect(calls.slice(1)).toEqual([]);
    expect(document.querySelector('[aria-label^="Highlight: Ebrahim Raisi"]')).toBeNull();

    calls.length = 0;
    await click(named('Undo', region('Notifications')!));
    expect(calls).toEqual(['history.undo']);
    expect(region('Notifications')?.textContent).toContain('Undone: Delete highlight.');
  });

  it('keeps an open highlight and its note editor across a resize to a narrow window and back', async () => {
    // jsdom has no media queries: this one answers the window's narrow query as a resize would.
    let narrow = false;
    const listeners = new Set<() => void>();
    window.matchMedia = (query: string) =>
      ({
        media: query,
        get matches() {
          return query.includes('max-width: 999') && narrow;
        },
        addEventListener: (_: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
      }) as unknown as MediaQueryList;
    const resize = async (toNarrow: boolean): Promise<void> => {
      narrow = toNarrow;
      act(() => listeners.forEach((listener) => listener()));
      await settle();
    };
    try {
      await mount({});
      await click(named('Highlight: Ebrahim Raisi (Quote, has a note)'));
      await click(named('Edit note'));
      const editor = document.querySelector<HTMLTextAreaElement>(
        'form[aria-label="Highlight note"] textarea',
      )!;
      // The caret where the user was typing, inside the text.
      editor.setSelectionRange(7, 7);
      for (const toNarrow of [true, false]) {
        await resize(toNarrow);
        // The same editor, still open with what was typed, in the details side.
        expect(editor.isConnected, `narrow: ${toNarrow}`).toBe(true);
        expect(editor.closest('aside')?.getAttribute('aria-label')).toBe('Details');
        // Focus and caret stay in it: the drawer does not move focus to its heading.
        expect(document.activeElement, `narrow: ${toNarrow}`).toBe(editor);
        expect(editor.selectionStart).toBe(7);
      }
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });

  it('undoes on Ctrl+Z outside text fields only', async () => {
    const { calls } = await mount({
      'history.info': () => ({ canUndo: true, canRedo: false, undoLabel: 'Delete highlight' }),
      'history.undo': () => ({ canUndo: false, canRedo: true, done: 'Delete highlight' }),
    });
    expect(named('Undo Delete highlight').disabled).toBe(false);
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(() =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true })),
    );
    await settle();
    expect(calls).toEqual([]);
    await act(() =>
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }),
      ),
    );
    await settle();
    expect(calls).toEqual(['history.undo']);
  });

  it('keeps the window when one view fails: the view says so in its place', async () => {
    // Counts the cooccurrence view cannot read (a core answering what it did not expect).
    await mount({
      'analysis.cooccurrence': () =>
        ({ scope: 'highlight', nodes: null, pairs: null }) as unknown as Cooccurrence,
    });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await click(named('Co-occurrence'));
    } finally {
      console.error = quiet;
    }
    const alert = document.querySelector('#main-view [role="alert"]');
    expect(alert?.textContent).toContain('The Co-occurrence view could not be shown');
    // The tabs, the library and the top bar are all still there.
    expect(named('Reader')).toBeTruthy();
    expect(region('Library')?.textContent).toContain('Document d1');
    await click(named('Reader'));
    expect(document.querySelector('#main-view [role="alert"]')).toBeNull();
  }, 8_000);

  it('redoes on Ctrl+Y, and the shortcut sheet lists every key it binds', async () => {
    const { calls } = await mount({
      'history.info': () => ({ canUndo: false, canRedo: true, redoLabel: 'Delete highlight' }),
      'history.redo': () => ({ canUndo: true, canRedo: false, done: 'Delete highlight' }),
    });
    const key = (init: KeyboardEventInit): Promise<void> =>
      act(async () => {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
        await Promise.resolve();
      });
    await key({ key: 'y', ctrlKey: true });
    await settle();
    expect(calls).toEqual(['history.redo']);
    await key({ key: '?', shiftKey: true });
    const sheet = document.querySelector('dialog.shortcuts[open]');
    expect(sheet?.querySelector('h2')?.textContent).toBe('Keyboard shortcuts');
    const listed = [...(sheet?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);
    expect(listed).toContain('Ctrl+Shift+Z or Ctrl+Y');
    expect(listed).toContain('Ctrl+S or Ctrl+Enter');
  });
});
