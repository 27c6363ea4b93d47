// The lang and dir to give a document's words wherever a list or panel quotes them (a
// highlight's quote, a passage, a mention in its context, a search snippet), so a French
// quote is read as French and a Persian one runs right to left inside an English panel.
// Without a known language the words are isolated with dir="auto".
import { selectDocumentLanguage, type TextLanguage } from '../store/documents';
import { useSelector, useWorkbench } from '../workbench/context';

/** lang and dir for one document's words. */
export function useDocumentLanguage(documentId: string | undefined): TextLanguage {
  return useSelector((state) => selectDocumentLanguage(state, documentId));
}

/** lang and dir for the words of any document, for lists that quote several. */
export function useLanguages(): (documentId: string | undefined) => TextLanguage {
  const { store } = useWorkbench();
  // Re-read when the library's list changes (a language edited in a document's details).
  useSelector((state) => state.documents.list);
  return (documentId) => selectDocumentLanguage(store.getState(), documentId);
}
