// Living sources: a document's provenance edited as an undoable command, and a newer
// version of a file imported onto the document it updates (or recognised as bytes
// already here), its highlights re-anchored against the new text.
import type { ImportOutcome, MatchReason, SourcePatch, WorkbenchHandlers } from '../../shared/api';
import { reanchorAll } from '../../shared/anchoring';
import type { Annotation, Document, DocumentFile, SourceMeta } from '../../shared/model';
import type { CoreContext } from '../context';
import { sha256 } from '../hash';
import { type ImportedContent } from '../importers/plain-text';
import type { Tx } from '../store/tx';

type Handlers = Pick<WorkbenchHandlers, 'documents.updateMetadata'>;

/** The source with the patch applied: a value replaces, an empty string removes. */
export function patchSource(source: SourceMeta, patch: SourcePatch): SourceMeta {
  const next: Record<string, string | undefined> = { ...source };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * Stores `next` (a new revision of the document's text) and re-anchors every highlight
 * against it in the same command. Returns how many now need a look (fuzzy or orphaned).
 */
export function storeRevision(tx: Tx, next: Document, annotations: readonly Annotation[]): number {
  tx.setDocument({ ...next, textHash: sha256(next.text) });
  let review = 0;
  for (const a of reanchorAll(annotations, next.text, next.revision)) {
    if (a.status === 'fuzzy' || a.status === 'orphaned') review += 1;
    tx.setAnnotation(next.id, a.id, a);
  }
  return review;
}

const sameUrl = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.replace(/[#/]+$/, '').toLowerCase() === b.replace(/[#/]+$/, '').toLowerCase();

/** The document this import is a newer version of, judged by URL, then file name, then title. */
export function findMatch(
  tx: Tx,
  content: ImportedContent,
): { file: DocumentFile; reason: MatchReason } | undefined {
  const files = [...tx.documents()];
  const by = (reason: MatchReason, test: (d: Document) => boolean) => {
    const file = files.find((f) => test(f.document));
    return file ? { file, reason } : undefined;
  };
  const { url, fileName } = content.source;
  return (
    by('url', (d) => sameUrl(d.source.url, url)) ??
    by('file name', (d) => !!fileName && d.source.fileName === fileName) ??
    by('title', (d) => d.title.trim().toLowerCase() === content.title.trim().toLowerCase())
  );
}

/**
 * One import as one command: identical bytes open the document already here; a likely
 * newer version is reported (onMatch "ask") or becomes the target's next revision
 * ("update"); anything else is added. The checks run in the command that writes.
 */
export function importContent(
  ctx: CoreContext,
  content: ImportedContent,
  fileName: string,
  onMatch: 'ask' | 'update' | 'new',
  targetId: string | undefined,
  add: (tx: Tx) => Document,
): Promise<ImportOutcome> {
  const label = onMatch === 'update' ? 'Update document' : 'Import document';
  return ctx.command(label, (tx): ImportOutcome => {
    const same = [...tx.documents()].find((f) => f.document.contentHash === content.contentHash);
    if (same) {
      const { id, title } = same.document;
      return { fileName, kind: 'duplicate', documentId: id, title };
    }
    if (onMatch === 'update' && targetId) {
      const { document, annotations } = tx.document(targetId);
      const next: Document = {
        ...document,
        text: content.text,
        blocks: content.blocks,
        marks: content.marks,
        format: content.format,
        contentHash: content.contentHash,
        source: { ...document.source, ...content.source, accessedDate: tx.now },
        revision: document.revision + 1,
        updatedAt: tx.now,
      };
      const review = storeRevision(tx, next, annotations);
      return {
        fileName,
        kind: 'updated',
        documentId: next.id,
        title: next.title,
        revision: next.revision,
        review,
      };
    }
    const match = onMatch === 'ask' ? findMatch(tx, content) : undefined;
    if (match) {
      const { id, title } = match.file.document;
      return { fileName, kind: 'match', documentId: id, title, reason: match.reason };
    }
    const document = add(tx);
    return { fileName, kind: 'document', documentId: document.id, title: document.title };
  });
}

export function sourceHandlers(ctx: CoreContext): Handlers {
  return {
    'documents.updateMetadata': ({ id, patch }) =>
      ctx.command('Edit document details', (tx) => {
        const { document } = tx.document(id);
        const next: Document = {
          ...document,
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          source: patch.source ? patchSource(document.source, patch.source) : document.source,
          updatedAt: tx.now,
        };
        tx.setDocument(next);
        return next;
      }),
  };
}
