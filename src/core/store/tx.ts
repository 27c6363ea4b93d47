// One command's view of the workspace while it runs: reads see the command's own changes,
// writes go to copies of the touched files (records are immutable and replaced, never
// edited), and nothing reaches the store's state until every file is on disk. When the
// command ends, its changes are listed as record-level operations, each with the record
// before and after and its place in its list: enough to write the files, update the
// search index, tell the hosts which ids changed, and undo or redo it exactly.
import type {
  Annotation,
  Codebook,
  DocumentFile,
  Entity,
  HighlightLink,
  Note,
  WorkspaceFile,
} from '../../shared/model';
import { codebookOf } from '../../shared/codebook/codebook';
import { notFound, readOnly } from '../../shared/errors';
import { summarize, withHighlights, type Catalog, type DocumentSummary } from './catalog';
import { diff, WORKSPACE_RECORDS, type Op } from './ops';

// The operations live in ./ops.ts; they are re-exported so a command's code imports one module.
export { applyOps, invert, type Op } from './ops';

/**
 * The workspace as a command sees it: workspace.json, the catalog of every document, and
 * the documents read so far. A document not read yet is asked for by throwing
 * `NeedDocuments`: the store reads it and runs the command again (commands are pure
 * functions of the state, so running one again is safe).
 */
export interface StoreState {
  workspace: WorkspaceFile;
  catalog: Catalog;
  /** A document's text and highlights, if they are in memory now. */
  loaded(id: string): DocumentFile | undefined;
  /** A document's highlights read without its text (see highlights-only.ts), if they were. */
  highlights?(id: string): readonly Annotation[] | undefined;
}

/**
 * Thrown by a read of documents not in memory; the store reads them and tries again
 * (`highlightsOnly`: `highlightsOf` asked, so their highlights files may do).
 */
export class NeedDocuments extends Error {
  constructor(
    readonly ids: readonly string[],
    readonly highlightsOnly = false,
  ) {
    super(`needs ${ids.length} document(s) read first`);
  }
}

type Keyed = { id: string };

export interface Finished {
  workspace: WorkspaceFile;
  /** Each touched document as it was before the command (undefined: it is new). */
  before: ReadonlyMap<string, DocumentFile | undefined>;
  ops: Op[];
  workspaceChanged: boolean;
  /** Document files this command changed: the new file, or null for one moved to trash/. */
  touched: Map<string, DocumentFile | null>;
  /** Documents whose highlights alone were read and changed (their text was not read). */
  highlightsAlone: Map<string, { before: readonly Annotation[]; after: readonly Annotation[] }>;
  trashNames: ReadonlyMap<string, string>;
}

function setIn<T extends Keyed>(
  list: readonly T[],
  id: string,
  value: T | undefined,
  index?: number,
): T[] {
  const at = list.findIndex((r) => r.id === id);
  const next = [...list];
  if (at >= 0) {
    if (value) next[at] = value;
    else next.splice(at, 1);
  } else if (value) {
    next.splice(index ?? next.length, 0, value);
  }
  return next;
}

export class Tx {
  private ws: WorkspaceFile;
  private readonly docs = new Map<string, DocumentFile | null>();
  /** Highlight lists changed on documents whose text this command never read. */
  private readonly lists = new Map<string, Annotation[]>();
  private readonly trashNames = new Map<string, string>();

  constructor(
    private readonly base: StoreState,
    /** Why a document cannot be changed (its file was reported damaged), if it cannot. */
    private readonly blocked: (documentId: string) => string | undefined,
    readonly now: string,
  ) {
    this.ws = base.workspace;
  }

  // Reads, seeing this command's own changes.

