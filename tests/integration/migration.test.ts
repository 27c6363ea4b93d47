// A workspace written by schema 1 (the first release) opens in schema 2: a backup copy of
// its files is kept, every record survives, and the files are rewritten in the new form.
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  DocumentRecordFile,
  HighlightsFile,
  SCHEMA_VERSION,
  WorkspaceFile,
} from '../../src/shared/model';
import { reopen, tempDir, unwrap } from './helpers';

const V1 = join(import.meta.dirname, '../fixtures/workspace-v1');
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await cp(V1, dir, { recursive: true });
});
afterEach(() => cleanup());

const json = async (file: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

it('migrates a version-1 workspace after a backup copy, keeping every record, into two files per document', async () => {
  const oldWs = await json(join(V1, 'workspace.json'));
  const [docName] = await readdir(join(V1, 'documents'));
  const oldDoc = await json(join(V1, 'documents', docName!));

  const wb = await reopen(dir);
  const info = unwrap(await wb.call('workspace.info', {}));
  expect(info.problems).toEqual([]);
  expect(info.readOnly).toBe(false);

  // The originals, byte for byte, under backups/.
  const [backup] = await readdir(join(dir, 'backups'));
  expect(backup).toMatch(/^before-schema-3-/);
  for (const path of ['workspace.json', `documents/${docName}`]) {
    expect(await readFile(join(dir, 'backups', backup!, path), 'utf8')).toBe(
      await readFile(join(V1, path), 'utf8'),
    );
  }

  // The files are the current schema now, and hold the same records: the text in
  // documents/, the highlights in highlights/.
  const ws = WorkspaceFile.parse(await json(join(dir, 'workspace.json')));
  const doc = {
    ...DocumentRecordFile.parse(await json(join(dir, 'documents', docName!))),
    ...HighlightsFile.parse(await json(join(dir, 'highlights', docName!))),
  };
  expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
  expect('documents' in ws).toBe(false);
  expect(ws.entities).toEqual(oldWs.entities);
  expect(ws.notes).toEqual(oldWs.notes);
  const old = oldDoc as unknown as { document: object; annotations: object[] };
  expect(doc.document).toEqual({ ...old.document, revision: 1 });
  expect(doc.annotations).toEqual(old.annotations.map((a) => ({ ...a, anchoredRevision: 1 })));

  // And the workspace works: search finds the highlight's note, a write lands.
  await wb.indexed;
  const hits = unwrap(
    await wb.call('search.query', { query: 'UN report', kinds: ['highlight'] }),
  ).hits;
  expect(hits).toHaveLength(1);
  unwrap(await wb.call('entities.create', { name: 'Ebrahim Raisi', type: 'person' }));
  const again = await reopen(dir);
  expect(unwrap(await again.call('entities.list', {}))).toHaveLength(2);
  expect(await readdir(join(dir, 'backups'))).toEqual([backup]);
});

it('a version-1 backup restores into a new workspace', async () => {
  const wb = await reopen(dir);
  const backup = unwrap(await wb.call('export.create', { format: 'json' }));
  const v1 = JSON.parse(backup.content) as {
    version: number;
    documents: { document: Record<string, unknown>; annotations: Record<string, unknown>[] }[];
  };
  v1.version = 1;
  for (const d of v1.documents) {
    delete d.document.revision;
    for (const a of d.annotations) delete a.anchoredRevision;
  }
  const { dir: other, cleanup: done } = await tempDir();
  try {
    const target = await reopen(other);
    const outcome = unwrap(
      await target.call('documents.import', {
        fileName: 'old-backup.json',
        dataBase64: Buffer.from(JSON.stringify(v1)).toString('base64'),
      }),
    );
    expect(outcome).toMatchObject({ kind: 'backup', documents: 1, entities: 1, highlights: 2 });
  } finally {
    await done();
  }
});
