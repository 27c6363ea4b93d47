// The last dossier kept in memory (src/core/entities/dossier-memo.ts): asked again with
// nothing changed, it is the same answer and nothing is read; after a commit that touches
// no document (an entity's description), or a highlights or record file changed behind
// the workbench's back while it is open, it is made again.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecordFile, HighlightsFile } from '../../src/shared/model';
import { dossierOf, ejeiWorkspace } from './dossier-fixture';
import { reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Ejei named twice in one document and tagged in another; opened again, nothing in memory. */
async function fixture() {
  const { naming, tagged, ejei } = await ejeiWorkspace(dir);
  const wb = await reopen(dir);
  await wb.indexed;
  return { wb, naming, tagged, ejei };
}

describe('the last dossier', () => {
  it('is given again, reading nothing, while nothing changed', async () => {
    const { wb, ejei } = await fixture();
    const first = await dossierOf(wb, ejei);
    const before = wb.documentsHeld();
    expect(await dossierOf(wb, ejei)).toEqual(first);
    expect(wb.documentsHeld()).toEqual(before);
  });

  it('is made again after a commit that touches no document', async () => {
    const { wb, ejei } = await fixture();
    await dossierOf(wb, ejei);
    unwrap(await wb.call('entities.update', { id: ejei, patch: { description: 'Chief justice' } }));
    expect((await dossierOf(wb, ejei)).entity.description).toBe('Chief justice');
  });

  it('is made again when a highlights file changed behind the workbench', async () => {
    const { wb, tagged, ejei } = await fixture();
    const passages = async () => (await dossierOf(wb, ejei)).sources.flatMap((s) => s.passages);
    expect(await passages()).toHaveLength(1);
    const file = join(dir, 'highlights', `${tagged}.json`);
    const highlights = JSON.parse(await readFile(file, 'utf8')) as HighlightsFile;
    await writeFile(file, JSON.stringify({ ...highlights, annotations: [] }));
    expect(await passages()).toHaveLength(0);
  });

  it('is made again when a record file changed behind the workbench', async () => {
    const { wb, naming, ejei } = await fixture();
    const count = async () =>
      (await dossierOf(wb, ejei)).sources.find((s) => s.documentId === naming)?.mentions;
    expect(await count()).toBe(2);
    const file = join(dir, 'documents', `${naming}.json`);
    const record = JSON.parse(await readFile(file, 'utf8')) as DocumentRecordFile;
    // The same length, so the paragraphs the index knows still fit; a text edited by hand
    // keeps no hash.
    const { textHash: _stale, ...document } = record.document;
    const text = document.text.replace('Then Ejei left the room.', 'Then Ejei, Ejei left ok.');
    expect(text.length).toBe(document.text.length);
    await writeFile(file, JSON.stringify({ ...record, document: { ...document, text } }));
    expect(await count()).toBe(3);
  });
});
