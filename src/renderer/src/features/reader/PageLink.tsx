// A highlight's page, as a citation gives it ("p. 3"), for a document whose original PDF
// is kept: a button that opens the page view at that page, so the quote can be checked
// against the page it is printed on.
import type { Annotation } from '../../../../shared/model';
import { selectView } from '../../store/documents';
import { showReading } from '../../store/reading';
import { useSelector, useWorkbench } from '../../workbench/context';

export function PageLink({ annotation }: { annotation: Annotation }): React.JSX.Element | null {
  const { store } = useWorkbench();
  const view = useSelector(selectView);
  const document = view?.document.id === annotation.documentId ? view.document : undefined;
  if (!document || document.original?.mediaType !== 'application/pdf') return null;
  const page =
    annotation.target.region?.page ??
    document.blocks.find(
      (b) =>
        annotation.target.position.start >= b.start && annotation.target.position.start < b.end,
    )?.page;
  if (page === undefined) return null;
  return (
    <p className="page-link">
      <button
        type="button"
        className="link"
        onClick={() => store.dispatch(showReading(document.id, 'pages', page))}
      >
        p. {page}: show it on the page
      </button>
    </p>
  );
}
