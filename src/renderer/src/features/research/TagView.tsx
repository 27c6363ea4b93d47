// The tag view: every highlight carrying one free-text tag, across all documents, in
// reading order by document; each opens the highlight in the reader.
import { KIND_LABELS, plural } from '../../lib/labels';
import { useQuery } from '../../hooks/use-query';
import { selectContentChanges } from '../../store/workspace';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { useLanguages } from '../../hooks/use-languages';

export function TagView({ tag }: { tag: string }): React.JSX.Element {
  const languageOf = useLanguages();
  const { api } = useWorkbench();
  const commands = useCommands();
  const changes = useSelector(selectContentChanges);
  const { data, error } = useQuery(() => api['annotations.byTag']({ tag }), [tag, changes]);
  return (
    <article className="research tag-view" aria-labelledby="tag-heading">
      <header>
        <h1 id="tag-heading">Tagged “{tag}”</h1>
        {data && (
          <p className="muted">
            {plural(data.length, 'highlight')} in{' '}
            {plural(new Set(data.map((p) => p.annotation.documentId)).size, 'document')}
          </p>
        )}
      </header>
      {!data && <p className="muted">{error?.message ?? 'Loading…'}</p>}
      {data?.length === 0 && <p className="muted">No highlight carries this tag any more.</p>}
      {data && data.length > 0 && (
        <ul className="note-highlights" aria-label={`Highlights tagged ${tag}`}>
          {data.map(({ annotation, documentTitle }) => (
            <li key={annotation.id}>
              <button
                type="button"
                className="passage"
                onClick={() => commands.showHighlight(annotation)}
              >
                <span className="quote-text">
                  “
                  <span {...languageOf(annotation.documentId)}>
                    {annotation.target.quote.exact}
                  </span>
                  ”
                </span>
                <span className="muted small">
                  {KIND_LABELS[annotation.kind]} · {documentTitle}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