  get entities(): readonly Entity[] {
    return this.ws.entities;
  }
  get notes(): readonly Note[] {
    return this.ws.notes;
  }
  /** The workspace's codebook, or the default one it stands on until first changed. */
  get codebook(): Codebook {
    return codebookOf(this.ws);
  }
  /** The codebook workspace.json holds, undefined while it is the default one. */
  get ownCodebook(): Codebook | undefined {
    return this.ws.codebook;
  }
  get links(): readonly HighlightLink[] {
    return this.ws.links ?? [];
  }
  entity(id: string): Entity {
    const found = this.ws.entities.find((e) => e.id === id);
    if (!found) throw notFound('entity', id);
    return found;
  }
  hasDocument(id: string): boolean {
    return this.docs.has(id) ? this.docs.get(id) !== null : this.base.catalog.has(id);
  }
  document(id: string): DocumentFile {
    if (this.docs.has(id)) {
      const own = this.docs.get(id);
      if (own) return own;
      throw notFound('document', id);
    }
    const file = this.base.loaded(id);
    if (file) return file;
    const why = this.blocked(id);
    if (why) throw readOnly(`documents/${id}.json ${why}`);
    if (this.base.catalog.has(id)) throw new NeedDocuments([id]);
    throw notFound('document', id);
  }
  /**
   * These documents (those that exist), all read at once first: a command that goes
   * through several asks for them together rather than one read, and one run, each.
   */
  documentsOf(ids: Iterable<string>): DocumentFile[] {
    const wanted = [...new Set(ids)].filter((id) => this.hasDocument(id));
    const missing = wanted.filter(
      (id) => !this.docs.has(id) && !this.base.loaded(id) && !this.blocked(id),
    );
    if (missing.length) throw new NeedDocuments(missing);
    return wanted.map((id) => this.document(id));
  }

  /**
   * The highlights of these documents (those that exist), without their texts when those
   * are not in memory: for a command that changes highlights alone (untagging an entity).
   * A document it also asks whole for (`document`) is then read whole and used as such.
   */
  highlightsOf(
    ids: Iterable<string>,
  ): { documentId: string; annotations: readonly Annotation[] }[] {
    const wanted = [...new Set(ids)].filter((id) => this.hasDocument(id));
    const missing = wanted.filter((id) => !this.annotationsOf(id) && !this.blocked(id));
    if (missing.length) throw new NeedDocuments(missing, true);
    return wanted.map((id) => {
      const annotations = this.annotationsOf(id);
      if (!annotations) throw readOnly(`documents/${id}.json ${this.blocked(id)}`);
      return { documentId: id, annotations };
    });
  }
  private annotationsOf(id: string): readonly Annotation[] | undefined {
    if (this.docs.has(id)) return this.docs.get(id)?.annotations;
    return this.base.loaded(id)?.annotations ?? this.aloneHighlights(id);
  }
  /** A document's highlights read alone, when its whole file is not in this command's view. */
  private aloneHighlights(id: string): readonly Annotation[] | undefined {
    if (this.docs.has(id) || this.base.loaded(id)) return undefined;
    const list = this.lists.get(id) ?? this.base.highlights?.(id);
    const why = list && this.blocked(id);
    if (why) throw readOnly(`documents/${id}.json ${why}`);
    return list;
  }

  /** Every document with its text and highlights: all are read first (a scan). */
  *documents(): Iterable<DocumentFile> {
    const ids = this.documentIds();
    const missing = ids.filter((id) => !this.docs.has(id) && !this.base.loaded(id));
    if (missing.length) throw new NeedDocuments(missing);
    for (const id of ids) yield this.document(id);
  }
  documentIds(): string[] {
    const ids = new Set(this.base.catalog.ids());
    for (const [id, file] of this.docs) {
      if (file) ids.add(id);
      else ids.delete(id);
    }
    return [...ids];
  }
  /** What the catalog knows of every document (its record without the text): no reads. */
  *summaries(): Iterable<DocumentSummary> {
    for (const id of this.documentIds()) {
      const own = this.docs.get(id);
      const list = this.lists.get(id);
      const listed = this.base.catalog.get(id);
      const summary = own
        ? summarize(own)
        : list && listed
          ? withHighlights(listed.document, list)
          : listed;
      if (summary) yield summary;
    }
  }
  /** The highlight with this id, on whichever document it is. */
  annotation(id: string): Annotation {
    for (const file of this.docs.values()) {
      const found = file?.annotations.find((a) => a.id === id);
      if (found) return found;
    }
    for (const list of this.lists.values()) {
      const found = list.find((a) => a.id === id);
      if (found) return found;
    }
    const home = this.base.catalog.documentOf(id);
    if (home && !this.docs.has(home) && !this.lists.has(home)) {
      const found = this.document(home).annotations.find((a) => a.id === id);
      if (found) return found;
    }
    throw notFound('highlight', id);
  }

  // Writes: each replaces or removes one record; `index` places a restored record.

