// Integrity beyond the schema: a file can parse and match every field's type and still be
// inconsistent (a highlight past the end of the text, an id used twice, a tag pointing at
// an entity that is gone, a `javascript:` link). Each rule here both finds its problem
// and, only when the user asks for a repair, fixes it, so what is reported and what
// repair does can never drift apart.
import { foldSpaces, reanchor } from '../../shared/anchoring';
import type {
  Annotation,
  Block,
  DocumentFile,
  Entity,
  Mark,
  Note,
  WorkspaceFile,
} from '../../shared/model';
import { SAFE_HREF } from '../../shared/text';
import { inspectCodebookAndLinks } from '../codebook/inspect';

export interface Finding {
  record?: string;
  reason: string;
  repair: string;
}

export interface Inspection<T> {
  findings: Finding[];
  /** The repaired data (equal to the input when there were no findings). */
  fixed: T;
}

export interface DocumentContext {
  /** Entity ids in workspace.json, or null when it could not be read (refs not checked). */
  entityIds: ReadonlySet<string> | null;
  /** Annotation ids seen in files checked before this one; this file's ids are added. */
  seenAnnotationIds: Pick<Set<string>, 'has' | 'add'>;
  newId: (prefix: string) => string;
}

const annotationLabel = (a: Annotation, i: number): string => `annotations[${i}] (${a.id})`;

function inspectBlocks(blocks: readonly Block[], length: number, findings: Finding[]): Block[] {
  const kept: Block[] = [];
  let lastPage = 0;
  blocks.forEach((b, i) => {
    const previous = kept[kept.length - 1];
    let reason: string | undefined;
    // A figure may have no caption or alt text: its range is then empty.
    if (b.start > b.end || (b.start === b.end && b.kind !== 'figure'))
      reason = `it is empty or reversed (${b.start}–${b.end})`;
    else if (b.end > length) reason = `it ends at ${b.end}, past the end of the text (${length})`;
    else if (previous && b.start < previous.end)
      reason = `it starts at ${b.start}, inside or before the block before it (ends ${previous.end})`;
    if (reason) findings.push({ record: `blocks[${i}]`, reason, repair: 'drop the block' });
    else if (b.page !== undefined && b.page < lastPage) {
      // Pages only go forward along the text; a page out of order would cite a quote to
      // the wrong page, so its number is dropped rather than trusted.
      findings.push({
        record: `blocks[${i}]`,
        reason: `it is on page ${b.page}, after a block on page ${lastPage}`,
        repair: 'remove its page number',
      });
      const { page: _dropped, ...unpaged } = b;
      kept.push(unpaged);
    } else {
      kept.push(b);
      lastPage = b.page ?? lastPage;
    }
  });
  return kept;
}

function inspectMarks(marks: readonly Mark[], length: number, findings: Finding[]): Mark[] {
  return marks.filter((m, i) => {
    let reason: string | undefined;
    if (m.start >= m.end || m.end > length)
      reason = `its range ${m.start}–${m.end} is not inside the text (${length})`;
    else if (m.kind === 'link' && !(m.href && SAFE_HREF.test(m.href)))
      reason = `its link address ${JSON.stringify(m.href ?? '')} is not http(s) or mailto`;
    if (reason) findings.push({ record: `marks[${i}]`, reason, repair: 'drop the mark' });
    return !reason;
  });
}

/** Why an annotation's stored anchoring does not fit the text, if it does not. */
function anchoringProblem(a: Annotation, text: string, revision: number): string | undefined {
  const { start, end } = a.target.position;
  if (a.anchoredRevision !== revision)
    return `it was anchored against revision ${a.anchoredRevision}, but the text is at revision ${revision}`;
  // An area highlight covers a region of a page, not words: its range is empty by design.
  if (start > end || (start === end && !a.target.region))
    return `its range ${start}–${end} is empty or reversed`;
  if (end > text.length) return `it ends at ${end}, past the end of the text (${text.length})`;
  // "Moved" means the quote was found with white space ignored (a re-wrapped line).
  if (
    (a.status === 'anchored' || a.status === 'moved') &&
    foldSpaces(text.slice(start, end)) !== foldSpaces(a.target.quote.exact)
  )
    return `it is marked ${a.status}, but the text at ${start}–${end} is not its quote`;
  return undefined;
}

