// A saved web page as it was, for "Open original": the core's sanitised tree of the whole
// page (src/shared/page-tree.ts) turned into elements by lib/page-elements.ts, never
// through HTML, so nothing in the page can run, load or restyle anything.
import { useEffect, useState } from 'react';
import type { DocumentView } from '../../../../shared/api';
import type { PageRendering } from '../../../../shared/page-tree';
import { pageElement } from '../../lib/page-elements';
import { useCommands } from '../../workbench/context';

export function OriginalPage({
  view,
  onShowText,
}: {
  view: DocumentView;
  onShowText: () => void;
}): React.JSX.Element {
  const { document } = view;
  const { loadOriginalPage } = useCommands();
  // Kept with the document it is of, so another document's page is never shown meanwhile.
  const [loaded, setLoaded] = useState<{ id: string; page: PageRendering | null } | null>(null);
  useEffect(() => {
    let live = true;
    void loadOriginalPage(document.id).then(
      (p) => live && setLoaded({ id: document.id, page: p ?? null }),
    );
    return () => {
      live = false;
    };
  }, [document.id, loadOriginalPage]);
  const page = loaded?.id === document.id ? loaded.page : undefined;
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
      {page === null && <p className="error">The original page could not be shown.</p>}
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
