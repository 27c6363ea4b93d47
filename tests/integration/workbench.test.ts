// The API against a real workspace folder: every record kind, restart, corrupt files,
// and concurrent writes.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentFile, HighlightsFile, WorkspaceFile } from '../../src/shared/model';
import type { Workbench } from '../../src/core/workbench';
import { openSample, reopen, settle, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function sampleDoc(wb: Workbench): Promise<{ id: string; text: string }> {
  const [first] = unwrap(await wb.call('documents.list', {}));
  const view = unwrap(await wb.call('documents.get', { id: first!.id }));
  return { id: view.document.id, text: view.document.text };
}

// Files are read once the changes before are in place (a change over several files
// answers when its journal is durable, and is put in its files just after).
async function readJson(file: string): Promise<unknown> {
  await settle(dir);
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

async function listDir(folder: string): Promise<string[]> {
  await settle(dir);
  return readdir(folder);
}

describe('a new workspace', () => {
  it('holds the sample article, titled from its first line, with its list kept as blocks', async () => {
    const wb = await openSample(dir);
    const docs = unwrap(await wb.call('documents.list', {}));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.title).toBe(
      'Why Iran’s regime is terrified of growing focus on its human rights record',
    );
    const { document } = unwrap(await wb.call('documents.get', { id: docs[0]!.id }));
    const kinds = document.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('heading');
    expect(kinds.filter((k) => k === 'list-item')).toHaveLength(6);
    const firstItem = document.blocks.find((b) => b.kind === 'list-item')!;
    expect(document.text.slice(firstItem.start, firstItem.end)).toMatch(
      /^The ongoing\u00A0trial of Hamid Noury/,
    );
    expect(document.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    WorkspaceFile.parse(await readJson(join(dir, 'workspace.json')));
    expect(await listDir(join(dir, 'documents'))).toEqual([`${document.id}.json`]);
  });

  it('does not add the sample again when reopened', async () => {
    await openSample(dir);
    const wb = await openSample(dir);
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(1);
  });
});

describe('records', () => {
  it('creates, updates and deletes entities, highlights and notes, and reads them back after a restart', async () => {
    let wb = await openSample(dir);
    const doc = await sampleDoc(wb);
    const start = doc.text.indexOf('Gholam Hossein Mohseni Ejei');
    const ejei = unwrap(
      await wb.call('entities.create', {
        name: 'Gholam Hossein Mohseni Ejei',
        type: 'person',
        aliases: ['Ejei', 'Judiciary Chief', 'Ejei'],
      }),
    );
    expect(ejei.aliases).toEqual(['Ejei', 'Judiciary Chief']);
    const ann = unwrap(
      await wb.call('annotations.create', {
        documentId: doc.id,
        start,
        end: start + 'Gholam Hossein Mohseni Ejei'.length,
        kind: 'evidence',
        entityIds: [ejei.id],
      }),
    );
    expect(ann.target.quote.exact).toBe('Gholam Hossein Mohseni Ejei');
    expect(ann.target.quote.prefix.endsWith('Judiciary Chief ')).toBe(true);
    unwrap(
      await wb.call('annotations.update', { id: ann.id, patch: { note: '**Named** as chair' } }),
    );
    unwrap(
      await wb.call('entities.update', {
        id: ejei.id,
        patch: { description: 'Head of the judiciary' },
      }),
    );
    const note = unwrap(
      await wb.call('notes.create', {
        title: 'Lead',
        body: 'Check sanctions',
        entityIds: [ejei.id],
      }),
    );
    unwrap(await wb.call('notes.update', { id: note.id, patch: { body: 'Checked' } }));

    wb = await openSample(dir);
    const view = unwrap(await wb.call('documents.get', { id: doc.id }));
    expect(view.annotations).toHaveLength(1);
    expect(view.annotations[0]).toMatchObject({
      note: '**Named** as chair',
      kind: 'evidence',
      status: 'anchored',
    });
    const entities = unwrap(await wb.call('entities.list', {}));
    expect(entities).toEqual([
      expect.objectContaining({ description: 'Head of the judiciary', usage: 1 }),
    ]);
    expect(unwrap(await wb.call('notes.list', {}))[0]!.body).toBe('Checked');
    const passages = unwrap(await wb.call('annotations.byEntity', { entityId: ejei.id }));
    expect(passages.map((p) => p.annotation.id)).toEqual([ann.id]);

    unwrap(await wb.call('annotations.delete', { id: ann.id }));
    unwrap(await wb.call('notes.delete', { id: note.id }));
    wb = await openSample(dir);
    expect(unwrap(await wb.call('documents.get', { id: doc.id })).annotations).toEqual([]);
    expect(unwrap(await wb.call('notes.list', {}))).toEqual([]);
  });

  it('refuses to delete a used entity unless the caller confirms how many highlights it untags', async () => {
    const wb = await openSample(dir);
    const doc = await sampleDoc(wb);
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' }));
    const at = doc.text.indexOf('Evin prisons');
    for (const offset of [0, 1]) {
      unwrap(
        await wb.call('annotations.create', {
          documentId: doc.id,
          start: at + offset,
          end: at + 12,
          entityIds: [evin.id],
        }),
      );
    }
    const refused = await wb.call('entities.delete', { id: evin.id, confirmUsage: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    expect(!refused.ok && refused.error.message).toContain('2 highlights');
    expect(unwrap(await wb.call('entities.delete', { id: evin.id, confirmUsage: 2 }))).toEqual({
      id: evin.id,
      untagged: 2,
    });
    const onDisk = HighlightsFile.parse(await readJson(join(dir, 'highlights', `${doc.id}.json`)));
    expect(onDisk.annotations.map((a) => a.entityIds)).toEqual([[], []]);
  });

  it('rejects bad input with a reason and stores nothing', async () => {
    const wb = await openSample(dir);
    const doc = await sampleDoc(wb);
    const cases: [string, unknown][] = [
      ['annotations.create', { documentId: doc.id, start: 5, end: 5 }],
      ['annotations.create', { documentId: doc.id, start: 0, end: doc.text.length + 1 }],
      ['annotations.create', { documentId: doc.id, start: 0, end: 4, entityIds: ['ent_missing'] }],
      ['annotations.create', { documentId: '../../etc/passwd', start: 0, end: 4 }],
      ['annotations.create', { documentId: doc.id, start: 0, end: 4, extra: true }],
      ['entities.create', { name: '  ', type: 'person' }],
      ['entities.create', { name: 'X', type: '<script>' }],
      ['no.such.method', {}],
    ];
    for (const [method, payload] of cases) {
      const result = await wb.dispatch(method, payload);
      expect(result.ok, `${method} ${JSON.stringify(payload)}`).toBe(false);
      expect(!result.ok && result.error.message.length).toBeGreaterThan(10);
    }
    expect(unwrap(await wb.call('documents.get', { id: doc.id })).annotations).toEqual([]);
    expect(unwrap(await wb.call('entities.list', {}))).toEqual([]);
  });

  it('lands every one of many concurrent writes to one file', async () => {
    const wb = await openSample(dir);
    const doc = await sampleDoc(wb);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        wb.call('annotations.create', { documentId: doc.id, start: i * 10, end: i * 10 + 8 }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        wb.call('entities.create', { name: `Entity ${i}`, type: 'other' }),
      ),
    );
    const file = HighlightsFile.parse(await readJson(join(dir, 'highlights', `${doc.id}.json`)));
    expect(file.annotations).toHaveLength(40);
    const ws = WorkspaceFile.parse(await readJson(join(dir, 'workspace.json')));
    expect(ws.entities).toHaveLength(20);
  });
});

describe('deleting a document', () => {
  it('needs the number of highlights confirmed, moves the file to trash/ and forgets it everywhere', async () => {
    let wb = await openSample(dir);
    const doc = await sampleDoc(wb);
    const ann = unwrap(
      await wb.call('annotations.create', {
        documentId: doc.id,
        start: 0,
        end: 20,
        note: 'unique-word',
      }),
    );
    const stale = await wb.call('documents.delete', { id: doc.id, confirmHighlights: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    expect(unwrap(await wb.call('documents.delete', { id: doc.id, confirmHighlights: 1 }))).toEqual(
      { id: doc.id, highlights: 1 },
    );
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
    expect(unwrap(await wb.call('search.query', { query: 'unique-word' })).hits).toEqual([]);
    expect((await wb.call('annotations.delete', { id: ann.id })).ok).toBe(false);
    const trashed = await listDir(join(dir, 'trash'));
    expect(trashed).toHaveLength(1);
    expect(
      DocumentFile.parse(await readJson(join(dir, 'trash', trashed[0]!))).annotations,
    ).toHaveLength(1);
    wb = await openSample(dir);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
    expect(await listDir(join(dir, 'documents'))).toEqual([]);
  });
});

describe('corrupt files', () => {
  it('opens read-only over a corrupt workspace.json, says why, and never overwrites it', async () => {
    await openSample(dir);
    const file = join(dir, 'workspace.json');
    const corrupt = '{"schemaVersion": 1, "entities": [ broken';
    await writeFile(file, corrupt);
    const wb = await openSample(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.readOnly).toBe(true);
    expect(info.problems[0]?.file).toBe('workspace.json');
    expect(info.problems[0]?.reason).toContain('not valid JSON');
    const write = await wb.call('entities.create', { name: 'Evin prison', type: 'place' });
    expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('refuses a workspace.json from a newer schema', async () => {
    await writeFile(
      join(dir, 'workspace.json'),
      JSON.stringify({ schemaVersion: 99, entities: [], notes: [], documents: [] }),
    );
    const wb = await openSample(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info.problems[0]!.reason).toContain('newer Research Workbench');
  });

  it('keeps a document that fails validation read-only and the rest of the workspace working', async () => {
    let wb = await openSample(dir);
    const doc = await sampleDoc(wb);
    const file = join(dir, 'documents', `${doc.id}.json`);
    const broken = JSON.stringify({ schemaVersion: 1, document: { id: doc.id }, annotations: [] });
    await settle(dir);
    await writeFile(file, broken);
    wb = await openSample(dir);
    const list = unwrap(await wb.call('documents.list', {}));
    expect(list[0]?.id).toBe(doc.id);
    expect(list[0]?.problem).toContain('document.title');
    const open = await wb.call('documents.get', { id: doc.id });
    expect(open).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const create = await wb.call('annotations.create', { documentId: doc.id, start: 0, end: 4 });
    expect(create.ok).toBe(false);
    expect(
      unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' })).name,
    ).toBe('Evin prison');
    expect(await readFile(file, 'utf8')).toBe(broken);
  });
});

describe('a workspace without the sample', () => {
  it('starts empty', async () => {
    const wb = await reopen(dir);
    expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
  });
});
