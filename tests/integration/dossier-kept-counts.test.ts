// The dossier's mention counts kept on disk between sessions (src/core/mentions/count-store.ts):
// a dossier from kept counts and layouts equals the one counted from the texts before
// anything was kept, on a generated workspace;
// a count is not used once the text it was made from has changed, by a command, by its
// undo, or behind the workbench's back (while it is open, and while it was closed).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWorkspace } from '../bench/corpus';
import { COUNTS_FOLDER } from '../../src/core/mentions/count-store';
import type { Workbench } from '../../src/core/workbench';
import type { DocumentFile } from '../../src/shared/model';
import { dossierOf, ejeiWorkspace } from './dossier-fixture';
import { closeWorkbench, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Each source's mentions, by document id. */
const mentions = (d: Awaited<ReturnType<typeof dossierOf>>): Record<string, number> =>
  Object.fromEntries(d.sources.map((s) => [s.documentId, s.mentions]));

describe('kept mention counts', () => {
  it('give the dossier counted from the texts, reading no text again', async () => {
    await writeWorkspace(dir, 4);
    let wb = await reopen(dir);
    await wb.indexed;
    // Entities whose names the generated texts hold, tagged or not.
    const ids = unwrap(await wb.call('entities.list', {}))
      .slice(0, 12)
      .map((e) => e.id);
    const counted = [];
    for (const id of ids) counted.push(await dossierOf(wb, id));
    expect(counted.some((d) => d.sources.some((s) => !s.passages.length && s.mentions))).toBe(true);
    expect((await readdir(join(dir, COUNTS_FOLDER))).length).toBeGreaterThan(0);

    wb = await reopen(dir);
    await wb.indexed;
    const before = wb.documentsHeld();
    const kept = [];
    for (const id of ids) kept.push(await dossierOf(wb, id));
    expect(kept).toEqual(counted);
    // No text read: neither a candidate's record (not even its bytes) nor a tagged document whole.
    expect(wb.documentsHeld()).toMatchObject({
      recordReads: before.recordReads,
      screens: before.screens,
      reads: before.reads,
    });
    expect(wb.documentsHeld().highlightReads).toBeGreaterThan(before.highlightReads);
  });
});

/** A workspace with one document naming Ejei twice and one the entity is tagged in. */
async function fixture() {
  const { wb, naming, ejei } = await ejeiWorkspace(dir);
  await wb.indexed;
  return { wb, naming, ejei };
}

const countIn = async (wb: Workbench, ejei: string, docId: string) =>
  mentions(await dossierOf(wb, ejei))[docId] ?? 0;

describe('a kept count is not used for a changed text', () => {
  it('changed by a command, and by its undo', async () => {
    const { wb, naming, ejei } = await fixture();
    expect(await countIn(wb, ejei, naming)).toBe(2);
    const { document } = unwrap(await wb.call('documents.get', { id: naming }));
    unwrap(
      await wb.call('documents.editText', {
        id: naming,
        revision: document.revision,
        text: 'Ejei spoke first.\n\nThen Ejei left, and Ejei came back.',
      }),
    );
    await wb.settled();
    expect(await countIn(wb, ejei, naming)).toBe(3);
    unwrap(await wb.call('history.undo', {}));
    await wb.settled();
    expect(await countIn(wb, ejei, naming)).toBe(2);
  });

  /** Rewrites the document's text in its record file, as an editor or a copied backup would. */
  const behindTheBack = async (naming: string, text: string) => {
    const path = join(dir, 'documents', `${naming}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as DocumentFile;
    const { textHash: _stale, ...document } = file.document;
    await writeFile(
      path,
      // Paragraphs kept when the text keeps its length (what the index found still fits).
      JSON.stringify({
        ...file,
        document: {
          ...document,
          text,
          ...(text.length === document.text.length ? {} : { blocks: [], marks: [] }),
        },
      }),
    );
  };

  it('changed behind the workbench while it is open', async () => {
    const { naming, ejei } = await fixture();
    // Opened again, so the document is not in memory (the store's own copy would be read).
    const wb = await reopen(dir);
    expect(await countIn(wb, ejei, naming)).toBe(2);
    await behindTheBack(naming, 'Ejei and Ejei ok.\n\nThen Ejei left the room.');
    // The catalog still describes the old file: only the file on disk says it changed.
    expect(await countIn(wb, ejei, naming)).toBe(3);
  });

  it('changed behind the workbench while it was closed', async () => {
    const { naming, ejei } = await fixture();
    // A text stored without its hash (as before hashes were kept): its stamp alone tells.
    await closeWorkbench(dir);
    await behindTheBack(naming, 'Ejei spoke first.\n\nThen Ejei left the room.');
    let wb = await reopen(dir);
    expect(await countIn(wb, ejei, naming)).toBe(2);
    await closeWorkbench(dir);
    // Still a candidate by the index (it holds the word in the same paragraphs), with another count.
    await behindTheBack(naming, 'Ejei, Ejei first.\n\nThen Ejei left the room.');
    wb = await reopen(dir);
    expect(await countIn(wb, ejei, naming)).toBe(3);
  });
});

describe('a kept layout is not used for changed paragraphs', () => {
  /** Ejei tagged in the second of two paragraphs. */
  async function tagged() {
    const wb = await reopen(dir);
    const text = 'Intro.\n\nEjei chaired it.';
    const r = unwrap(await wb.call('documents.paste', { title: 'Two', text }));
    if (r.kind !== 'document') throw new Error('expected a document');
    const ejei = unwrap(await wb.call('entities.create', { name: 'Ejei', type: 'person' })).id;
    const start = text.indexOf('Ejei');
    unwrap(
      await wb.call('annotations.create', {
        documentId: r.documentId,
        start,
        end: start + 4,
        entityIds: [ejei],
      }),
    );
    await wb.settled();
    return { docId: r.documentId, ejei, text };
  }
  const paragraphs = async (wb: Workbench, ejei: string) =>
    (await dossierOf(wb, ejei)).sources.flatMap((s) => s.passages.map((p) => p.paragraph));

  it('when the paragraphs change behind the workbench while it was closed', async () => {
    const { docId, ejei, text } = await tagged();
    let wb = await reopen(dir);
    expect(await paragraphs(wb, ejei)).toEqual([2]);
    // Kept now; the next session's dossier reads no text.
    await closeWorkbench(dir);
    const path = join(dir, 'documents', `${docId}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as DocumentFile;
    // The same text as one paragraph: the highlight still fits, its paragraph is now 1.
    file.document.blocks = [{ kind: 'paragraph', start: 0, end: text.length }];
    await writeFile(path, JSON.stringify(file));
    wb = await reopen(dir);
    expect(await paragraphs(wb, ejei)).toEqual([1]);
  });

  it('when a highlight is added in another paragraph', async () => {
    const { docId, ejei } = await tagged();
    const wb = await reopen(dir);
    expect(await paragraphs(wb, ejei)).toEqual([2]);
    unwrap(
      await wb.call('annotations.create', {
        documentId: docId,
        start: 0,
        end: 5,
        entityIds: [ejei],
      }),
    );
    await wb.settled();
    expect(await paragraphs(wb, ejei)).toEqual([1, 2]);
  });
});

describe('find mentions with kept counts', () => {
  it('finds a name written behind the workbench into a text kept as not naming it', async () => {
    const wb0 = await reopen(dir);
    const text = 'Hamid spoke to Noury.\n\nNobody else came.';
    const r = unwrap(await wb0.call('documents.paste', { title: 'Words', text }));
    if (r.kind !== 'document') throw new Error('expected a document');
    const noury = unwrap(
      await wb0.call('entities.create', { name: 'Hamid Noury', type: 'person' }),
    ).id;
    await wb0.indexed;
    await wb0.settled();
    // Opened again, so the document is not in memory; its count (none) is kept.
    const wb = await reopen(dir);
    expect(unwrap(await wb.call('mentions.find', { entityId: noury }))).toEqual([]);
    const path = join(dir, 'documents', `${r.documentId}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as DocumentFile;
    // The same length and paragraphs, so what the index knows of it still holds.
    file.document.text = 'Hamid Noury spoke on.\n\nNobody else came.';
    await writeFile(path, JSON.stringify(file));
    const found = unwrap(await wb.call('mentions.find', { entityId: noury }));
    expect(found.map((m) => m.exact)).toEqual(['Hamid Noury']);
  });
});
