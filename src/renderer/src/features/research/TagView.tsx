// The tag view: every highlight carrying one free-text tag, across all documents, in
// reading order by document; each opens the highlight in the reader.
import { kindLabel } from '../../../../shared/codebook/codebook';
import { selectCodebook } from '../../store/codebook';
import { plural } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { useCommands, useSelector } from '../../workbench/context';
import { quoteOf } from '../../../../shared/regions';
import { useLanguages } from '../../hooks/use-languages';

export function TagView({ tag }: { tag: string }): React.JSX.Element {
  const languageOf = useLanguages();
  const commands = useCommands();
  const codebook = useSelector(selectCodebook);
  const { data, error } = useView('tagged', tag);
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
      {!data && <p className="muted">{error ?? 'Loading…'}</p>}
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
                  “<span {...languageOf(annotation.documentId)}>{quoteOf(annotation)}</span>”
                </span>
                <span className="muted small">
                  {kindLabel(codebook, annotation.kind)} · {documentTitle}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
