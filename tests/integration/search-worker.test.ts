// The search index built by worker threads when there is no usable cache: the real
// bundled worker, in parts, joined and taken over on a real workspace. It must answer as
// an index built on the opener's own thread does, be saved as the cache, keep the changes
// made while it was being built, and fall back to the opener's thread when a worker fails.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Input } from '../../src/shared/api';
import { arrive } from './arrivals';
import { buildSearchWorker, writeFaultyWorkers } from '../fixtures/node/import-worker';
import { closeWorkbench, reopen, tempDir, unwrap } from './helpers';

let worker: string;
let throwing: string;
let faultyDir: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  // Inside the project, so the bundle finds the packages it leaves in node_modules.
  worker = await buildSearchWorker(resolve('out', 'test-search-worker'));
  faultyDir = await tempDir();
  throwing = (await writeFaultyWorkers(faultyDir.dir)).throws;
}, 60_000);
afterAll(() => faultyDir.cleanup());

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const TEXTS = [
  'The tribunal in Stockholm heard the witness describe Gohardasht prison in 1988.\n\nTransfers between Evin and Gohardasht were recorded.',
  'دادگاه استکهلم شهادت زندانیان اوین را شنید.\n\nکتاب خاطرات زندان گوهردشت منتشر شد.',
  'An appendix about Ghezel Hesar and the Karaj road.\n\nNothing else of note.',
  'Letters from Evin reached the families in the autumn.\n\nThe witness kept copies.',
  'Gohardasht records were moved to Karaj.\n\nThe commission met in secret.',
];

