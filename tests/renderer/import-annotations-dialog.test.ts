// @vitest-environment jsdom
// The annotations import dialog while an import runs: it names the import so that its
// progress is shown as the core reports it, Cancel asks the core to stop it, the cancelled
// import's answer is shown, and closing the dialog mid-import cancels it too.
import { act, createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImportAnnotationsDialog } from '../../src/renderer/src/features/library/ImportAnnotationsDialog';
import type { ImportProgress } from '../../src/shared/methods/annotations';
import { listItem } from './builders';
import { fakeModalDialogs } from './modal-dialogs';
import { mountView } from './mount-view';

beforeAll(() => fakeModalDialogs());

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function mount(onClose = (): void => undefined) {
  let progress: ImportProgress = { phase: 'placing', placed: 3, total: 10 };
  let finish: (error: Error) => void = () => undefined;
  const jobs: string[] = [];
  const cancels: string[] = [];
  const view = await mountView(
    createElement(ImportAnnotationsDialog, {
      file: { name: 'notes.json', json: '[]', token: 'pick-1' },
      onClose,
    }),
    {
      'annotations.importPreview': () => ({
        format: 'w3c',
        total: 10,
        targets: [
          { url: 'https://example.org/a', count: 10, documentId: 'd1', documentTitle: 'A' },
        ],
        tags: [],
        entities: [],
      }),
      'documents.list': () => [listItem('d1', 0)],
      'annotations.import': ({ jobId }) =>
        new Promise((_, reject) => {
          jobs.push(jobId!);
          finish = reject;
        }),
      'annotations.importStatus': () => progress,
      'annotations.importCancel': ({ jobId }) => {
        cancels.push(jobId);
        progress = { phase: 'none', placed: 0, total: 0 };
        finish(new Error('The import was cancelled; nothing was imported.'));
        return { cancelled: true };
      },
    },
  );
  unmount = view.unmount;
  return { jobs, cancels, ...view };
}

describe('the import annotations dialog', () => {
  it('shows the core’s progress, and Cancel stops the import it named', async () => {
    const { jobs, cancels, button, click } = await mount();
    await click(button('Import 10 annotations'));
    expect(jobs).toHaveLength(1);
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      'Placing annotations: 3 of 10…',
    );
    const bar = document.querySelector<HTMLProgressElement>(
      'progress[aria-label="Import progress"]',
    );
    expect([bar?.value, bar?.max]).toEqual([3, 10]);
    await click(button('Cancel import'));
    expect(cancels).toEqual(jobs);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'The import was cancelled; nothing was imported.',
    );
  });

  it('cancels the import when the dialog is closed while it runs', async () => {
    let closed = false;
    const { jobs, cancels, button, click, settle } = await mount(() => (closed = true));
    await click(button('Import 10 annotations'));
    act(() => {
      document.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    await settle();
    expect(closed).toBe(true);
    expect(cancels).toEqual(jobs);
  });
});
