// Which document here an annotation's address means: the document the user chose for that
// address, else our own id in a workbench export's address, else the document whose source
// URL is the same page (normalised: scheme, trailing slash and fragment aside).
import type { DocumentFile } from '../../../shared/model';
import type { Tx } from '../../store/tx';
import { normaliseUrl, workbenchDocumentId } from './match-url';

export interface ChosenDocument {
  url: string;
  documentId: string;
}

export function documentMatcher(tx: Tx, chosen: readonly ChosenDocument[]) {
  const byUrl = new Map<string, string>();
  // The catalog's summaries: matching addresses reads no document's text.
  for (const { document } of tx.summaries()) {
    const { url } = document.source;
    if (url && !byUrl.has(normaliseUrl(url))) byUrl.set(normaliseUrl(url), document.id);
  }
  const choice = new Map<string, string>();
  for (const c of chosen) {
    tx.document(c.documentId); // an unknown document refuses the whole import
    choice.set(normaliseUrl(c.url), c.documentId);
  }
  return (url: string): DocumentFile | undefined => {
    const key = normaliseUrl(url);
    const own = workbenchDocumentId(url);
    const id = choice.get(key) ?? (own && tx.hasDocument(own) ? own : undefined) ?? byUrl.get(key);
    return id ? tx.document(id) : undefined;
  };
}
