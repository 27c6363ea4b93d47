// A saved web page as it was, for "Open original": the core's sanitised tree of the whole
// page (src/shared/page-tree.ts) turned into elements by lib/page-elements.ts, never
// through HTML, so nothing in the page can run, load or restyle anything.
import type { DocumentView } from '../../../../shared/api';
import type { PageRendering } from '../../../../shared/page-tree';
import { pageElement } from '../../lib/page-elements';
import { useView } from '../../hooks/use-view';

export function OriginalPage({
  view,
  onShowText,
}: {
  view: DocumentView;
  onShowText: () => void;
}): React.JSX.Element {
  const { document } = view;
  const original = document.original;
  // A derived view keyed by the document and its original's hash (store/views/originals.ts).
  const { data, error } = useView(
    'originalPage',
    { id: document.id, sha256: original?.sha256 ?? '' },
    { enabled: original !== undefined },
  );
  const page: PageRendering | null | undefined = error ? null : data;
  return (
    <section className="original-page" aria-label={`Original of ${document.title}`}>
      <div className="page-tools row">
        <button type="button" onClick={onShowText}>
          Show the text
        </button>
        <p className="muted">
          The page as it was saved, {document.original?.fileName}: without its scripts, styles or
          anything from the network.
        </p>
      </div>
      {page === undefined && <p className="muted">Opening the original…</p>}
      {page === null && (
        <p className="error" role="alert">
          The original page could not be shown: {error}
        </p>
      )}
      {page && (
        <>
          {page.left.length > 0 && (
            <p className="muted" role="note">
              Not shown: {page.left.join(', ')}.
            </p>
          )}
          <article
            className="original-body"
            {...(page.lang ? { lang: page.lang } : {})}
            dir={page.dir ?? 'auto'}
          >
            {page.body.map(pageElement)}
          </article>
        </>
      )}
    </section>
  );
}
