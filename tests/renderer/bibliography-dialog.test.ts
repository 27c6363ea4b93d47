// @vitest-environment jsdom
// A bibliography of chosen sources: the open document is chosen to begin with, ticking
// another asks the core again for both (a view of the store, keyed by the sources and the
// style), the style changes the request, Copy puts the entries on the clipboard, and the
// BibTeX button exports only the chosen sources.
import { act, createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BibliographyDialog } from '../../src/renderer/src/features/library/BibliographyDialog';
import { createWorkbenchStore } from '../../src/renderer/src/store/index';
import type { Input } from '../../src/shared/api';
import { listItem } from './builders';
import { fakeModalDialogs } from './modal-dialogs';
import { mountView } from './mount-view';

let copied = '';
beforeAll(() => {
  fakeModalDialogs();
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => ((copied = text), Promise.resolve()) },
  });
  URL.createObjectURL = () => 'blob:export';
  URL.revokeObjectURL = () => undefined;
});

let unmount = (): void => undefined;
afterEach(() => unmount());

describe('the bibliography dialog', () => {
  it('formats the chosen sources in the chosen style, copies them and saves them', async () => {
    const asked: Input<'export.bibliography'>[] = [];
    const exported: Input<'export.create'>[] = [];
    const setup = createWorkbenchStore();
    setup.dispatch({ type: 'documents/listLoaded', list: [listItem('d1'), listItem('d2')] });
    setup.dispatch({ type: 'documents/opened', id: 'd1' });
    const view = await mountView(
      createElement(BibliographyDialog, { open: true, onClose: () => undefined }),
      {
        'export.bibliography': (input) => {
          asked.push(input);
          return { entries: input.documentIds.map((id) => `Entry for ${id} (${input.style})`) };
        },
        'export.create': (input) => {
          exported.push(input);
          return { fileName: 'b.bib', mimeType: 'application/x-bibtex', content: '' };
        },
      },
      setup.getState(),
    );
    unmount = view.unmount;
    const region = (): string =>
      view.container.querySelector('[aria-label="Bibliography"]')?.textContent ?? '';
    expect(region()).toBe('Entry for d1 (chicago-author-date)');

    const boxes = [...view.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    await view.click(boxes[1]!);
    expect(region()).toBe('Entry for d1 (chicago-author-date)Entry for d2 (chicago-author-date)');

    const select = view.container.querySelector('select')!;
    act(() => {
      select.value = 'apa';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await view.settle();
    expect(asked.at(-1)).toMatchObject({ documentIds: ['d1', 'd2'], style: 'apa' });
    expect(region()).toContain('Entry for d2 (apa)');

    await view.click(view.button('Copy bibliography'));
    expect(copied).toBe('Entry for d1 (apa)\nEntry for d2 (apa)');
    await view.click(view.button('Save as BibTeX'));
    expect(exported).toMatchObject([{ format: 'bibtex', documentIds: ['d1', 'd2'] }]);
  });
});
