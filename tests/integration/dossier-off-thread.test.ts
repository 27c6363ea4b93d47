// The dossier's mention counts made by the search workers (src/core/mentions/count-records.ts,
// the real bundled worker): the dossier is the one counted on the serving thread, on a
// generated workspace; a record the workers do not count (damaged though its file has the
// size and time the store vouches for) is read here, so its damage is reported as before;
// and a worker that fails leaves the counting to this thread.
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeWorkspace } from '../bench/corpus';
import { COUNTS_FOLDER } from '../../src/core/mentions/count-store';
import type { Workbench } from '../../src/core/workbench';
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

/** Opens with nothing kept, counting in `file`'s workers from the first record, or here. */
async function open(file?: string): Promise<Workbench> {
  await closeWorkbench(dir);
  await rm(join(dir, COUNTS_FOLDER), { recursive: true, force: true });
  const wb = await reopen(dir, file ? { searchWorker: file } : {});
  if (file) wb.core.offThread = { worker: file, minimum: 0 };
  await wb.indexed;
  return wb;
}

async function dossiers(wb: Workbench, ids: readonly string[]) {
  const out = [];
  for (const id of ids) out.push(unwrap(await wb.call('entities.dossier', { id })));
  return out;
}

describe('mention counts made by the search workers', () => {
  it('give the dossier counted on this thread', async () => {
    await writeWorkspace(dir, 8);
    let wb = await open();
    const ids = unwrap(await wb.call('entities.list', {}))
      .slice(0, 10)
      .map((e) => e.id);
    const here = await dossiers(wb, ids);
    expect(here.some((d) => d.sources.some((s) => !s.passages.length && s.mentions))).toBe(true);
    expect(wb.documentsHeld().workerCounts).toBe(0);

    wb = await open(worker);
    expect(await dossiers(wb, ids)).toEqual(here);
    expect(wb.documentsHeld().workerCounts).toBeGreaterThan(0);

    // A worker that fails counts nothing: all is counted here, the same.
    wb = await open(throwing);
    expect(await dossiers(wb, ids)).toEqual(here);
    expect(wb.documentsHeld().workerCounts).toBe(0);
  });

  it('leave a damaged record to this thread, which reports it', async () => {
    await writeWorkspace(dir, 3);
    // Times in whole seconds, which a file's time can be set back to exactly.
    const file = join(dir, 'documents', 'doc_1.json');
    const when = new Date('2026-11-02T00:00:00Z');
    for (const id of ['doc_0', 'doc_1', 'doc_2'])
      await utimes(join(dir, 'documents', `${id}.json`), when, when);
    let wb = await reopen(dir);
    const text = await readFile(file, 'utf8');
    const name = /"text": "(?:\w+ ){4}(\w+)/.exec(text)![1]!;
    const entity = unwrap(await wb.call('entities.create', { name, type: 'person' })).id;
    const counted = unwrap(await wb.call('entities.dossier', { id: entity }));
    expect(counted.sources.map((s) => s.documentId)).toContain('doc_1');
    await closeWorkbench(dir);
    // A paragraph pushed past the end of the text, the file's size and time kept: damage
    // the store cannot see from the file's stamp (a disk gone bad), found when it is read.
    // The last paragraph's end (~30,000) made ~90,000.
    const damaged = text.replace(/("end": )\d(\d{4})(?![\s\S]*"end")/, '$19$2');
    expect(damaged).not.toBe(text);
    expect(damaged.length).toBe(text.length);
    await writeFile(file, damaged);
    await utimes(file, when, when);

    wb = await open(worker);
    const dossier = unwrap(await wb.call('entities.dossier', { id: entity }));
    expect(dossier.sources.map((s) => s.documentId)).not.toContain('doc_1');
    const problems = unwrap(await wb.call('workspace.info', {})).problems;
    expect(problems.map((p) => p.file)).toContain('documents/doc_1.json');
  });
});
