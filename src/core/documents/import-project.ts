// A REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder or
// our own export, brought in as one undoable command: its codes (../codebook/import-codes),
// its text sources as documents (with the source details its variables give), its coded
// selections as highlights tagged to those codes, its notes (a note on a selection becomes
// the highlight's note, any other a free-standing note linked to what it is about) and its
// links. A source whose text is already here is not added again, and a selection already
// highlighted is not highlighted twice. Whatever has no place here is listed, not dropped
// silently.
import type { ImportOutcome, ProjectReport } from '../../shared/methods/documents';
import { describeRange } from '../../shared/anchoring';
import { plainTextToBlocks } from '../../shared/blocks';
import {
  SCHEMA_VERSION,
  Timestamp,
  type Annotation,
  type Document,
  type Note,
  type SourceMeta,
} from '../../shared/model';
import type { CoreContext } from '../context';
import { importCodes, type CodeMap } from '../codebook/import-codes';
import { normGuid } from '../export/qdpx/guid';
import { ImportError } from '../importers/import-error';
import { openQdpx, type OpenedProject } from '../importers/interchange/read-qdpx';
import { readCodebook, type QdaCode, type QdaSource } from '../importers/interchange/read-qde';
import { sha256 } from '../hash';
import type { Tx } from '../store/tx';
import { newDocument } from './handlers';

const FIELD: Record<string, keyof SourceMeta> = {
  author: 'author',
  publisher: 'publisher',
  url: 'url',
  doi: 'doi',
  published: 'publishedDate',
  accessed: 'accessedDate',
  language: 'language',
};

function emptyReport(kind: ProjectReport['kind'], origin: string | undefined): ProjectReport {
  return {
    kind,
    ...(origin ? { origin: origin.slice(0, 200) } : {}),
    documents: 0,
    highlights: 0,
    codes: 0,
    kinds: 0,
    entities: 0,
    notes: 0,
    links: 0,
    alreadyHere: 0,
    unmapped: [],
  };
}

/** Paragraph blocks over the text as it is (the positions must keep their meaning). */
function blocksOf(text: string): Document['blocks'] {
  const { text: canonical, blocks } = plainTextToBlocks(text);
  if (canonical === text) return blocks;
  const out: Document['blocks'] = [];
  for (const m of text.matchAll(/[^\n]*\S[^\n]*/g))
    out.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length });
  return out;
}

function sourceDetails(s: QdaSource, variables: Map<string, string>, fileName: string): SourceMeta {
  const meta: SourceMeta = { fileName: fileName.slice(0, 500) };
  for (const [guid, value] of s.values) {
    const field = FIELD[variables.get(guid)?.toLowerCase() ?? ''];
    if (field && field !== 'direction') meta[field] = value.slice(0, field === 'url' ? 2048 : 500);
  }
  return meta;
}

function addSources(
  ctx: CoreContext,
  tx: Tx,
  opened: OpenedProject,
  fileName: string,
  report: ProjectReport,
): Map<string, { doc: Document; source: QdaSource }> {
  const out = new Map<string, { doc: Document; source: QdaSource }>();
  const byHash = new Map([...tx.documents()].map((f) => [f.document.contentHash, f.document]));
  for (const source of opened.project.sources) {
    const found = opened.texts.get(source.guid);
    if (!found) continue;
    const contentHash = sha256(found.text);
    const known = byHash.get(contentHash);
    if (known) {
      report.alreadyHere++;
      out.set(normGuid(source.guid), { doc: known, source });
      continue;
    }
    const made = newDocument(
      ctx,
      {
        title: source.name.slice(0, 500),
        text: found.text,
        blocks: blocksOf(found.text),
        marks: [],
        source: sourceDetails(source, opened.project.variables, fileName),
        format: 'qdpx',
        contentHash,
      },
      tx.now,
    );
    tx.setFile(made.id, { schemaVersion: SCHEMA_VERSION, document: made, annotations: [] });
    byHash.set(contentHash, made);
    out.set(normGuid(source.guid), { doc: made, source });
    report.documents++;
    if (source.codeRefs.length)
      report.unmapped.push(
        `${source.codeRefs.length} code(s) applied to the whole of “${source.name}”`,
      );
  }
  return out;
}

const validTime = (t: string | undefined, now: string): string =>
  t && Timestamp.safeParse(t).success ? t : now;

