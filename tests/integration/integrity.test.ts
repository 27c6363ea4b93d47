// Semantically damaged workspaces: each kind of damage is detected on open, named by file
// and record, never written over (not by a write to it, not at the next open), and
// repaired only when the user asks, with a report of what changed.
import { execFileSync } from 'node:child_process';
import { lstat, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { DocumentFile, WorkspaceFile } from '../../src/shared/model';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

interface Ids {
  doc: string;
  other: string;
  ann: string;
  ent: string;
}

async function healthy(): Promise<Ids> {
  const wb = await openSample(dir);
  const doc = unwrap(await wb.call('documents.list', {}))[0]!.id;
  const ent = unwrap(await wb.call('entities.create', { name: 'Evin prison', type: 'place' })).id;
  const ann = unwrap(
    await wb.call('annotations.create', { documentId: doc, start: 10, end: 60, entityIds: [ent] }),
  ).id;
  await wb.call('annotations.create', { documentId: doc, start: 100, end: 160 });
  const other = unwrap(
    await wb.call('documents.paste', { title: 'Other', text: 'Another source about Evin prison.' }),
  );
  if (other.kind !== 'document') throw new Error('expected a document');
  await wb.call('annotations.create', { documentId: other.documentId, start: 0, end: 7 });
  await wb.call('notes.create', {
    title: 'Links',
    entityIds: [ent],
    documentIds: [doc],
    annotationIds: [ann],
  });
  const markdown = '# Link\n\nSee [the report](https://example.org/report) on Evin.\n';
  unwrap(
    await wb.call('documents.import', {
      fileName: 'link.md',
      dataBase64: Buffer.from(markdown).toString('base64'),
    }),
  );
  await closeWorkbench(dir);
  return { doc, other: other.documentId, ann, ent };
}

const docPath = (id: string): string => `documents/${id}.json`;
const hlPath = (id: string): string => `highlights/${id}.json`;
const read = (path: string): Promise<string> => readFile(join(dir, path), 'utf8');
async function edit<T>(path: string, change: (data: T) => void): Promise<void> {
  const data = JSON.parse(await read(path)) as T;
  change(data);
  await writeFile(join(dir, path), JSON.stringify(data, null, 2));
}
/** Edits a document's two files as one record (text in documents/, highlights in highlights/). */
async function editDoc(id: string, change: (f: DocumentFile) => void): Promise<void> {
  const record = JSON.parse(await read(docPath(id))) as Pick<DocumentFile, 'document'>;
  const highlights = JSON.parse(await read(hlPath(id))) as Pick<DocumentFile, 'annotations'>;
  const combined = { ...record, annotations: highlights.annotations } as DocumentFile;
  change(combined);
  const { annotations, ...rest } = combined;
  await writeFile(join(dir, docPath(id)), JSON.stringify(rest, null, 2));
  await writeFile(join(dir, hlPath(id)), JSON.stringify({ ...highlights, annotations }, null, 2));
}
const editWs = (change: (w: WorkspaceFile) => void) =>
  edit<WorkspaceFile>('workspace.json', change);

interface Case {
  name: string;
  damage: (ids: Ids) => Promise<void>;
  /** The file that must be named, and a piece of the record and the reason. */
  file: (ids: Ids) => string;
  record?: string;
  reason: RegExp;
  repairable: boolean;
}

const CASES: Case[] = [
  {
    name: 'a highlight past the end of the text',
    damage: (i) =>
      editDoc(
        i.doc,
        (f) => void (f.annotations[0]!.target.position.end = f.document.text.length + 50),
      ),
    file: (i) => hlPath(i.doc),
    record: 'annotations[0]',
    reason: /past the end of the text/,
    repairable: true,
  },
  {
    name: 'a highlight with a reversed range',
    damage: (i) =>
      editDoc(i.doc, (f) =>
        Object.assign(f.annotations[0]!.target.position, { start: 60, end: 10 }),
      ),
    file: (i) => hlPath(i.doc),
    record: 'annotations[0]',
    reason: /empty or reversed/,
    repairable: true,
  },
  {
    name: 'an anchored highlight whose text is not its quote',
    damage: (i) =>
      editDoc(i.doc, (f) => {
        const p = f.annotations[0]!.target.position;
        Object.assign(p, { start: p.start + 5, end: p.end + 5 });
      }),
    file: (i) => hlPath(i.doc),
    record: 'annotations[0]',
    reason: /not its quote/,
    repairable: true,
  },
  {
    name: 'a highlight anchored against another revision',
    damage: (i) => editDoc(i.doc, (f) => void (f.annotations[0]!.anchoredRevision = 7)),
    file: (i) => hlPath(i.doc),
    record: 'annotations[0]',
    reason: /revision 7/,
    repairable: true,
  },
  {
    name: 'a highlight naming another document',
    damage: (i) => editDoc(i.doc, (f) => void (f.annotations[0]!.documentId = 'doc_elsewhere')),
    file: (i) => hlPath(i.doc),
    record: 'annotations[0]',
    reason: /names document "doc_elsewhere"/,
    repairable: true,
  },
  {
    name: 'a highlight id used twice in one file',
    damage: (i) => editDoc(i.doc, (f) => void (f.annotations[1]!.id = f.annotations[0]!.id)),
    file: (i) => hlPath(i.doc),
    record: 'annotations[1]',
    reason: /used by another highlight/,
    repairable: true,
  },
  {
    name: 'a highlight id used in two files',
    damage: async (i) => {
      const first = (JSON.parse(await read(hlPath(i.doc))) as DocumentFile).annotations[0]!.id;
      await editDoc(i.other, (f) => void (f.annotations[0]!.id = first));
    },
    // The file changed behind the workbench's back is read again, and is the one reported.
    file: (i) => hlPath(i.other),
    record: 'annotations[0]',
    reason: /used by another highlight/,
    repairable: true,
  },
  {
    name: 'a highlight tagged to an entity that is not there',
    damage: (i) => editDoc(i.doc, (f) => void f.annotations[0]!.entityIds.push('ent_gone')),
    file: (i) => hlPath(i.doc),
    record: 'annotations[0]',
    reason: /"ent_gone", not in workspace.json/,
    repairable: true,
  },
  {
    name: 'a block past the end of the text',
    damage: (i) =>
      editDoc(i.doc, (f) => void (f.document.blocks.at(-1)!.end = f.document.text.length + 10)),
    file: (i) => docPath(i.doc),
    record: 'blocks[',
    reason: /past the end of the text/,
    repairable: true,
  },
  {
    name: 'blocks out of order',
    damage: (i) => editDoc(i.doc, (f) => void f.document.blocks.reverse()),
    file: (i) => docPath(i.doc),
    record: 'blocks[',
    reason: /inside or before the block before it/,
    repairable: true,
  },
  {
    name: 'a block on an earlier page than the block before it',
    damage: (i) =>
      editDoc(i.doc, (f) => {
        f.document.blocks.forEach((b, n) => (b.page = n < 2 ? 2 : 3));
        f.document.blocks[2]!.page = 1;
      }),
    file: (i) => docPath(i.doc),
    record: 'blocks[2]',
    reason: /on page 1, after a block on page 2/,
    repairable: true,
  },
  {
    name: 'a mark past the end of the text',
    damage: async () => {
      const path = await linkDoc();
      await edit<DocumentFile>(path, (f) => void (f.document.marks[0]!.end = 10_000));
    },
    file: () => linkDocPath,
    record: 'marks[0]',
    reason: /not inside the text/,
    repairable: true,
  },
  {
    name: 'a javascript: link',
    damage: async () => {
      const path = await linkDoc();
      await edit<DocumentFile>(
        path,
        (f) => void (f.document.marks[0]!.href = 'javascript:alert(1)'),
      );
    },
    file: () => linkDocPath,
    record: 'marks[0]',
    reason: /not http\(s\) or mailto/,
    repairable: true,
  },
  {
    name: 'a field the schema does not know, on a highlight',
    damage: (i) => editDoc(i.doc, (f) => Object.assign(f.annotations[0]!, { colour: 'red' })),
    file: (i) => hlPath(i.doc),
    reason: /colour/,
    repairable: true,
  },
  {
    name: 'a field the schema does not know, on a document',
    damage: (i) => editDoc(i.doc, (f) => Object.assign(f.document, { pinned: true })),
    file: (i) => docPath(i.doc),
    reason: /pinned/,
    repairable: true,
  },
  {
    name: 'a highlights file that is missing',
    damage: (i) => rm(join(dir, hlPath(i.doc))),
    file: (i) => hlPath(i.doc),
    reason: /it is missing/,
    repairable: true,
  },
  {
    name: 'a highlights file holding another document’s highlights',
    damage: async (i) => writeFile(join(dir, hlPath(i.doc)), await read(hlPath(i.other))),
    file: (i) => hlPath(i.doc),
    reason: /holds the highlights of/,
    repairable: false,
  },
  {
    name: 'a truncated highlights file',
    damage: async (i) =>
      writeFile(join(dir, hlPath(i.doc)), (await read(hlPath(i.doc))).slice(0, 90)),
    file: (i) => hlPath(i.doc),
    reason: /not valid JSON/,
    repairable: false,
  },
  {
    name: 'highlights with no document',
    damage: async (i) => writeFile(join(dir, hlPath('doc_gone')), await read(hlPath(i.other))),
    file: () => hlPath('doc_gone'),
    reason: /no documents\/doc_gone\.json/,
    repairable: false,
  },
  {
    name: 'an invalid UTF-8 byte',
    damage: async (i) => {
      const bytes = await readFile(join(dir, docPath(i.doc)));
      const at = bytes.indexOf('Evin');
      bytes[at] = 0xff;
      await writeFile(join(dir, docPath(i.doc)), bytes);
    },
    file: (i) => docPath(i.doc),
    reason: /not valid UTF-8/,
    repairable: false,
  },
  {
    name: 'a truncated document file',
    damage: async (i) =>
      writeFile(join(dir, docPath(i.doc)), (await read(docPath(i.doc))).slice(0, 200)),
    file: (i) => docPath(i.doc),
    reason: /not valid JSON/,
    repairable: false,
  },
  {
    name: 'an empty document file',
    damage: (i) => writeFile(join(dir, docPath(i.doc)), ''),
    file: (i) => docPath(i.doc),
    reason: /it is empty/,
    repairable: false,
  },
  {
    name: 'a document without a title',
    damage: (i) =>
      editDoc(i.doc, (f) => void delete (f.document as Partial<DocumentFile['document']>).title),
    file: (i) => docPath(i.doc),
    reason: /document\.title/,
    repairable: false,
  },
  {
    name: 'a document file named for another document',
    damage: async (i) => rename(join(dir, docPath(i.doc)), join(dir, docPath('doc_renamed'))),
    file: () => docPath('doc_renamed'),
    reason: /holds document/,
    repairable: false,
  },
  {
    name: 'a document file not named <id>.json',
    damage: async (i) =>
      rename(join(dir, docPath(i.doc)), join(dir, 'documents', 'copy of article.json')),
    file: () => 'documents/copy of article.json',
    reason: /not <document id>\.json/,
    repairable: false,
  },
  {
    name: 'a named pipe called *.json',
    damage: () => Promise.resolve(void execFileSync('mkfifo', [join(dir, docPath('doc_pipe'))])),
    file: () => docPath('doc_pipe'),
    reason: /named pipe, not a regular file/,
    repairable: false,
  },
  {
    name: 'a symbolic link called *.json',
    damage: async (i) => symlink(join(dir, docPath(i.doc)), join(dir, docPath('doc_link'))),
    file: () => docPath('doc_link'),
    reason: /symbolic link/,
    repairable: false,
  },
  {
    name: 'a document from a newer schema',
    damage: (i) => editDoc(i.doc, (f) => void ((f as { schemaVersion: number }).schemaVersion = 9)),
    file: (i) => docPath(i.doc),
    reason: /newer Research Workbench/,
    repairable: false,
  },
  {
    name: 'an entity id used twice',
    damage: () => editWs((w) => void w.entities.push({ ...w.entities[0]!, name: 'Evin' })),
    file: () => 'workspace.json',
    record: 'entities[1]',
    reason: /used by another entity/,
    repairable: true,
  },
  {
    name: 'a note linking an entity that is not there',
    damage: () => editWs((w) => void w.notes[0]!.entityIds.push('ent_gone')),
    file: () => 'workspace.json',
    record: 'notes[0]',
    reason: /"ent_gone"/,
    repairable: true,
  },
  {
    name: 'a note linking a document that is not there',
    damage: () => editWs((w) => void w.notes[0]!.documentIds.push('doc_gone')),
    file: () => 'workspace.json',
    record: 'notes[0]',
    reason: /"doc_gone"/,
    repairable: true,
  },
  {
    name: 'a note linking a highlight that is not there',
    damage: () => editWs((w) => void w.notes[0]!.annotationIds.push('ann_gone')),
    file: () => 'workspace.json',
    record: 'notes[0]',
    reason: /"ann_gone"/,
    repairable: true,
  },
  {
    name: 'an event whose place is not an entity',
    damage: () => editWs((w) => void (w.entities[0]!.placeId = 'ent_gone')),
    file: () => 'workspace.json',
    record: 'entities[0]',
    reason: /place "ent_gone"/,
    repairable: true,
  },
  {
    name: 'an event that is its own place',
    damage: () => editWs((w) => void (w.entities[0]!.placeId = w.entities[0]!.id)),
    file: () => 'workspace.json',
    record: 'entities[0]',
    reason: /its place ".*" is not another entity/,
    repairable: true,
  },
  {
    name: 'an event whose participant is not an entity',
    damage: () =>
      editWs(
        (w) => void (w.entities[0]!.participants = [{ entityId: 'ent_gone', role: 'victim' }]),
      ),
    file: () => 'workspace.json',
    record: 'entities[0]',
    reason: /participants "ent_gone"/,
    repairable: true,
  },
  {
    name: 'an event date that does not match its precision',
    damage: () =>
      editWs((w) => void (w.entities[0]!.date = { start: '1988-07', precision: 'year' })),
    file: () => 'workspace.json',
    reason: /does not match its precision/,
    repairable: true,
  },
  {
    name: 'a field the schema does not know, in workspace.json',
    damage: () => editWs((w) => Object.assign(w, { syncedBy: 'tool' })),
    file: () => 'workspace.json',
    reason: /syncedBy/,
    repairable: true,
  },
  {
    name: 'workspace.json missing while documents remain',
    damage: () => rm(join(dir, 'workspace.json')),
    file: () => 'workspace.json',
    reason: /missing, but documents\/ holds 3 document files/,
    repairable: true,
  },
  {
    name: 'workspace.json that is not JSON',
    damage: async () =>
      writeFile(join(dir, 'workspace.json'), '{"schemaVersion": 2, "entities": [ broken'),
    file: () => 'workspace.json',
    reason: /not valid JSON/,
    repairable: true,
  },
];

let linkDocPath = '';
/** The pasted document whose text carries a link mark. */
async function linkDoc(): Promise<string> {
  for (const name of await readdir(join(dir, 'documents'))) {
    const file = JSON.parse(await read(`documents/${name}`)) as DocumentFile;
    if (file.document.marks.some((m) => m.kind === 'link'))
      return (linkDocPath = `documents/${name}`);
  }
  throw new Error('no document with a link');
}

/** A file's text (null when missing); a pipe or link is described, never read. */
async function bytesOf(path: string): Promise<string | null> {
  const stats = await lstat(join(dir, path)).catch(() => null);
  if (!stats) return null;
  if (!stats.isFile()) return `not a file: ${stats.mode}`;
  return readFile(join(dir, path), 'utf8');
}

async function tryWrites(wb: Workbench, ids: Ids, path: string): Promise<void> {
  const docId = /^(?:documents|highlights)\/(.+)\.json$/.exec(path)?.[1] ?? null;
  if (path === 'workspace.json') {
    const r = await wb.call('entities.create', { name: 'New entity', type: 'person' });
    expect(r).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  } else if (docId) {
    const r = await wb.call('annotations.create', { documentId: docId, start: 0, end: 5 });
    expect(r.ok).toBe(false);
  }
  // A restore that would write over the damaged file is refused too.
  const backup = unwrap(await wb.call('export.create', { format: 'json' }));
  await wb.call('documents.import', {
    fileName: 'backup.json',
    dataBase64: Buffer.from(backup.content).toString('base64'),
  });
  void ids;
}

describe('integrity on open', () => {
  it('has at least twenty kinds of damage in its table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const ids = await healthy();
    await c.damage(ids);
    const path = c.file(ids);
    const damaged = await bytesOf(path);

    let wb = await reopen(dir);
    const info = unwrap(await wb.call('workspace.info', {}));
    const problem = info.problems.find((p) => p.file === path && c.reason.test(p.reason));
    expect(problem, JSON.stringify(info.problems)).toBeDefined();
    if (c.record) expect(problem!.record).toContain(c.record);
    expect(problem!.repair).toBeTruthy();

    await tryWrites(wb, ids, path);
    wb = await reopen(dir);
    expect(await bytesOf(path)).toBe(damaged);

    const report = unwrap(await wb.call('workspace.repair', {}));
    if (c.repairable) {
      expect(report.changes.join('\n')).toContain(
        path === 'documents/copy of article.json' ? '' : path,
      );
      wb = await reopen(dir);
      expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
      expect(unwrap(await wb.call('workspace.info', {})).readOnly).toBe(false);
    } else {
      expect(report.remaining.map((p) => p.file)).toContain(path);
      expect(await bytesOf(path)).toBe(damaged);
    }
  });

  it('a repair keeps every tag when workspace.json was lost, as placeholder entities', async () => {
    const ids = await healthy();
    await rm(join(dir, 'workspace.json'));
    const wb = await reopen(dir);
    expect(unwrap(await wb.call('documents.list', {})).length).toBe(3);
    unwrap(await wb.call('workspace.repair', {}));
    const entities = unwrap(await wb.call('entities.list', {}));
    expect(entities.map((e) => [e.id, e.usage])).toEqual([[ids.ent, 1]]);
    expect(entities[0]!.name).toContain('Recovered entity');
  });
});
