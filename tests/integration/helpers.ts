// A real, empty workspace folder per test: the handlers run against lowdb files on disk.
// Opening a folder again through these helpers closes the instance before it first, as a
// restart would (an open instance holds the workspace lock).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/shared/api';
import type { Document } from '../../src/shared/model';
import { openWorkbench, type Workbench, type WorkbenchOptions } from '../../src/core/workbench';

export const SAMPLE = join(import.meta.dirname, '../../resources/sample-article.txt');

const open = new Map<string, Workbench>();

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rw-test-'));
  return {
    dir,
    cleanup: async () => {
      await closeWorkbench(dir);
      // A workbench a test opened on a folder inside `dir` may still be saving its search
      // cache there: retry while that write finishes.
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },
  };
}

/** Waits until the changes made through the open instance on `dir` are in their files. */
export async function settle(dir: string): Promise<void> {
  await open.get(dir)?.settled();
}

export async function closeWorkbench(dir: string): Promise<void> {
  await open.get(dir)?.close();
  open.delete(dir);
}

/** Opens `dir` as the only instance in this process (a restart when one was open). */
export async function reopen(
  dir: string,
  options: WorkbenchOptions = {},
  { checked = true }: { checked?: boolean } = {},
): Promise<Workbench> {
  await closeWorkbench(dir);
  const wb = await openWorkbench(dir, { host: 'test', ...options });
  open.set(dir, wb);
  // As before documents were read lazily: damage done to files behind the workbench's back
  // is found (by the freshness check) before a test looks. The check starts once the search
  // index is whole, so a test of the index while it is built does not wait (`checked: false`).
  if (checked) await wb.checked;
  return wb;
}

/** Opens `dir`, adding the sample article to a new workspace; its files are written. */
export async function openSample(dir: string): Promise<Workbench> {
  const wb = await reopen(dir, { sampleArticle: SAMPLE });
  await wb.settled();
  return wb;
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

/** Imports a file's bytes as a user's drop would. */
export const importBytes = (wb: Workbench, fileName: string, bytes: Uint8Array) =>
  wb.call('documents.import', { fileName, dataBase64: Buffer.from(bytes).toString('base64') });

/** Imports a file that must become one document, and reads that document back. */
export async function importedDocument(
  wb: Workbench,
  fileName: string,
  bytes: Uint8Array,
): Promise<Document> {
  const outcome = unwrap(await importBytes(wb, fileName, bytes));
  if (outcome.kind !== 'document') throw new Error('expected a document');
  return unwrap(await wb.call('documents.get', { id: outcome.documentId })).document;
}