function addHighlights(
  ctx: CoreContext,
  tx: Tx,
  opened: OpenedProject,
  docs: Map<string, { doc: Document; source: QdaSource }>,
  codes: CodeMap,
  report: ProjectReport,
): Map<string, string> {
  const selections = new Map<string, string>();
  const selectionNotes = new Set<string>();
  for (const note of opened.project.notes) {
    const onlySelections = [...docs.values()].some(({ source }) =>
      source.selections.some((s) => s.noteRefs.some((r) => normGuid(r) === normGuid(note.guid))),
    );
    if (onlySelections) selectionNotes.add(normGuid(note.guid));
  }
  const unknownCodes = new Set<string>();
  for (const { doc, source } of docs.values()) {
    const text = doc.text;
    const map = opened.texts.get(source.guid)!;
    for (const s of source.selections) {
      const start = map.offset(s.start);
      const end = map.offset(s.end);
      if (end > text.length || start >= end) {
        report.unmapped.push(
          `a selection in “${source.name}” at ${s.start}–${s.end}, past the end of its text`,
        );
        continue;
      }
      const same = tx
        .document(doc.id)
        .annotations.find(
          (a) => a.target.position.start === start && a.target.position.end === end,
        );
      if (same) {
        selections.set(normGuid(s.guid), same.id);
        continue;
      }
      const refs = s.codeRefs.map(normGuid);
      const kind = refs.map((r) => codes.kinds.get(r)).find(Boolean) ?? tx.codebook.kinds[0]!.id;
      const entityIds = [...new Set(refs.flatMap((r) => codes.entities.get(r) ?? []))];
      const tags = [...new Set(refs.flatMap((r) => codes.tags.get(r) ?? []))];
      for (const r of refs)
        if (!codes.kinds.has(r) && !codes.entities.has(r) && !codes.tags.has(r))
          unknownCodes.add(r);
      const noteTexts = [
        s.description,
        ...s.noteRefs.map((r) => opened.noteTexts.get(r) ?? opened.noteTexts.get(normGuid(r))),
      ].filter((t): t is string => !!t?.trim());
      const created = validTime(s.created, tx.now);
      const annotation: Annotation = {
        id: ctx.newId('ann'),
        documentId: doc.id,
        target: describeRange(text, start, end),
        entityIds: entityIds.slice(0, 200),
        tags: tags.slice(0, 100),
        kind,
        note: noteTexts.join('\n\n').slice(0, 100_000),
        status: 'anchored',
        anchoredRevision: doc.revision,
        createdAt: created,
        updatedAt: tx.now,
      };
      tx.setAnnotation(doc.id, annotation.id, annotation);
      selections.set(normGuid(s.guid), annotation.id);
      report.highlights++;
    }
  }
  if (unknownCodes.size)
    report.unmapped.push(
      `codings to ${unknownCodes.size} code(s) the file's codebook does not hold`,
    );
  // Notes on other things than selections become free-standing notes linked to them.
  const onEntities = new Map<string, string[]>();
  const walk = (c: QdaCode): void => {
    const entity = codes.entities.get(normGuid(c.guid));
    for (const r of c.noteRefs)
      if (entity) onEntities.set(normGuid(r), [...(onEntities.get(normGuid(r)) ?? []), entity]);
    c.children.forEach(walk);
  };
  opened.project.codes.forEach(walk);
  for (const note of opened.project.notes) {
    const guid = normGuid(note.guid);
    if (selectionNotes.has(guid)) continue;
    const body = opened.noteTexts.get(note.guid) ?? '';
    const documentIds = [...docs.values()]
      .filter(({ source }) => source.noteRefs.some((r) => normGuid(r) === guid))
      .map(({ doc }) => doc.id);
    const free: Note = {
      id: ctx.newId('note'),
      title: note.name.slice(0, 500),
      body: body.slice(0, 200_000),
      entityIds: [...new Set(onEntities.get(guid) ?? [])],
      documentIds,
      annotationIds: [],
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    tx.setNote(free.id, free);
    report.notes++;
  }
  return selections;
}

function addLinks(
  ctx: CoreContext,
  tx: Tx,
  opened: OpenedProject,
  selections: Map<string, string>,
  report: ProjectReport,
): void {
  for (const link of opened.project.links) {
    const from = link.origin && selections.get(normGuid(link.origin));
    const to = link.target && selections.get(normGuid(link.target));
    if (!from || !to || from === to) {
      report.unmapped.push(
        `the link “${link.name || link.guid}”, which does not join two selections`,
      );
      continue;
    }
    const label = (link.name || 'linked to').slice(0, 60);
    let relation = tx.codebook.relations.find(
      (r) => r.label.toLocaleLowerCase() === label.toLocaleLowerCase(),
    );
    if (!relation) {
      relation = { id: ctx.newId('rel'), label };
      tx.setCodebook({ ...tx.codebook, relations: [...tx.codebook.relations, relation] });
    }
    if (tx.links.some((l) => l.from === from && l.to === to && l.relation === relation.id))
      continue;
    const id = ctx.newId('link');
    tx.setLink(id, { id, from, to, relation: relation.id, createdAt: tx.now, updatedAt: tx.now });
    report.links++;
  }
}

export async function importProject(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportOutcome> {
  const opened = openQdpx(bytes, fileName);
  if (!opened.project.sources.length && !opened.project.codes.length)
    throw new ImportError(fileName, 'its project holds no text sources and no codes');
  const report = await ctx.command('Import REFI-QDA project', (tx) => {
    const r = emptyReport('project', opened.project.origin);
    r.unmapped.push(...opened.project.unmapped);
    const codes = importCodes(ctx, tx, opened.project.codes, r.unmapped);
    Object.assign(r, codes.added);
    const docs = addSources(ctx, tx, opened, fileName, r);
    const selections = addHighlights(ctx, tx, opened, docs, codes, r);
    addLinks(ctx, tx, opened, selections, r);
    return r;
  });
  return { fileName, kind: 'project', report };
}

export async function importCodebookFile(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportOutcome> {
  const book = readCodebook(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), fileName);
  if (!book.codes.length) throw new ImportError(fileName, 'its codebook holds no codes');
  const report = await ctx.command('Import codebook', (tx) => {
    const r = emptyReport('codebook', book.origin);
    r.unmapped.push(...book.unmapped);
    Object.assign(r, importCodes(ctx, tx, book.codes, r.unmapped).added);
    return r;
  });
  return { fileName, kind: 'project', report };
}
