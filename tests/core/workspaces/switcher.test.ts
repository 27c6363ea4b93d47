// Switching workspaces against real folders: the new workspace opens before the old one
// closes; closing finishes the old one's writes and gives its lock back; the recent list
// follows; a folder that cannot be opened leaves the old workspace open and writable; and
// the desktop app's window can name only folders it was shown.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbench, type Workbench } from '../../../src/core/workbench';
import {
  WorkspaceSwitcher,
  type ChooseFolder,
  type SwitcherOptions,
} from '../../../src/core/workspaces/switcher';
import { RECENT_FILE } from '../../../src/core/workspaces/recent-file';
import { WorkbenchError } from '../../../src/shared/errors';
import { tempDir, unwrap } from '../../integration/helpers';

let temp: Awaited<ReturnType<typeof tempDir>>;
let switcher: WorkspaceSwitcher;
const others: Workbench[] = [];

beforeEach(async () => (temp = await tempDir()));
afterEach(async () => {
  await switcher?.close();
  for (const wb of others.splice(0)) await wb.close();
  await temp.cleanup();
});

function makeSwitcher(choose: SwitcherOptions['choose'] = 'path'): WorkspaceSwitcher {
  const onSwitch = vi.fn();
  switcher = new WorkspaceSwitcher({
    settingsDir: join(temp.dir, 'settings'),
    open: (dir, workspaces) => openWorkbench(dir, { host: 'test', workspaces }),
    choose,
    onSwitch,
  });
  return switcher;
}

const entity = (wb: Workbench, name: string) =>
  wb.call('entities.create', { name, type: 'person' });

describe('WorkspaceSwitcher', () => {
  it('creates a second workspace, releases the first one’s lock and lists it as recent', async () => {
    const a = join(temp.dir, 'A');
    const b = join(temp.dir, 'B');
    const first = await makeSwitcher().start(a);
    // Not awaited: the switch must still find it written when it closes A.
    const pending = entity(first, 'Hamid Nouri');
    const opened = unwrap(await first.call('workspaces.open', { path: b, create: true }));
    expect(unwrap(await pending).name).toBe('Hamid Nouri');
    expect(opened).toEqual({ opened: true, path: b });
    expect(switcher.current.dir).toBe(b);
    expect(switcher.current.readOnly).toBe(false);
    // A's lock is free: another opener may write it, and finds the entity on disk.
    const again = await openWorkbench(a, { host: 'test' });
    others.push(again);
    expect(again.readOnly).toBe(false);
    expect(await readFile(join(a, 'workspace.json'), 'utf8')).toContain('Hamid Nouri');
    await again.close();
    others.length = 0;

    const list = unwrap(await switcher.current.call('workspaces.list', {}));
    expect(list).toMatchObject({ current: b, choose: 'path' });
    expect(list.recent.map((w) => [w.name, w.path])).toEqual([['A', a]]);
    expect(list.problem).toBeUndefined();

    // And back, by the listed path: B is released in turn.
    unwrap(await switcher.current.call('workspaces.open', { path: a }));
    expect(switcher.current.dir).toBe(a);
    expect(unwrap(await switcher.current.call('workspaces.list', {})).recent[0]!.path).toBe(b);
  });

  it('keeps the open workspace when the folder cannot be opened, and says why', async () => {
    const a = join(temp.dir, 'A');
    const first = await makeSwitcher().start(a);
    const file = join(temp.dir, 'notes.txt');
    await writeFile(file, 'x');
    const refused = await first.call('workspaces.open', { path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toContain('is a file, not a folder');
    const typedNothing = await first.call('workspaces.open', {});
    expect(!typedNothing.ok && typedNothing.error.message).toContain('Type the full path');
    expect(switcher.current).toBe(first);
    expect(unwrap(await entity(first, 'Still writable')).name).toBe('Still writable');
  });

  it('says when the recent list is damaged, lists nothing, and still switches', async () => {
    const settings = join(temp.dir, 'settings');
    const a = join(temp.dir, 'A');
    const first = await makeSwitcher().start(a);
    await writeFile(join(settings, RECENT_FILE), 'not json');
    const list = unwrap(await first.call('workspaces.list', {}));
    expect(list.recent).toEqual([]);
    expect(list.problem).toContain('is not valid JSON');
    const b = join(temp.dir, 'B');
    unwrap(await first.call('workspaces.open', { path: b, create: true }));
    const after = unwrap(await switcher.current.call('workspaces.list', {}));
    expect(after.recent).toEqual([]);
    expect(await readFile(join(settings, 'recent-workspaces.damaged.json'), 'utf8')).toBe(
      'not json',
    );
  });

  it('in the desktop app, opens by name only a listed folder; others come from the dialog', async () => {
    const a = join(temp.dir, 'A');
    const b = join(temp.dir, 'B');
    const chosen: (string | undefined)[] = [undefined, b];
    const choose = vi.fn<ChooseFolder>(() => Promise.resolve(chosen.shift()));
    const first = await makeSwitcher(choose).start(a);
    const named = await first.call('workspaces.open', { path: b, create: true });
    expect(named).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(choose).not.toHaveBeenCalled();
    expect(unwrap(await first.call('workspaces.open', { create: true }))).toEqual({
      opened: false,
    });
    expect(switcher.current).toBe(first);
    expect(unwrap(await first.call('workspaces.open', { create: true }))).toEqual({
      opened: true,
      path: b,
    });
    expect(choose).toHaveBeenLastCalledWith(true);
    // A is now on the recent list, so the window may name it.
    unwrap(await switcher.current.call('workspaces.open', { path: a }));
    expect(switcher.current.dir).toBe(a);
  });

  it('forgets a workspace from the list', async () => {
    const a = join(temp.dir, 'A');
    const b = join(temp.dir, 'B');
    const first = await makeSwitcher().start(a);
    unwrap(await first.call('workspaces.open', { path: b, create: true }));
    const list = unwrap(await switcher.current.call('workspaces.forget', { path: a }));
    expect(list.recent).toEqual([]);
  });

  it('keeps the open workspace, writable, when the new one fails to open', async () => {
    const a = join(temp.dir, 'A');
    switcher = new WorkspaceSwitcher({
      settingsDir: join(temp.dir, 'settings'),
      // Fault injection: the second workspace's open fails after its folder checked out.
      open: (dir, workspaces, first) =>
        first
          ? openWorkbench(dir, { host: 'test', workspaces })
          : Promise.reject(new WorkbenchError('WRITE_FAILED', 'The disk is full.')),
      choose: 'path',
    });
    const first = await switcher.start(a);
    const failed = await first.call('workspaces.open', { path: join(temp.dir, 'B'), create: true });
    expect(failed).toMatchObject({ ok: false, error: { message: 'The disk is full.' } });
    expect(switcher.current).toBe(first);
    expect(unwrap(await entity(first, 'Still open')).name).toBe('Still open');
    // A still holds its lock: another opener is read-only.
    const other = await openWorkbench(a, { host: 'test' });
    others.push(other);
    expect(other.readOnly).toBe(true);
  });
});

describe('a workbench without a switcher (the command line)', () => {
  it('refuses workspaces.* and says how to use another workspace', async () => {
    switcher = undefined as unknown as WorkspaceSwitcher;
    const wb = await openWorkbench(join(temp.dir, 'A'), { host: 'test' });
    others.push(wb);
    const list = await wb.call('workspaces.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!list.ok && list.error.message).toContain('--workspace');
  });
});
