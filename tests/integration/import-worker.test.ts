// Parsing imports in a worker thread: a real PDF and Word file parsed through the built
// worker give the very document the in-thread parser gives; a file that cannot be read
// comes back as the same clear import error; a worker that crashes or hangs is reported
// as such, by name, and nothing is stored. The browser host with the worker imports an
// upload through it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { Document } from '../../src/shared/model';
import { briefingDocx } from '../fixtures/node/docx';
import { buildImportWorker, writeFaultyWorkers } from '../fixtures/node/import-worker';
import { imageOnlyPdf, reportPdf } from '../fixtures/node/pdf';
import { reopen, tempDir, unwrap } from './helpers';
import { send, signIn, startHarness } from './http-helpers';

let buildDir: string;
let worker: string;
let faulty: { throws: string; hangs: string };
beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'rw-worker-'));
  // Inside the project, so the bundle finds the packages it leaves in node_modules.
  worker = await buildImportWorker(resolve('out', 'test-import-worker'));
  faulty = await writeFaultyWorkers(buildDir);
}, 60_000);
afterAll(() => rm(buildDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 }));

let cleanup: () => Promise<void>;
let dir: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

async function importWith(wb: Workbench, fileName: string, data: Uint8Array): Promise<Document> {
  const outcome = unwrap(await wb.call('documents.importBytes', { fileName, data }));
  if (outcome.kind !== 'document') throw new Error(`expected a document, got ${outcome.kind}`);
  return unwrap(await wb.call('documents.get', { id: outcome.documentId })).document;
}

/** What parsing decides; ids and times differ between any two imports. */
const parsed = (d: Document) => ({
  title: d.title,
  text: d.text,
  blocks: d.blocks,
  marks: d.marks,
  format: d.format,
  source: { ...d.source, accessedDate: undefined },
  contentHash: d.contentHash,
});

describe('the import worker', () => {
  const files: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['report.pdf', reportPdf],
    ['briefing.docx', briefingDocx],
  ];
  it.each(files)('gives the same document for %s as parsing in this thread', async (name, make) => {
    const bytes = await make();
    const inThread = parsed(await importWith(await reopen(dir), name, bytes));
    await cleanup();
    ({ dir, cleanup } = await tempDir());
    const viaWorker = parsed(
      await importWith(await reopen(dir, { importWorker: worker }), name, bytes),
    );
    expect(viaWorker).toEqual(inThread);
    expect(viaWorker.text.length).toBeGreaterThan(100);
  });

  it('says why a file cannot be read, as the in-thread parser does', async () => {
    const wb = await reopen(dir, { importWorker: worker });
    const reply = await wb.call('documents.importBytes', {
      fileName: 'scan.pdf',
      data: await imageOnlyPdf(),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toMatch(/^scan\.pdf could not be imported: .*text/);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });

  it('reports a worker that throws, without its details, and stores nothing', async () => {
    const wb = await reopen(dir, { importWorker: faulty.throws });
    const reply = await wb.call('documents.importBytes', {
      fileName: 'report.pdf',
      data: await reportPdf(),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toBe(
      'report.pdf could not be imported: the reader stopped unexpectedly; nothing was stored.',
    );
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
    // The workbench goes on: the next file is read by a fresh worker.
    const good = await reopen(dir, { importWorker: worker });
    expect((await importWith(good, 'report.pdf', await reportPdf())).format).toBe('pdf');
  });

  it('stops a worker that takes too long and says so', async () => {
    const wb = await reopen(dir, { importWorker: faulty.hangs, importTimeoutMs: 300 });
    const started = Date.now();
    const reply = await wb.call('documents.importBytes', {
      fileName: 'slow.docx',
      data: briefingDocx(),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(!reply.ok && reply.error.message).toBe(
      'slow.docx could not be imported: reading it took longer than 0.3 s and was stopped.',
    );
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });

  it('parses a browser host upload in the worker', async () => {
    const wb = await reopen(dir, { importWorker: worker });
    const harness = await startHarness({ workbench: wb });
    try {
      const cookie = await signIn(harness.port, harness.host.loginUrl());
      const reply = await send(harness.port, '/api/documents.importBytes?fileName=report.pdf', {
        method: 'POST',
        headers: {
          Cookie: cookie,
          Origin: harness.host.origin,
          'Content-Type': 'application/octet-stream',
        },
        body: await reportPdf(),
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ value: { kind: 'document' } });
    } finally {
      await harness.close();
    }
  });
});
