// Living sources: a document's provenance edited as an undoable command, and a newer
// version of a file imported onto the document it updates (or recognised as bytes
// already here), its highlights re-anchored against the new text.
import type {
  ImportOutcome,
  ImportReport,
  MatchReason,
  SourcePatch,
  WorkbenchHandlers,
} from '../../shared/api';
import { COMMENT_HIGHLIGHT, tally } from '../../shared/import-report';
import { reanchorAll } from '../../shared/anchoring';
import { SourceMeta, type Annotation, type Document, type DocumentFile } from '../../shared/model';
import { inSchemaOrder } from '../../shared/record-order';
import type { CoreContext } from '../context';
import { sha256 } from '../hash';
import { type ImportedContent } from '../importers/plain-text';
import type { DocumentMeta } from '../store/catalog';
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
  return inSchemaOrder(SourceMeta, next);
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

/**
 * A newer version's comments are not added as highlights (the older version's would be
 * there twice): the report says so.
 */
function updateReport(content: ImportedContent): ImportReport {
  const report: ImportReport = {
    kept: (content.report?.kept ?? []).filter((l) => l.what !== COMMENT_HIGHLIGHT),
    dropped: [...(content.report?.dropped ?? [])],
  };
  tally(
    report.dropped,
    'comment (not added when updating a document)',
    content.comments?.length ?? 0,
    'comments (not added when updating a document)',
  );
  return report;
}

const sameUrl = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.replace(/[#/]+$/, '').toLowerCase() === b.replace(/[#/]+$/, '').toLowerCase();

/** The document this import is a newer version of, judged by URL, then file name, then title. */
export function findMatch(
  tx: Tx,
  content: ImportedContent,
): { file: DocumentFile; reason: MatchReason } | undefined {
  // Judged on the catalog's records: no document's text is read to find its match.
  const records = [...tx.summaries()].map((s) => s.document);
  const by = (reason: MatchReason, test: (d: DocumentMeta) => boolean) => {
    const found = records.find(test);
    return found ? { file: tx.document(found.id), reason } : undefined;
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
    const same = [...tx.summaries()].find((s) => s.document.contentHash === content.contentHash);
    if (same) {
      const { id, title } = same.document;
      // A document imported before originals were kept gets the file it was read from.
      if (!same.document.original && content.original && !ctx.store.blocked(id))
        tx.setDocument({ ...tx.document(id).document, original: content.original });
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
        ...(content.original ? { original: content.original } : {}),
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
        ...(content.report || content.comments?.length ? { report: updateReport(content) } : {}),
      };
    }
    const match = onMatch === 'ask' ? findMatch(tx, content) : undefined;
    if (match) {
      const { id, title } = match.file.document;
      return { fileName, kind: 'match', documentId: id, title, reason: match.reason };
    }
    const document = add(tx);
    return {
      fileName,
      kind: 'document',
      documentId: document.id,
      title: document.title,
      ...(content.report ? { report: content.report } : {}),
    };
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