export function inspectDocument(
  file: DocumentFile,
  ctx: DocumentContext,
): Inspection<DocumentFile> {
  const findings: Finding[] = [];
  const { document } = file;
  const { text, revision } = document;
  const blocks = inspectBlocks(document.blocks, text.length, findings);
  const marks = inspectMarks(document.marks, text.length, findings);
  const annotations = file.annotations.map((original, i) => {
    let a = original;
    const record = annotationLabel(original, i);
    if (a.documentId !== document.id) {
      findings.push({
        record,
        reason: `it names document "${a.documentId}"`,
        repair: `set it to "${document.id}"`,
      });
      a = { ...a, documentId: document.id };
    }
    if (ctx.seenAnnotationIds.has(a.id)) {
      const id = ctx.newId('ann');
      findings.push({
        record,
        reason: 'its id is used by another highlight',
        repair: `give it the new id "${id}"`,
      });
      a = { ...a, id };
    }
    ctx.seenAnnotationIds.add(a.id);
    const misplaced = anchoringProblem(a, text, revision);
    if (misplaced) {
      a = reanchor(a, text, revision);
      findings.push({
        record,
        reason: misplaced,
        repair: `re-anchor it by its quote (${a.status})`,
      });
    }
    const known = ctx.entityIds;
    const missing = known ? a.entityIds.filter((id) => !known.has(id)) : [];
    if (missing.length) {
      findings.push({
        record,
        reason: `it is tagged to ${missing.map((id) => `"${id}"`).join(', ')}, not in workspace.json`,
        repair: 'remove the tag',
      });
      a = { ...a, entityIds: a.entityIds.filter((id) => !missing.includes(id)) };
    }
    return a;
  });
  if (!findings.length) return { findings, fixed: file };
  return { findings, fixed: { ...file, document: { ...document, blocks, marks }, annotations } };
}

export interface WorkspaceContext {
  documentIds: ReadonlySet<string>;
  /** null when some document could not be read, so links to highlights are not judged. */
  annotationIds: Pick<ReadonlySet<string>, 'has'> | null;
  newId: (prefix: string) => string;
}

function dropDangling(note: Note, label: string, ctx: WorkspaceContext, findings: Finding[]): Note {
  const fields = [
    ['documentIds', ctx.documentIds],
    ['annotationIds', ctx.annotationIds],
  ] as const;
  let fixed = note;
  for (const [field, known] of fields) {
    if (!known) continue;
    const missing = note[field].filter((id) => !known.has(id));
    if (!missing.length) continue;
    findings.push({
      record: label,
      reason: `its ${field} name ${missing.map((id) => `"${id}"`).join(', ')}, which do not exist`,
      repair: 'remove those links',
    });
    fixed = { ...fixed, [field]: note[field].filter((id) => known.has(id)) };
  }
  return fixed;
}

export function inspectWorkspace(
  ws: WorkspaceFile,
  ctx: WorkspaceContext,
): Inspection<WorkspaceFile> {
  const findings: Finding[] = [];
  const entityIds = new Set<string>();
  const entities = ws.entities.filter((e, i) => {
    if (!entityIds.has(e.id)) return entityIds.add(e.id);
    findings.push({
      record: `entities[${i}] (${e.id})`,
      reason: 'its id is used by another entity',
      repair: 'drop this copy',
    });
    return false;
  });
  const checked = entities.map((e, i) => inspectEventRefs(e, i, entityIds, findings));
  const noteIds = new Set<string>();
  const notes = ws.notes.map((n, i) => {
    const label = `notes[${i}] (${n.id})`;
    let note = n;
    if (noteIds.has(n.id)) {
      const id = ctx.newId('note');
      findings.push({
        record: label,
        reason: 'its id is used by another note',
        repair: `give it the new id "${id}"`,
      });
      note = { ...note, id };
    }
    noteIds.add(note.id);
    note = dropDangling(note, label, ctx, findings);
    const missingEntities = note.entityIds.filter((id) => !entityIds.has(id));
    if (missingEntities.length) {
      findings.push({
        record: label,
        reason: `it links entities ${missingEntities.map((id) => `"${id}"`).join(', ')}, which do not exist`,
        repair: 'remove those links',
      });
      note = { ...note, entityIds: note.entityIds.filter((id) => entityIds.has(id)) };
    }
    return note;
  });
  const rest = inspectCodebookAndLinks(ws, ctx.annotationIds, findings);
  if (!findings.length) return { findings, fixed: ws };
  return { findings, fixed: { ...rest, entities: checked, notes } };
}

/** An event's place and participants must be entities of this workspace, and not itself. */
function inspectEventRefs(
  e: Entity,
  i: number,
  known: ReadonlySet<string>,
  findings: Finding[],
): Entity {
  const record = `entities[${i}] (${e.id})`;
  const resolves = (id: string): boolean => known.has(id) && id !== e.id;
  let fixed = e;
  if (e.placeId !== undefined && !resolves(e.placeId)) {
    findings.push({
      record,
      reason: `its place "${e.placeId}" is not another entity in workspace.json`,
      repair: 'remove the place',
    });
    const { placeId: _dropped, ...rest } = fixed;
    fixed = rest;
  }
  const missing = (e.participants ?? []).filter((p) => !resolves(p.entityId));
  if (missing.length) {
    findings.push({
      record,
      reason: `its participants ${missing.map((p) => `"${p.entityId}"`).join(', ')} are not other entities in workspace.json`,
      repair: 'remove those participants',
    });
    fixed = { ...fixed, participants: (e.participants ?? []).filter((p) => resolves(p.entityId)) };
  }
  return fixed;
}
