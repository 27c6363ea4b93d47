// A note's links to documents and highlights, checked when a note is saved and dropped when
// what they name is deleted, in the same command. A link to a record that is gone would be
// reported as damage the next time the workspace opens, so none may be left behind.
import type { Note } from '../../shared/model';
import { notFound } from '../../shared/errors';
import type { Tx } from '../store/tx';

type Links = Partial<Pick<Note, 'entityIds' | 'documentIds' | 'annotationIds'>>;

/** Refuses links to entities, documents or highlights this workspace does not hold. */
export function requireNoteLinks(tx: Tx, links: Links): void {
  const check = (what: string, ids: readonly string[] | undefined, known: () => Set<string>) => {
    if (!ids?.length) return;
    const have = known();
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length) throw notFound(what, missing.join('", "'));
  };
  check('entity', links.entityIds, () => new Set(tx.entities.map((e) => e.id)));
  check('document', links.documentIds, () => new Set(tx.documentIds()));
  check(
    'highlight',
    links.annotationIds,
    () => new Set([...tx.summaries()].flatMap((s) => s.annotationIds)),
  );
}

/** Removes links to these documents and highlights from every note that has them. */
export function unlinkFromNotes(
  tx: Tx,
  gone: { documentIds?: ReadonlySet<string>; annotationIds?: ReadonlySet<string> },
): void {
  const keep = (ids: readonly string[], drop: ReadonlySet<string> | undefined): string[] =>
    drop ? ids.filter((id) => !drop.has(id)) : [...ids];
  for (const note of tx.notes) {
    const documentIds = keep(note.documentIds, gone.documentIds);
    const annotationIds = keep(note.annotationIds, gone.annotationIds);
    if (
      documentIds.length === note.documentIds.length &&
      annotationIds.length === note.annotationIds.length
    )
      continue;
    tx.setNote(note.id, { ...note, documentIds, annotationIds });
  }
}
