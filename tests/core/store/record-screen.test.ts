// The screen of record files' bytes turns a document away only when its file is the one
// the store vouched for: the same size and time, a regular file, not a link to another.
import { mkdir, rename, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenRecords } from '../../../src/core/store/record-screen';
import { tempDir } from '../../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(join(dir, 'documents'));
});
afterEach(() => cleanup());

/** Writes a record file and gives its [size, time], as the store vouches for one. */
async function record(id: string, text: string): Promise<readonly [number, number]> {
  const file = join(dir, 'documents', `${id}.json`);
  await writeFile(file, JSON.stringify({ document: { id, text } }));
  const { size, mtimeMs } = await stat(file);
  return [size, mtimeMs];
}

/** A test that turns every file away, and sees what it was given. */
const seen: string[] = [];
const never = (bytes: Buffer): boolean => {
  seen.push(bytes.toString('utf8'));
  return false;
};

describe('screenRecords', () => {
  it('turns away only vouched files, as they are on disk', async () => {
    seen.length = 0;
    const stamps = new Map([
      ['doc_a', await record('doc_a', 'Evin')],
      ['doc_b', await record('doc_b', 'Gohardasht')],
    ]);
    await record('doc_c', 'not vouched for');
    const { cannot, looked } = await screenRecords(
      dir,
      ['doc_a', 'doc_b', 'doc_c', 'doc_gone'],
      stamps,
      never,
    );
    expect([...cannot].sort()).toEqual(['doc_a', 'doc_b']);
    expect(looked).toBe(2);
    expect(seen.sort()).toEqual([
      '{"document":{"id":"doc_a","text":"Evin"}}',
      '{"document":{"id":"doc_b","text":"Gohardasht"}}',
    ]);
  });

  it('reads a file changed since it was vouched for, even at the same size', async () => {
    const stamp = await record('doc_a', 'Evin');
    const file = join(dir, 'documents', 'doc_a.json');
    // Same length, another time: written after the stamp was taken.
    await writeFile(file, JSON.stringify({ document: { id: 'doc_a', text: 'Nive' } }));
    await utimes(file, new Date(), new Date(stamp[1] + 5000));
    const { cannot } = await screenRecords(dir, ['doc_a'], new Map([['doc_a', stamp]]), never);
    expect(cannot.size).toBe(0);
  });

  it('never follows a symbolic link put in place of a vouched file', async () => {
    const stamp = await record('doc_a', 'Evin');
    const file = join(dir, 'documents', 'doc_a.json');
    await rename(file, join(dir, 'elsewhere.json'));
    await symlink(join(dir, 'elsewhere.json'), file);
    const { cannot } = await screenRecords(dir, ['doc_a'], new Map([['doc_a', stamp]]), never);
    expect(cannot.size).toBe(0);
  });
});
