// Handlers for the workspace and its documents, including adding an imported document.
import type { WorkbenchHandlers } from '../../shared/api';
import { anchor } from '../../shared/anchoring';
import { SCHEMA_VERSION, type Document } from '../../shared/model';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../errors';
import type { ImportedContent } from '../importers/plain-text';

type Handlers = Pick<
  WorkbenchHandlers,
  'workspace.info' | 'documents.list' | 'documents.get' | 'documents.delete'
>;

export function documentHandlers(ctx: CoreContext): Handlers {
  const { store } = ctx;
  return {
    'workspace.info': () =>
      Promise.resolve({
        path: store.dir,
        schemaVersion: SCHEMA_VERSION,
        readOnly: store.readOnly,
        problems: store.problems,
      }),

    'documents.list': () => {
      const readable = [...store.documents.values()].map(({ data }) => ({
        id: data.document.id,
        title: data.document.title,
        createdAt: data.document.createdAt,
        annotationCount: data.annotations.length,
      }));
      const broken = store.unreadable.map((d) => ({
        id: d.id,
        title: `documents/${d.id}.json`,
        createdAt: '',
        annotationCount: 0,
        problem: d.reason,
      }));
      readable.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return Promise.resolve([...readable, ...broken]);
    },

    'documents.delete': async ({ id, confirmHighlights }) => {
      const db = ctx.document(id);
      store.workspace.assertWritable();
      db.assertWritable();
      const { annotations, document } = db.data;
      if (annotations.length !== confirmHighlights) {
        throw new WorkbenchError(
          'IN_USE',
          `“${document.title}” has ${annotations.length} highlight${annotations.length === 1 ? '' : 's'}; ` +
            'confirm deleting it with that number.',
        );
      }
      await store.trashDocument(id, ctx.now());
      await store.workspace.update((ws) => {
        ws.documents = ws.documents.filter((d) => d.id !== id);
        for (const note of ws.notes) note.documentIds = note.documentIds.filter((d) => d !== id);
      });
      ctx.index.removeDocument(id);
      for (const a of annotations) ctx.index.removeAnnotation(a.id);
      ctx.emit('documents', id);
      return { id, highlights: annotations.length };
    },

    'documents.get': ({ id }) => {
      const db = ctx.document(id);
      const { document, annotations } = db.data;
      const anchored = annotations.map((a) => {
        const placed = anchor(document.text, a.target);
        return {
          ...a,
          status: placed.status,
          target: {
            ...a.target,
            position: { ...a.target.position, start: placed.start, end: placed.end },
          },
        };
      });
      return Promise.resolve({
        document,
        annotations: anchored,
        readOnly: store.readOnly || db.readOnlyReason !== undefined,
      });
    },
  };
}

/** Stores an imported document: its own file first, then its entry in workspace.json. */
export async function addDocument(ctx: CoreContext, content: ImportedContent): Promise<Document> {
  const now = ctx.now();
  const document: Document = {
    id: ctx.newId('doc'),
    title: content.title,
    text: content.text,
    blocks: content.blocks,
    marks: content.marks,
    source: { ...content.source, accessedDate: content.source.accessedDate ?? now },
    format: content.format,
    contentHash: content.contentHash,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.workspace.assertWritable();
  await ctx.store.createDocument({ schemaVersion: SCHEMA_VERSION, document, annotations: [] });
  await ctx.store.workspace.update((ws) => {
    ws.documents.push({ id: document.id, title: document.title, createdAt: now });
  });
  ctx.index.putDocument(document);
  ctx.emit('documents', document.id);
  return document;
}
