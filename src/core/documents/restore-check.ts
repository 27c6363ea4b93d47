// A backup judged as a whole before a byte of it is written: the workspace it would make
// (what is here plus what it brings) is checked with the same integrity rules a workspace
// is opened with (store/integrity.ts), so a backup that would leave a file reported as
// damaged, or workspace.json unusable and the whole workspace read-only after the next
// start, is refused with its reasons instead. Ids used twice inside the backup, which the
// rules cannot see once the records are written over each other, are refused too.
import { SCHEMA_VERSION, type DocumentFile, type WorkspaceFile } from '../../shared/model';
import type { Backup } from '../export/snapshot';
import { inspectDocument, inspectWorkspace, type Finding } from '../store/integrity';
import { newId } from '../store/load';
import type { Tx } from '../store/tx';

/** "entities[4] (ent_x)" as a person reads it: entity "ent_x". */
function readable(record: string | undefined): string {
  const match = /^(entities|notes|annotations)\[\d+\] \((.*)\)$/.exec(record ?? '');
  if (!match) return record ?? '';
  const kind = { entities: 'entity', notes: 'note', annotations: 'highlight' }[match[1]!];
  return `${kind} "${match[2]}"`;
}

const say = (where: string, f: Finding): string =>
  `${[where, readable(f.record)].filter(Boolean).join(', ')}: ${f.reason}`;

function repeated(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.has(id) || !seen.add(id)))];
}

/**
 * Why restoring `backup` here would leave the workspace damaged: one line per problem,
 * none when it is sound. `damagedIds` are documents here whose files could not be read.
 */
export function restoreProblems(tx: Tx, backup: Backup, damagedIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const id of repeated(backup.documents.map((d) => d.document.id)))
    problems.push(`document "${id}" is in the backup twice`);
  for (const id of repeated(backup.documents.flatMap((d) => d.annotations.map((a) => a.id))))
    problems.push(`highlight "${id}" is in the backup twice`);

  // The highlight ids here, from the catalog: checking a backup reads no document's text.
  const here = [...tx.summaries()].flatMap((s) => s.annotationIds);
  const entityIds = new Set([...tx.entities, ...backup.entities].map((e) => e.id));
  const seenAnnotationIds = new Set(here);
  for (const d of backup.documents) {
    const file: DocumentFile = { schemaVersion: SCHEMA_VERSION, ...d };
    const { findings } = inspectDocument(file, { entityIds, seenAnnotationIds, newId });
    problems.push(...findings.map((f) => say(`document "${d.document.id}"`, f)));
  }

  const documentIds = new Set([
    ...tx.documentIds(),
    ...damagedIds,
    ...backup.documents.map((d) => d.document.id),
  ]);
  const annotationIds = new Set([
    ...here,
    ...backup.documents.flatMap((d) => d.annotations.map((a) => a.id)),
  ]);
  const workspace = (entities: WorkspaceFile['entities'], notes: WorkspaceFile['notes']) =>
    inspectWorkspace(
      { schemaVersion: SCHEMA_VERSION, entities, notes },
      { documentIds, annotationIds, newId },
    ).findings.map((f) => say('', f));
  // Only what the backup brings: anything said of the workspace alone was here before.
  const before = new Set(workspace([...tx.entities], [...tx.notes]));
  problems.push(
    ...workspace([...tx.entities, ...backup.entities], [...tx.notes, ...backup.notes]).filter(
      (p) => !before.has(p),
    ),
  );
  return problems;
}
