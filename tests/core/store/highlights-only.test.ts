// Deleting an entity reads only the highlights of the documents that tag it, not their
// texts (src/core/store/highlights-only.ts), and leaves the same files as the whole read;
// a highlights file the store cannot vouch for (changed behind its back) is read whole,
// so its damage is found and never written over.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWorkbench, reopen, tempDir, unwrap } from '../../integration/helpers';

let root: string;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  dir = join(root, 'ws');
});
afterEach(async () => {
  await closeWorkbench(dir);
  await cleanup();
});

const TEXT = (n: number): string =>
  `Report ${n} on Evin prison.\n\nWitness ${n} was moved to Gohardasht in 1988.`;

/** Documents each with a highlight tagged to both entities (one to delete) and a free tag. */
async function workspace(into: string, count: number): Promise<{ ids: string[]; gone: string }> {
  await mkdir(into, { recursive: true });
  const wb = await reopen(into);
  const gone = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
  const kept = unwrap(await wb.call('entities.create', { name: 'Gohardasht', type: 'place' }));
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const r = unwrap(await wb.call('documents.paste', { title: `Report ${n}`, text: TEXT(n) }));
    if (r.kind !== 'document') throw new Error('expected a document');
    ids.push(r.documentId);
    const at = TEXT(n).indexOf('Evin prison');
    for (const entityIds of [[gone.id, kept.id], [kept.id]])
      unwrap(
        await wb.call('annotations.create', {
          documentId: r.documentId,
          start: at,
          end: at + 11,
          entityIds,
          tags: [`t${n % 2}`],
        }),
      );
  }
  await closeWorkbench(into);
  return { ids, gone: gone.id };
}

/** Every record file of a workspace, with the times a command stamps taken out. */
async function files(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const folder of ['documents', 'highlights'])
    for (const name of await readdir(join(root, folder)))
      out[`${folder}/${name}`] = await readFile(join(root, folder, name), 'utf8');
  out['workspace.json'] = await readFile(join(root, 'workspace.json'), 'utf8');
  for (const [k, v] of Object.entries(out))
    out[k] = v.replace(/"updatedAt": "[^"]+"/g, '"updatedAt": "T"');
  return out;
}

describe('deleting an entity without reading texts', () => {
  it('reads the highlights alone, writes what the whole read writes, and undoes byte for byte', async () => {
    const { ids, gone } = await workspace(dir, 4);
    const other = join(root, 'whole');
    await cp(dir, other, { recursive: true });
    const original = await files(dir);

    // The fast path: nothing in memory, so only the highlights files are read.
    const wb = await reopen(dir);
    const before = await readFile(join(dir, 'highlights', `${ids[0]}.json`), 'utf8');
    unwrap(await wb.call('entities.delete', { id: gone, confirmUsage: 4 }));
    expect(wb.documentsHeld()).toMatchObject({ reads: 0, highlightReads: 4 });
    expect(unwrap(await wb.call('entities.list', {})).map((e) => e.usage)).toEqual([8]);
    expect(unwrap(await wb.call('tags.list', {}))).toEqual([
      { tag: 't0', count: 4 },
      { tag: 't1', count: 4 },
    ]);
    // A document read after the change has its highlights as changed.
    const one = unwrap(await wb.call('documents.get', { id: ids[1]! }));
    expect(one.annotations.map((a) => a.entityIds.length)).toEqual([1, 1]);
    await wb.settled();
    const fast = await files(dir);

    // The whole read: every document in memory before the same delete.
    const whole = await reopen(other);
    for (const id of ids) unwrap(await whole.call('documents.get', { id }));
    unwrap(await whole.call('entities.delete', { id: gone, confirmUsage: 4 }));
    expect(whole.documentsHeld().highlightReads).toBe(0);
    await closeWorkbench(other);
    expect(fast).toEqual(await files(other));
    expect(fast).not.toEqual(original);

    // Undo gives back the very bytes, and the custody log agrees with every file.
    unwrap(await wb.call('history.undo', {}));
    await wb.settled();
    expect(await readFile(join(dir, 'highlights', `${ids[0]}.json`), 'utf8')).toBe(before);
    expect(await files(dir)).toEqual(original);
    expect(unwrap(await wb.call('workspace.verify', {})).mismatches).toEqual([]);
  });

  it('reads whole a highlights file changed since the store checked it, and never writes over its damage', async () => {
    const { ids, gone } = await workspace(dir, 3);
    const wb = await reopen(dir);
    // Changed behind the store's back after the freshness check: the same ids, tags and
    // places, but a quote the text does not hold. Only the text can tell.
    const path = join(dir, 'highlights', `${ids[1]}.json`);
    const damaged = (await readFile(path, 'utf8')).replaceAll('"Evin prison"', '"Evin prisons"');
    await writeFile(path, damaged);
    const result = await wb.call('entities.delete', { id: gone, confirmUsage: 3 });
    expect(result).toMatchObject({ ok: false });
    const problems = unwrap(await wb.call('workspace.info', {})).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: `highlights/${ids[1]}.json` }));
    await wb.settled();
    expect(await readFile(path, 'utf8')).toBe(damaged);
  });
});
