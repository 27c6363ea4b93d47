// @vitest-environment jsdom
// The export option "Put the original files in the workspace backup": off by default, and
// once chosen it reaches the core with the backup only (every other export would refuse
// it, since only the backup can carry the originals). And an export names the file it saved.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../src/shared/api';
import { createWorkbenchStore } from '../../src/renderer/src/store/index';
import { selectExportOptions } from '../../src/renderer/src/store/interchange';
import { createCommands } from '../../src/renderer/src/workbench/commands';
import { fakeApi } from './builders';

beforeAll(() => {
  URL.createObjectURL = () => 'blob:export';
  URL.revokeObjectURL = () => undefined;
});

describe('the backup’s originals option', () => {
  it('is off at first, and once on goes with the backup and no other export', async () => {
    const asked: Input<'export.create'>[] = [];
    const { api } = fakeApi({
      'export.create': (input) => {
        asked.push(input);
        return { fileName: 'f', mimeType: 'text/plain', content: '' };
      },
    });
    const store = createWorkbenchStore();
    const commands = createCommands(api, store);
    expect(selectExportOptions(store.getState()).includeOriginals).toBe(false);
    await commands.exportAs('json', 'backup');
    store.dispatch({ type: 'interchange/exportOptions', options: { includeOriginals: true } });
    await commands.exportAs('json', 'backup');
    await commands.exportAs('csv', 'spreadsheet');
    expect(asked.map((a) => [a.format, a.includeOriginals])).toEqual([
      ['json', undefined],
      ['json', true],
      ['csv', undefined],
    ]);
  });

  it('says which file an export saved', async () => {
    const { api } = fakeApi({
      'export.create': () => ({
        fileName: 'research-notes-2026-12-07.md',
        mimeType: 'text/markdown',
        content: '# Notes',
      }),
    });
    const store = createWorkbenchStore();
    await createCommands(api, store).exportAs('markdown', 'Research notes (Markdown)');
    expect(store.getState().ui.toasts.map((t) => t.message)).toEqual([
      'Exported research-notes-2026-12-07.md, saved where your downloads go.',
    ]);
  });
});
