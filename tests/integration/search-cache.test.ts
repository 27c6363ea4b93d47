// The search index saved in .cache/search on a real workspace: opening from it gives the
// same hits as indexing afresh; what changed since it was written (through the app or on
// disk behind its back) is indexed again; a damaged, truncated or foreign cache is ignored
// and written anew; and deleting it loses nothing.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareIndex } from '../../src/core/search/index-prepare';
import {
  cacheDigest,
  cachePath,
  decodeCache,
  probeTokens,
} from '../../src/core/search/search-cache';
import { encodeCache } from '../../src/core/search/search-cache-write';
import type { Workbench } from '../../src/core/workbench';
import type { Input } from '../../src/shared/api';
import { closeWorkbench, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const ENGLISH =
  'The tribunal in Stockholm heard the witness describe Gohardasht prison in 1988.\n\n' +
  'Transfers between Evin and Gohardasht were recorded by the guards. The U.S. report counted 5,000 names.';
const PERSIAN =
  'دادگاه استکهلم شهادت زندانیان اوین را شنید.\n\nکتاب خاطرات زندان گوهردشت منتشر شد.';
const SPARE = 'An appendix about Ghezel Hesar and the Karaj road.\n\nNothing else of note.';

interface Built {
  english: string;
  persian: string;
  spare: string;
  entity: string;
  highlight: string;
}

/** A workspace of three documents, an entity, highlights and a note; its cache written. */
async function build(): Promise<Built> {
  const wb = await reopen(dir);
  const paste = async (title: string, text: string): Promise<string> => {
    const outcome = unwrap(await wb.call('documents.paste', { title, text }));
    if (!('documentId' in outcome)) throw new Error(`not stored: ${outcome.kind}`);
    return outcome.documentId;
  };
  const english = await paste('Stockholm hearing', ENGLISH);
  const persian = await paste('گزارش دادگاه', PERSIAN);
  const spare = await paste('Appendix', SPARE);
  const entity = unwrap(
    await wb.call('entities.create', {
      name: 'Gohardasht prison',
      type: 'place',
      aliases: ['زندان گوهردشت'],
    }),
  ).id;
  const at = ENGLISH.indexOf('Gohardasht prison');
  const highlight = unwrap(
    await wb.call('annotations.create', {
      documentId: english,
      start: at,
      end: at + 17,
      kind: 'evidence',
      entityIds: [entity],
      note: 'Named by the first witness',
      tags: ['transfers'],
    }),
  ).id;
  const fa = PERSIAN.indexOf('اوین');
  unwrap(
    await wb.call('annotations.create', { documentId: persian, start: fa, end: fa + 4, note: '' }),
  );
  unwrap(
    await wb.call('notes.create', {
      title: 'Questions',
      body: 'Ask about [[Gohardasht prison]] and the [[Appendix]] map of Karaj.',
    }),
  );
  await closeWorkbench(dir);
  // Indexed from scratch, then saved: the next open reads the cache.
  await rm(join(dir, '.cache'), { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  const fresh = await reopen(dir);
  await fresh.indexed;
  expect(fresh.indexSource.cached).toBe(false);
  await fresh.indexSaved;
  await closeWorkbench(dir);
  return { english, persian, spare, entity, highlight };
}

type Query = Input<'search.query'>;

function queries(b: Built): Query[] {
  return [
    { query: 'gohardasht' },
    { query: 'GOHARDASHT witness' },
    { query: 'goh' },
    { query: 'trans' },
    { query: 'u.s. 5,000' },
    { query: 'زندان' },
    { query: 'گوهردشت' },
    { query: 'اوی' },
    { query: 'karaj' },
    { query: 'karaj', kinds: ['note'] },
    { query: 'gohardasht', entityId: b.entity },
    { query: 'gohardasht', documentId: b.english },
    { query: 'witness', annotationKind: 'evidence' },
    { query: 'ghezel' },
    { query: 'omega' },
    { query: 'stockholm', kinds: ['document', 'block'] },
  ];
}

async function answers(wb: Workbench, list: Query[]): Promise<unknown[]> {
  await wb.indexed;
  const out: unknown[] = [];
  for (const q of list) out.push(unwrap(await wb.call('search.query', q)));
  return out;
}

/** The same queries on the workspace indexed from nothing; the cache is put back after. */
async function freshAnswers(list: Query[]): Promise<unknown[]> {
  await closeWorkbench(dir);
  const cache = join(dir, '.cache');
  const aside = join(dir, 'cache-set-aside');
  const had = await rename(cache, aside).then(
    () => true,
    () => false,
  );
  const wb = await reopen(dir);
  const out = await answers(wb, list);
  expect(wb.indexSource.cached).toBe(false);
  await closeWorkbench(dir);
  await rm(cache, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  if (had) await rename(aside, cache);
  return out;
}

const count = async (wb: Workbench, query: string): Promise<number> =>
  unwrap(await wb.call('search.query', { query })).total;

describe('the saved search index', () => {
  it('gives the same hits as an index built afresh, and is not reported as damage', async () => {
    const built = await build();
    const list = queries(built);
    const wb = await reopen(dir);
    await wb.indexed;
    expect(wb.indexSource).toEqual({ cached: true });
    const cached = await answers(wb, list);
    expect(await count(wb, 'gohardasht')).toBeGreaterThan(3);
    expect(await count(wb, 'گوهردشت')).toBeGreaterThan(1);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.problems).toEqual([]);
    expect(unwrap(await wb.call('workspace.verify', {}))).toMatchObject({ mismatches: [] });
    expect(cached).toEqual(await freshAnswers(list));
  });

  it('indexes again what changed, was added or deleted after the cache was written', async () => {
    const built = await build();
    let wb = await reopen(dir);
    await wb.indexed;
    const doc = unwrap(await wb.call('documents.get', { id: built.spare }));
    unwrap(
      await wb.call('documents.editText', {
        id: built.spare,
        revision: doc.document.revision,
        text: SPARE.replace('Ghezel Hesar', 'Omega camp'),
      }),
    );
    unwrap(await wb.call('documents.paste', { title: 'Late addition', text: 'Omega testimony.' }));
    unwrap(await wb.call('documents.delete', { id: built.persian, confirmHighlights: 1 }));
    unwrap(
      await wb.call('annotations.update', {
        id: built.highlight,
        patch: { note: 'Omega was named too' },
      }),
    );
    unwrap(
      await wb.call('entities.update', { id: built.entity, patch: { aliases: ['Omega site'] } }),
    );
    // Closed without saving the index: the cache now describes the workspace as it was.
    await closeWorkbench(dir);

    wb = await reopen(dir);
    await wb.indexed;
    expect(wb.indexSource).toEqual({ cached: true });
    expect(await count(wb, 'ghezel')).toBe(0);
    expect(await count(wb, 'زندان')).toBe(0); // the Persian document and the old alias are gone
    const omega = unwrap(await wb.call('search.query', { query: 'omega' })).hits;
    expect(omega.map((h) => h.kind).sort()).toEqual(['block', 'block', 'entity', 'highlight']);
    expect(await count(wb, 'اوین')).toBe(0);
    const list = queries(built).filter((q) => q.documentId !== built.persian);
    const cached = await answers(wb, list);
    await wb.indexSaved;
    expect(cached).toEqual(await freshAnswers(list));
    // What was indexed again was saved: the next open takes it all from the cache.
    wb = await reopen(dir);
    expect(await answers(wb, list)).toEqual(cached);
    expect(wb.indexSource).toEqual({ cached: true });
  });

  it('notices a document file changed on disk behind its back, even at the same revision', async () => {
    const built = await build();
    const path = join(dir, 'documents', `${built.spare}.json`);
    const file = await readFile(path, 'utf8');
    // Same length, so blocks and offsets still fit; the revision and hash are left as they were.
    await writeFile(path, file.replace('Ghezel Hesar', 'Qasr Tehran!'));
    const wb = await reopen(dir);
    await wb.indexed;
    expect(wb.indexSource).toEqual({ cached: true });
    expect(await count(wb, 'ghezel')).toBe(0);
    expect(await count(wb, 'qasr')).toBe(1);
  });

  const damage: [string, (bytes: Buffer) => Buffer, RegExp][] = [
    [
      'garbage',
      () => Buffer.from('not an index at all, just words and more words'),
      /not a search index/,
    ],
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), /checksum/],
    ['empty', () => Buffer.alloc(0), /shorter than its header/],
    [
      'of another version',
      (b) => {
        const copy = Buffer.from(b);
        copy.writeUInt32BE(999, 4);
        return copy;
      },
      /version 999/,
    ],
    [
      'altered inside (a word changed)',
      (b) => {
        // A posted word changed in place: only the checksum can tell.
        const copy = Buffer.from(b);
        const at = copy.lastIndexOf(Buffer.from('gohardasht'));
        expect(at).toBeGreaterThan(0);
        copy.write('gohardashx', at);
        return copy;
      },
      /checksum/,
    ],
  ];

  it.each(damage)(
    'ignores a cache that is %s, indexes afresh and writes it anew',
    async (_, spoil, why) => {
      const list = queries(await build());
      const expected = await freshAnswers(list);
      await reopen(dir).then((wb) => wb.indexSaved);
      await closeWorkbench(dir);
      await writeFile(cachePath(dir), spoil(await readFile(cachePath(dir))));
      let wb = await reopen(dir);
      await wb.indexed;
      expect(wb.indexSource.cached).toBe(false);
      expect(wb.indexSource.cached === false && wb.indexSource.reason).toMatch(why);
      expect(await answers(wb, list)).toEqual(expected);
      await wb.indexSaved;
      wb = await reopen(dir);
      expect(await answers(wb, list)).toEqual(expected);
      expect(wb.indexSource).toEqual({ cached: true });
    },
  );

  it('loses nothing when the cache folder is deleted', async () => {
    const built = await build();
    const list = queries(built);
    let wb = await reopen(dir);
    const before = await answers(wb, list);
    const files = unwrap(await wb.call('documents.list', {})).length;
    await closeWorkbench(dir);
    await rm(join(dir, '.cache'), { recursive: true });
    wb = await reopen(dir);
    expect(await answers(wb, list)).toEqual(before);
    expect(wb.indexSource).toMatchObject({ cached: false, reason: 'ENOENT' });
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(files);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
  });

  it('refuses a cache folded by another version of the search, or with ids that clash', async () => {
    const encode = (manifest: Parameters<typeof encodeCache>[0]) =>
      encodeCache(
        manifest,
        [['evin', [undefined, [1]]]],
        () => true,
        () => Promise.resolve(true),
      );
    const good = await encode({
      probe: probeTokens(),
      nextId: 3,
      units: [{ key: 'e:a', hash: 'h', ids: [1] }],
    });
    expect((await decodeCache(good!)).postings.take('evin')).toEqual([undefined, [1]]);
    const folded = await encode({ probe: ['evin'], nextId: 3, units: [] });
    await expect(decodeCache(folded!)).rejects.toThrow(/folded by another version/);
    const clash = [
      { key: 'e:a', hash: 'h', ids: [1] },
      { key: 'e:b', hash: 'h', ids: [1] },
    ];
    const twice = await encode({ probe: probeTokens(), nextId: 3, units: clash });
    await expect(decodeCache(twice!)).rejects.toThrow(/entry id 1 is invalid/);
    // A document's highlights are read when first needed, but their shape is checked at
    // once: a name that is not UTF-8 (the checksum made to match) refuses the whole cache.
    const highlight = { id: 'ann_zz', start: 0, end: 4, kind: 'evidence', entityIds: ['ent_q'] };
    const units = [{ key: 'h:doc', hash: 'h', ids: [1, 2], highlights: [highlight, highlight] }];
    const named = (await encode({ probe: probeTokens(), nextId: 3, units }))!;
    expect((await decodeCache(named)).manifest.units[0]!.ids).toEqual([1, 2]);
    const bad = Uint8Array.from(named);
    bad[Buffer.from(bad).indexOf('ent_q') + 4] = 0xff;
    bad.set(await cacheDigest(bad), 12);
    await expect(decodeCache(bad)).rejects.toThrow(/not UTF-8/);
    const cut = Uint8Array.from(named);
    cut[Buffer.from(cut).indexOf('ann_zz') - 1] = 200;
    cut.set(await cacheDigest(cut), 12);
    await expect(decodeCache(cut)).rejects.toThrow(/past the end|too long|middle/);
    // A word's lists are read when first needed, and checked then.
    const beyond = await encode({ probe: probeTokens(), nextId: 1, units: [] });
    const lazy = await decodeCache(beyond!);
    expect(() => lazy.postings.take('evin')).toThrow(/unknown id/);
  });

  it('is checked only once the workspace itself is open, which needs the same thread', async () => {
    await build();
    await closeWorkbench(dir);
    let opened!: () => void;
    const job = prepareIndex(dir, undefined, {
      opened: new Promise<void>((resolve) => (opened = resolve)),
    });
    const early = await Promise.race([
      job.result.then(() => 'checked'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 200)),
    ]);
    expect(early).toBe('waiting');
    opened();
    expect((await job.result).kind).toBe('cache');
  });

  it('removes a temp file a killed writer left in the cache folder', async () => {
    await build();
    const stray = join(dir, '.cache', 'search', '.index.bin.999999999.1.tmp');
    await writeFile(stray, 'half a cache');
    await reopen(dir);
    await expect(readFile(stray)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a workspace moved away while open', () => {
  it('is not brought back as a folder holding only the cache', async () => {
    const ws = join(dir, 'moved');
    const wb = await reopen(ws);
    unwrap(await wb.call('documents.paste', { title: 'Report', text: 'Evin prison, 1988.' }));
    await closeWorkbench(ws);
    const again = await reopen(ws);
    await rename(ws, join(dir, 'elsewhere'));
    await again.indexSaved;
    await expect(readFile(join(ws, '.cache/search/index.bin'))).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(dir, 'elsewhere/workspace.json'))).resolves.toBeTruthy();
  });
});
