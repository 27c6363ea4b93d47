// The link index of the workspace as it is now: rebuilt only when the entities, the
// documents or the notes change, so `[[...]]` links and backlinks resolve against current
// names and titles.
import { useMemo } from 'react';
import type { DocumentListItem } from '../../../shared/api';
import { selectDocumentList } from '../store/documents';
import { selectEntities } from '../store/entities';
import { selectNotes } from '../store/notes';
import { useSelector } from '../workbench/context';
import { buildLinkIndex, type LinkIndex } from '../lib/note-links';

const NO_DOCUMENTS: DocumentListItem[] = [];

export function useLinkIndex(): LinkIndex {
  const entities = useSelector(selectEntities);
  const documents = useSelector(selectDocumentList) ?? NO_DOCUMENTS;
  const notes = useSelector(selectNotes);
  return useMemo(() => buildLinkIndex(entities, documents, notes), [entities, documents, notes]);
}
