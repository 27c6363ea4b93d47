// The recent-workspaces list is a settings file anyone can edit: it is read strictly, and
// a file that is not the list gives an empty list and a problem naming it, never a crash;
// the next write sets it aside instead of writing over it.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT,
  readRecent,
  RECENT_FILE,
  withOpened,
  writeRecent,
} from '../../../src/core/workspaces/recent-file';
import { tempDir } from '../../integration/helpers';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (temp = await tempDir()));
afterEach(() => temp.cleanup());

const put = (text: string): Promise<void> => writeFile(join(temp.dir, RECENT_FILE), text);

describe('the recent workspaces file', () => {
  it('is an empty list, without a problem, before it exists', async () => {
    expect(await readRecent(temp.dir)).toEqual({ entries: [] });
  });

  it('reads back what was written, most recent first, each folder once', async () => {
    const at = (m: number): Date => new Date(Date.UTC(2026, 11, 7, 9, m));
    let entries = withOpened([], '/w/a', at(1));
    entries = withOpened(entries, '/w/b', at(2));
    entries = withOpened(entries, '/w/a', at(3));
    await writeRecent(temp.dir, entries, false);
    const read = await readRecent(temp.dir);
    expect(read.problem).toBeUndefined();
    expect(read.entries.map((e) => e.path)).toEqual(['/w/a', '/w/b']);
  });

  it('keeps at most MAX_RECENT folders', () => {
    let entries = withOpened([], '/w/0', new Date());
    for (let i = 1; i <= MAX_RECENT + 3; i++) entries = withOpened(entries, `/w/${i}`, new Date());
    expect(entries).toHaveLength(MAX_RECENT);
    expect(entries[0]!.path).toBe(`/w/${MAX_RECENT + 3}`);
  });

  it.each([
    ['not JSON', '{"version": 1, "recent": [', 'is not valid JSON'],
    ['another shape', '["/w/a"]', 'is not in the expected form'],
    [
      'a relative path',
      '{"version":1,"recent":[{"path":"w/a","openedAt":"2026-12-07T09:00:00.000Z"}]}',
      'a recent workspace must be a full path',
    ],
    ['an unknown field', '{"version":1,"recent":[],"evil":true}', 'is not in the expected form'],
  ])('gives an empty list and a clear problem for %s', async (_case, text, why) => {
    await put(text);
    const read = await readRecent(temp.dir);
    expect(read.entries).toEqual([]);
    expect(read.problem).toContain(RECENT_FILE);
    expect(read.problem).toContain(why);
  });

  it('sets a damaged file aside before writing a new list', async () => {
    await put('{ damaged');
    await writeRecent(temp.dir, withOpened([], '/w/a', new Date()), true);
    expect(await readFile(join(temp.dir, 'recent-workspaces.damaged.json'), 'utf8')).toBe(
      '{ damaged',
    );
    expect((await readRecent(temp.dir)).entries).toHaveLength(1);
    expect((await readdir(temp.dir)).sort()).toEqual(
      [RECENT_FILE, 'recent-workspaces.damaged.json'].sort(),
    );
  });
});
