// Getting material in and out: importing files and pasted text as documents, restoring
// a JSON backup, and rendering exports. Every import either stores a whole document or
// nothing, and says which file failed and why.
import type { ImportOutcome, WorkbenchHandlers } from '../../shared/api';
import { describeIssues } from '../../shared/issues';
import { SCHEMA_VERSION } from '../../shared/model';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../errors';
import { EXPORTERS } from '../exporters';
import { Backup, type Snapshot } from '../exporters/snapshot';
import { importBytes, importPastedText } from '../importers';
import { decodeText } from '../importers/decode';
import { ImportError } from '../importers/import-error';
import { addDocument } from './documents';

type Handlers = Pick<WorkbenchHandlers, 'documents.import' | 'documents.paste' | 'export.create'>;

export function snapshot(ctx: CoreContext): Snapshot {
  const ws = ctx.store.workspace.data;
  const documents = [...ctx.store.documents.values()]
    .map((db) => ({ document: db.data.document, annotations: db.data.annotations }))
    .sort((a, b) => a.document.createdAt.localeCompare(b.document.createdAt));
  return { entities: ws.entities, notes: ws.notes, documents, exportedAt: ctx.now() };
}

/** Restores a JSON backup into this workspace: all of it, or nothing if any id is taken. */
export async function restoreBackup(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportOutcome> {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeText(bytes, fileName, false));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, 'it is not valid JSON');
  }
  const parsed = Backup.safeParse(raw);
  if (!parsed.success) {
    throw new ImportError(
      fileName,
      `it is not a Research Workbench backup (${describeIssues(parsed.error.issues, 1)})`,
    );
  }
  const backup = parsed.data;
  const ws = ctx.store.workspace;
  ws.assertWritable();
  const taken = new Set([
    ...ws.data.entities.map((e) => e.id),
    ...ws.data.notes.map((n) => n.id),
    ...ctx.store.documents.keys(),
    ...[...ctx.allAnnotations()].map(({ annotation }) => annotation.id),
  ]);
  const incoming = [
    ...backup.entities.map((e) => e.id),
    ...backup.notes.map((n) => n.id),
    ...backup.documents.flatMap((d) => [d.document.id, ...d.annotations.map((a) => a.id)]),
  ];
  const clash = incoming.find((id) => taken.has(id));
  if (clash)
    throw new ImportError(
      fileName,
      `it holds records already in this workspace (for example "${clash}")`,
    );
  for (const d of backup.documents) {
    await ctx.store.createDocument({ schemaVersion: SCHEMA_VERSION, ...d });
  }
  await ws.update((data) => {
    data.entities.push(...backup.entities);
    data.notes.push(...backup.notes);
    data.documents.push(
      ...backup.documents.map((d) => ({
        id: d.document.id,
        title: d.document.title,
        createdAt: d.document.createdAt,
      })),
    );
  });
  for (const d of backup.documents) {
    ctx.index.putDocument(d.document);
    for (const a of d.annotations) ctx.index.putAnnotation(a);
  }
  for (const e of backup.entities) ctx.index.putEntity(e);
  ctx.emit('workspace');
  return {
    fileName,
    kind: 'backup',
    documents: backup.documents.length,
    entities: backup.entities.length,
    highlights: backup.documents.reduce((n, d) => n + d.annotations.length, 0),
  };
}

export function transferHandlers(ctx: CoreContext): Handlers {
  return {
    'documents.import': async ({ fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (/\.json$/i.test(fileName)) return restoreBackup(ctx, bytes, fileName);
      const document = await addDocument(ctx, importBytes(bytes, fileName));
      return { fileName, kind: 'document', documentId: document.id, title: document.title };
    },

    'documents.paste': async ({ title, text }) => {
      if (!text.trim()) throw new WorkbenchError('INVALID_INPUT', 'There is no text to add.');
      const document = await addDocument(ctx, importPastedText(text, title));
      return { fileName: '', kind: 'document', documentId: document.id, title: document.title };
    },

    'export.create': ({ format }) => {
      const exporter = EXPORTERS[format];
      const snap = snapshot(ctx);
      const date = snap.exportedAt.slice(0, 10);
      const name =
        format === 'json'
          ? 'workspace-backup'
          : format === 'w3c'
            ? 'annotations'
            : 'research-notes';
      return Promise.resolve({
        fileName: `${name}-${date}.${exporter.extension}`,
        mimeType: exporter.mimeType,
        content: exporter.render(snap),
      });
    },
  };
}