/** Five documents, an entity, a tagged highlight and a note, with no cache on disk. */
async function build(): Promise<{ docs: string[]; entity: string }> {
  const wb = await reopen(dir);
  const docs: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const outcome = unwrap(await wb.call('documents.paste', { title: `Source ${i}`, text }));
    if (outcome.kind !== 'document') throw new Error('expected a document');
    docs.push(outcome.documentId);
  }
  const entity = unwrap(
    await wb.call('entities.create', { name: 'Gohardasht prison', type: 'place' }),
  ).id;
  unwrap(
    await wb.call('annotations.create', {
      documentId: docs[0]!,
      start: 0,
      end: 12,
      entityIds: [entity],
      note: 'Named by the first witness',
    }),
  );
  unwrap(await wb.call('notes.create', { title: 'Questions', body: 'Ask about Karaj.' }));
  await closeWorkbench(dir);
  await rm(join(dir, '.cache'), { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  return { docs, entity };
}

type Query = Input<'search.query'>;
const QUERIES = (entity: string): Query[] => [
  { query: 'gohardasht' },
  { query: 'evin witness' },
  { query: 'kar' },
  { query: 'زندان' },
  { query: 'karaj', kinds: ['note'] },
  { query: 'gohardasht', entityId: entity },
  { query: 'first witness' },
];

/** Hits in a fixed order: parts may number entries in another order than one pass does. */
async function answers(wb: Workbench, list: Query[]): Promise<unknown[]> {
  await wb.indexed;
  const out: unknown[] = [];
  for (const q of list) {
    const { hits, total } = unwrap(await wb.call('search.query', q));
    out.push({ total, hits: hits.map((h) => JSON.stringify(h)).sort() });
  }
  return out;
}

describe('the search index built in workers', () => {
  it('answers as one built on this thread, and is saved as the cache', async () => {
    const { entity } = await build();
    const list = QUERIES(entity);
    const here = await reopen(dir);
    const expected = await answers(here, list);
    expect(here.indexSource).toMatchObject({ cached: false, builtBy: 'this thread' });
    await closeWorkbench(dir);
    await rm(join(dir, '.cache'), { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });

    const wb = await reopen(dir, { searchWorker: worker });
    expect(await answers(wb, list)).toEqual(expected);
    expect(wb.indexSource).toEqual({ cached: false, reason: 'ENOENT', builtBy: 'workers' });
    expect(unwrap(await wb.call('search.query', { query: 'gohardasht' })).total).toBeGreaterThan(2);
    await wb.indexSaved;
    const again = await reopen(dir, { searchWorker: worker });
    expect(await answers(again, list)).toEqual(expected);
    expect(again.indexSource).toEqual({ cached: true });
  });

  it('reads the saved cache in the worker, and refuses it when a byte of it changed', async () => {
    const { entity } = await build();
    const list = QUERIES(entity);
    let wb = await reopen(dir, { searchWorker: worker });
    const expected = await answers(wb, list);
    await wb.indexSaved;
    await closeWorkbench(dir);
    // A word's list changed in place, past everything read before the checksum is judged.
    const file = join(dir, '.cache', 'search', 'index.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    await writeFile(file, bytes);
    wb = await reopen(dir, { searchWorker: worker });
    expect(await answers(wb, list)).toEqual(expected);
    expect(wb.indexSource).toEqual({
      cached: false,
      reason: 'the checksum does not match',
      builtBy: 'workers',
    });
  });

  it('keeps the changes made while the workers were building', async () => {
    const { docs } = await build();
    const wb = await reopen(dir, { searchWorker: worker });
    // Before the index is ready: a new highlight, and a document deleted.
    unwrap(
      await wb.call('annotations.create', {
        documentId: docs[3]!,
        start: 0,
        end: 7,
        note: 'zanjan',
      }),
    );
    unwrap(await wb.call('documents.delete', { id: docs[2]!, confirmHighlights: 0 }));
    await wb.indexed;
    expect(wb.indexSource).toMatchObject({ builtBy: 'workers' });
    const hits = unwrap(await wb.call('search.query', { query: 'zanjan' })).hits;
    expect(hits.map((h) => h.kind)).toEqual(['highlight']);
    expect(unwrap(await wb.call('search.query', { query: 'ghezel' })).total).toBe(0);
  });

  it('builds on this thread when a worker fails', async () => {
    const { entity } = await build();
    const wb = await reopen(dir, { searchWorker: throwing });
    const got = await answers(wb, QUERIES(entity));
    expect(wb.indexSource).toMatchObject({ cached: false, builtBy: 'this thread' });
    expect(wb.indexSource.cached === false && wb.indexSource.reason).toMatch(/workers failed/);
    await closeWorkbench(dir);
    await rm(join(dir, '.cache'), { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    expect(got).toEqual(await answers(await reopen(dir), QUERIES(entity)));
  });

  it('stops the workers when the workspace closes, and builds nothing after', async () => {
    await build();
    const wb = await reopen(dir, { searchWorker: worker }, { checked: false });
    await closeWorkbench(dir);
    await wb.indexed;
    expect(wb.indexSource).toEqual({
      cached: false,
      reason: 'not yet read',
      builtBy: 'this thread',
    });
  });
});

describe('many documents arriving in one commit (a first sync)', () => {
  // Room for every hit: which ones a lower limit keeps depends on how entries are numbered.
  const ARRIVAL: Query[] = [
    'gohardasht',
    'ledger 1017',
    'letters families',
    'tabr',
    'zanjan',
    'commission visit',
    'urmia',
    'ledger 1012',
  ].map((query) => ({ query, limit: 500 }));

  /** The same workspace indexed on one thread from its files, with no cache. */
  async function onThisThread(): Promise<unknown[]> {
    await closeWorkbench(dir);
    await rm(join(dir, '.cache'), { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    const here = await reopen(dir);
    const got = await answers(here, ARRIVAL);
    expect(here.indexSource).toMatchObject({ cached: false, builtBy: 'this thread' });
    return got;
  }

  it('are indexed by the workers, and answer as a build on this thread does', async () => {
    await build();
    const wb = await reopen(dir, { searchWorker: worker });
    await wb.indexed;
    await arrive(wb, 60);
    const got = await answers(wb, ARRIVAL);
    expect(wb.indexSource).toEqual({
      cached: false,
      reason: '60 documents arrived in one change',
      builtBy: 'workers',
    });
    expect(unwrap(await wb.call('search.query', { query: 'ledger 1017' })).total).toBe(1);
    expect(got).toEqual(await onThisThread());
  });

  it('keep the edits made while the workers build: each stands, none is indexed twice', async () => {
    await build();
    const wb = await reopen(dir, { searchWorker: worker });
    await wb.indexed;
    const ids = await arrive(wb, 60);
    // Before the workers are done: a highlight on a new document, one deleted, one renamed,
    // one whose text is rewritten.
    unwrap(
      await wb.call('annotations.create', {
        documentId: ids[5]!,
        start: 0,
        end: 9,
        note: 'zanjan',
      }),
    );
    unwrap(await wb.call('documents.delete', { id: ids[17]!, confirmHighlights: 0 }));
    unwrap(
      await wb.call('documents.updateMetadata', { id: ids[9]!, patch: { title: 'Tabriz ledger' } }),
    );
    unwrap(
      await wb.call('documents.editText', {
        id: ids[12]!,
        revision: 1,
        text: 'Urmia was where the witness was moved that winter.',
      }),
    );
    const got = await answers(wb, ARRIVAL);
    expect(wb.indexSource).toMatchObject({ builtBy: 'workers' });
    expect(unwrap(await wb.call('search.query', { query: 'zanjan' })).hits).toHaveLength(1);
    expect(unwrap(await wb.call('search.query', { query: 'ledger 1017' })).total).toBe(0);
    expect(unwrap(await wb.call('search.query', { query: 'ledger 1012' })).total).toBe(0);
    expect(unwrap(await wb.call('search.query', { query: 'urmia' })).total).toBe(1);
    expect(got).toEqual(await onThisThread());
  });
});
