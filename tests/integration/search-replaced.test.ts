// The search index replaced while in use, as a commit bringing many documents replaces it
// (bulk-arrival.ts): what it is prepared from is held here by hand, so each interleaving is
// made on purpose. A search asked while one index was being built answers from the whole
// of the one that replaced it, never from a half-built one; and the workers' parts, read
// before the documents were edited, give way to the edits made meanwhile.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildIndexPart } from '../../src/core/search/index-part';
import type { PreparedIndex, PrepareJob } from '../../src/core/search/index-prepare';
import { ownManifest } from '../../src/core/search/search-cache';
import type { Workbench } from '../../src/core/workbench';
import { arrive } from './arrivals';
import { closeWorkbench, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** A prepare job whose result the test gives when it chooses. */
function held(): { job: PrepareJob; give: (prepared: PreparedIndex) => void } {
  let give!: (prepared: PreparedIndex) => void;
  const result = new Promise<PreparedIndex>((resolve) => (give = resolve));
  return { job: { result, cancel: () => give({ kind: 'none', reason: 'stopped' }) }, give };
}

const QUERIES = ['gohardasht', 'ledger 1003', 'letters families', 'zanjan', 'urmia', 'karaj'];

async function answers(wb: Workbench): Promise<unknown[]> {
  await wb.indexed;
  const out: unknown[] = [];
  for (const query of QUERIES) {
    const { hits, total } = unwrap(await wb.call('search.query', { query, limit: 500 }));
    out.push({ total, hits: hits.map((h) => JSON.stringify(h)).sort() });
  }
  return out;
}

it('a search asked during one build waits for the index that replaced it', async () => {
  const wb = await reopen(dir);
  await arrive(wb, 8);
  const expected = unwrap(await wb.call('search.query', { query: 'karaj' }));
  expect(expected.total).toBeGreaterThan(0);
  const first = held();
  const second = held();
  void wb.core.search.rebuild(() => first.job);
  const asked = wb.call('search.query', { query: 'karaj' });
  void wb.core.search.rebuild(() => second.job);
  // The first build ends (replaced, it stops) while the second has nothing yet.
  first.give({ kind: 'none', reason: 'test' });
  await new Promise((resolve) => setTimeout(resolve, 30));
  second.give({ kind: 'none', reason: 'test' });
  expect(unwrap(await asked)).toEqual(expected);
});

it('a search with a code filter answers from the index that replaced it while it read the code', async () => {
  const wb = await reopen(dir);
  const ids = await arrive(wb, 8);
  unwrap(
    await wb.call('annotations.create', {
      documentId: ids[3]!,
      start: 0,
      end: 9,
      note: 'karaj',
      tags: ['Transfers'],
    }),
  );
  const expected = unwrap(await wb.call('search.query', { query: 'karaj', code: 'Transfers' }));
  expect(expected.total).toBe(1);
  // A commit bringing many documents replaces the index while the code's highlights are read.
  const next = held();
  const read = wb.core.read.bind(wb.core);
  wb.core.read = (fn) => {
    void wb.core.search.rebuild(() => next.job);
    wb.core.read = read;
    return read(fn);
  };
  const asked = wb.call('search.query', { query: 'karaj', code: 'Transfers' });
  await new Promise((resolve) => setTimeout(resolve, 30));
  next.give({ kind: 'none', reason: 'test' });
  expect(unwrap(await asked)).toEqual(expected);
});

it('find mentions looks where the index it began with says, when that index is replaced', async () => {
  const wb = await reopen(dir);
  await arrive(wb, 8);
  const { id: entityId } = unwrap(
    await wb.call('entities.create', { name: 'Karaj', type: 'place' }),
  );
  const expected = unwrap(await wb.call('mentions.find', { entityId }));
  expect(expected.length).toBeGreaterThan(0);
  // A commit bringing many documents replaces the index while the documents are read.
  const next = held();
  const files = wb.core.files.bind(wb.core);
  wb.core.files = (ids) => {
    void wb.core.search.rebuild(() => next.job);
    wb.core.files = files;
    return files(ids);
  };
  const asked = wb.call('mentions.find', { entityId });
  await new Promise((resolve) => setTimeout(resolve, 30));
  next.give({ kind: 'none', reason: 'test' });
  expect(unwrap(await asked)).toEqual(expected);
});

it('a rebuild stops the workers preparing the index it replaces', async () => {
  const wb = await reopen(dir);
  await arrive(wb, 8);
  await wb.indexed;
  const first = held();
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    first.job.cancel();
  };
  void wb.core.search.rebuild(() => ({ result: first.job.result, cancel: stop }));
  const second = held();
  const rebuilt = wb.core.search.rebuild(() => second.job);
  expect(stopped).toBe(true);
  second.give({ kind: 'none', reason: 'test' });
  await rebuilt;
  expect(unwrap(await wb.call('search.query', { query: 'karaj' })).total).toBeGreaterThan(0);
});

it('parts read before edits give way to them: each edit stands, nothing twice', async () => {
  const wb = await reopen(dir);
  const ids = await arrive(wb, 12);
  await wb.settled();
  // What a worker would have read before the edits below.
  const bytes = await buildIndexPart({ dir, documentIds: ids, withWorkspace: true });
  const parts = held();
  void wb.core.search.rebuild(() => parts.job);
  unwrap(
    await wb.call('annotations.create', { documentId: ids[5]!, start: 0, end: 9, note: 'zanjan' }),
  );
  unwrap(await wb.call('documents.delete', { id: ids[3]!, confirmHighlights: 0 }));
  unwrap(
    await wb.call('documents.editText', {
      id: ids[4]!,
      revision: 1,
      text: 'Urmia was where the witness was moved that winter.',
    }),
  );
  parts.give({
    kind: 'parts',
    parts: [{ bytes, checked: await ownManifest(bytes) }],
    reason: 'test',
  });
  const got = await answers(wb);
  expect(wb.indexSource).toMatchObject({ builtBy: 'workers' });
  expect(unwrap(await wb.call('search.query', { query: 'zanjan' })).total).toBe(1);
  expect(unwrap(await wb.call('search.query', { query: 'urmia' })).total).toBe(1);
  expect(unwrap(await wb.call('search.query', { query: 'ledger 1003' })).total).toBe(0);
  expect(unwrap(await wb.call('search.query', { query: 'ledger 1004' })).total).toBe(0);
  await closeWorkbench(dir);
  await rm(join(dir, '.cache'), { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  expect(got).toEqual(await answers(await reopen(dir)));
});

it('takes the parts over between commands: none waits behind it', async () => {
  const wb = await reopen(dir);
  const ids = await arrive(wb, 60);
  await wb.settled();
  const bytes = await buildIndexPart({ dir, documentIds: ids, withWorkspace: true });
  let release = (): void => undefined;
  await new Promise<void>((started) => {
    void wb.core.store.exclusive(
      () =>
        new Promise<void>((r) => {
          release = r;
          started();
        }),
    );
  });
  const parts = held();
  void wb.core.search.rebuild(() => parts.job);
  parts.give({
    kind: 'parts',
    parts: [{ bytes, checked: await ownManifest(bytes) }],
    reason: 'test',
  });
  // 120 units to take over, a pause every 100: the second slice waits for the command, as
  // long as it runs (up to 100 ms at a time); these turns take far less.
  try {
    for (let i = 0; i < 400; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(wb.core.search.complete).toBe(false);
  } finally {
    release();
  }
  await wb.indexed;
  expect(wb.core.search.complete).toBe(true);
  expect(unwrap(await wb.call('search.query', { query: 'ledger 1042' })).total).toBe(1);
});
