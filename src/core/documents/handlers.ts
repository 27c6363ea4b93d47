// documents.*: listing, reading the stored anchoring, importing (./import-files.ts), correcting
// a source's details (./sources.ts), deleting (to trash/) and editing the text, which makes
// a new revision and re-anchors every highlight against it in the same command.
import { withLanguage } from '../../shared/language';
import { documentItem } from '../change-feed';
import type { DocumentListItem, NamespaceHandlers } from '../../shared/api';
import { SCHEMA_VERSION, SourceMeta, type Document } from '../../shared/model';
import { inSchemaOrder } from '../../shared/record-order';
import { importBytes } from '../importers';
import type { ParseFile } from '../importers/worker-protocol';
import { plural } from '../../shared/text';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../../shared/errors';
import { sha256 } from '../hash';
import { type ImportedContent } from '../importers/plain-text';
import { unlinkFromNotes } from '../notes/note-refs';
import { unlinkHighlights } from '../links/handlers';
import { mapThroughEdit } from './text-edit';
import type { Tx } from '../store/tx';
import { sourceHandlers, storeRevision } from './sources';
import { importHandlers } from './import-files';
import { commentHighlights } from './comment-highlights';
import { originalHandlers } from './original-handlers';

/**
 * `parse` reads a file's bytes to a document's content: in a worker thread where the host
 * built one (createWorkerParser), else here (tests, scripts).
 */
export function documentsHandlers(
  ctx: CoreContext,
  parse: ParseFile = importBytes,
): NamespaceHandlers<'documents'> {
  const { store } = ctx;
  return {
    ...importHandlers(ctx, parse),
    ...sourceHandlers(ctx),
    ...originalHandlers(ctx),
    'documents.list': () => {
      // From the catalog: listing 20,000 documents reads none of them.
      const readable: DocumentListItem[] = [...store.catalog.values()].map((s) =>
        documentItem(s.document, s.annotationIds.length),
      );
      readable.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const broken = [...store.damaged.keys()]
        .filter((path) => path.startsWith('documents/'))
        .map((path) => ({
          id: path.slice('documents/'.length).replace(/\.json$/i, ''),
          title: path,
          createdAt: '',
          annotationCount: 0,
          problem: store.problems
            .filter((p) => p.file === path)
            .map((p) => (p.record ? `${p.record}: ${p.reason}` : p.reason))
            .join('; '),
        }));
      return Promise.resolve([...readable, ...broken]);
    },

    'documents.delete': ({ id, confirmHighlights }) =>
      ctx.command('Delete document', (tx) => {
        const { annotations, document } = tx.document(id);
        if (annotations.length !== confirmHighlights) {
          throw new WorkbenchError(
            'IN_USE',
            `“${document.title}” has ${plural(annotations.length, 'highlight')}; confirm deleting it with that number.`,
          );
        }
        tx.setFile(id, undefined);
        const highlightIds = new Set(annotations.map((a) => a.id));
        unlinkFromNotes(tx, { documentIds: new Set([id]), annotationIds: highlightIds });
        unlinkHighlights(tx, highlightIds);
        return { id, highlights: annotations.length };
      }),

    'documents.get': async ({ id }) => {
      // Read from disk the first time it is asked for, then kept while memory allows.
      const file = await store.read((tx) => tx.document(id));
      return { document: file.document, annotations: file.annotations, readOnly: store.readOnly };
    },

    'documents.editText': ({ id, revision, text }) =>
      ctx.command('Edit text', (tx) => {
        editText(tx, id, revision, text);
        const file = tx.document(id);
        return { document: file.document, annotations: file.annotations, readOnly: false };
      }),
  };
}

/**
 * Makes `text` the document's next revision: blocks and marks follow the edit, and every
 * highlight is re-anchored against the new text once, here, and stored with its status.
 */
export function editText(tx: Tx, id: string, revision: number, text: string): void {
  const { document, annotations } = tx.document(id);
  if (document.revision !== revision) {
    throw new WorkbenchError(
      'CONFLICT',
      `“${document.title}” changed since this edit began (revision ${document.revision}, not ${revision}).`,
    );
  }
  if (text === document.text) return;
  const { blocks, marks } = mapThroughEdit(document.text, text, document.blocks, document.marks);
  const next: Document = {
    ...document,
    text,
    blocks,
    marks,
    revision: revision + 1,
    updatedAt: tx.now,
  };
  storeRevision(tx, next, annotations);
}

/**
 * Builds the record for an imported document (revision 1); the caller stores it. A caller
 * outside the command may hash a long text beforehand, in slices (`textHash`).
 */
export function newDocument(
  ctx: CoreContext,
  content: ImportedContent,
  now: string,
  textHash = sha256(content.text),
): Document {
  return {
    id: ctx.newId('doc'),
    title: content.title,
    text: content.text,
    blocks: content.blocks,
    marks: content.marks,
    // A file that names no language is given the one its script leaves no doubt about.
    source: inSchemaOrder(
      SourceMeta,
      withLanguage(
        { ...content.source, accessedDate: content.source.accessedDate ?? now },
        content.text,
      ),
    ),
    format: content.format,
    contentHash: content.contentHash,
    ...(content.original ? { original: content.original } : {}),
    textHash,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Stores an imported document, with its comments as highlights, in the running command. */
export function storeNewDocument(
  ctx: CoreContext,
  tx: Tx,
  content: ImportedContent,
  textHash?: string,
): Document {
  const document = newDocument(ctx, content, tx.now, textHash);
  const annotations = commentHighlights(ctx, document, content.comments ?? [], tx.now);
  tx.setFile(document.id, { schemaVersion: SCHEMA_VERSION, document, annotations });
  return document;
}

/** Stores an imported document as one undoable command. */
export function addDocument(ctx: CoreContext, content: ImportedContent): Promise<Document> {
  return ctx.command('Import document', (tx) => storeNewDocument(ctx, tx, content));
}