  setEntity(id: string, entity: Entity | undefined, index?: number): void {
    this.ws = { ...this.ws, entities: setIn(this.ws.entities, id, entity, index) };
  }
  setNote(id: string, note: Note | undefined, index?: number): void {
    this.ws = { ...this.ws, notes: setIn(this.ws.notes, id, note, index) };
  }
  /** Replaces the codebook; undefined takes the workspace back to the default one. */
  setCodebook(codebook: Codebook | undefined): void {
    const { codebook: _old, ...rest } = this.ws;
    this.ws = codebook ? { ...rest, codebook } : rest;
  }
  /** The last link removed takes the field away, so an undo leaves the file as it was. */
  setLink(id: string, link: HighlightLink | undefined, index?: number): void {
    const { links: _old, ...rest } = this.ws;
    const links = setIn(this.ws.links ?? [], id, link, index);
    this.ws = links.length ? { ...rest, links } : rest;
  }
  setAnnotation(
    documentId: string,
    id: string,
    annotation: Annotation | undefined,
    index?: number,
  ): void {
    const alone = this.aloneHighlights(documentId);
    if (alone) {
      this.lists.set(documentId, setIn(alone, id, annotation, index));
      return;
    }
    const file = this.writable(documentId);
    this.docs.set(documentId, {
      ...file,
      annotations: setIn(file.annotations, id, annotation, index),
    });
  }
  setDocument(document: DocumentFile['document']): void {
    const file = this.writable(document.id);
    this.docs.set(document.id, { ...file, document });
  }
  /** Adds a whole document file, or (undefined) moves it to trash/ under `trashName`. */
  setFile(id: string, file: DocumentFile | undefined, trashName?: string): void {
    if (file) {
      const why = this.blocked(id);
      if (why) throw readOnly(`documents/${id}.json ${why}`);
      // Bringing back a deleted document takes its copy out of trash/ again.
      if (trashName) this.trashNames.set(id, trashName);
    } else {
      this.writable(id);
      this.trashNames.set(id, trashName ?? `${id}-${this.now.replace(/[:.]/g, '-')}`);
    }
    this.docs.set(id, file ?? null);
  }

  private writable(id: string): DocumentFile {
    const why = this.blocked(id);
    if (why) throw readOnly(`documents/${id}.json ${why}`);
    return this.document(id);
  }

  /** The workspace as this command leaves it, for a check run before it commits. */
  get workspace(): WorkspaceFile {
    return this.ws;
  }

  /** What this command changed: the new workspace.json, the documents, and the ops. */
  finish(): Finished {
    const ops: Op[] = [];
    const wsBefore = this.base.workspace;
    diff(ops, 'entity', wsBefore.entities, this.ws.entities);
    diff(ops, 'note', wsBefore.notes, this.ws.notes);
    if (wsBefore.codebook !== this.ws.codebook)
      ops.push({
        kind: 'codebook',
        id: 'codebook',
        before: wsBefore.codebook,
        after: this.ws.codebook,
        index: 0,
      });
    diff(ops, 'link', wsBefore.links ?? [], this.ws.links ?? []);
    const touched = new Map<string, DocumentFile | null>();
    const befores = new Map<string, DocumentFile | undefined>();
    for (const [id, file] of this.docs) {
      const before = this.base.loaded(id);
      if (before === file) continue;
      touched.set(id, file);
      befores.set(id, before);
      if (!before || !file) {
        ops.push({
          kind: 'file',
          id,
          before,
          after: file ?? undefined,
          index: 0,
          trashName: this.trashNames.get(id),
        });
        continue;
      }
      if (before.document !== file.document)
        ops.push({ kind: 'document', id, before: before.document, after: file.document, index: 0 });
      const annotationOps: Op[] = [];
      diff(annotationOps, 'annotation', before.annotations, file.annotations);
      for (const op of annotationOps) ops.push({ ...op, documentId: id } as unknown as Op);
    }
    const highlightsAlone: Finished['highlightsAlone'] = new Map();
    for (const [id, after] of this.lists) {
      const before = this.base.highlights?.(id) ?? [];
      highlightsAlone.set(id, { before, after });
      const annotationOps: Op[] = [];
      diff(annotationOps, 'annotation', before, after);
      for (const op of annotationOps) ops.push({ ...op, documentId: id } as unknown as Op);
    }
    const workspaceChanged = this.ws !== wsBefore && ops.some((o) => WORKSPACE_RECORDS.has(o.kind));
    return {
      workspace: this.ws,
      before: befores,
      ops,
      workspaceChanged,
      touched,
      highlightsAlone,
      trashNames: this.trashNames,
    };
  }
}
