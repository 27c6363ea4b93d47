// The library column's document list, and the list of a document's highlights (the
// keyboard route to every highlight, and the place orphaned highlights stay visible).
import type { DocumentListItem } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import { KIND_LABELS, plural } from '../lib/labels';

export function DocumentList({
  documents,
  currentId,
  onOpen,
  onDelete,
}: {
  documents: readonly DocumentListItem[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onDelete?: (doc: DocumentListItem) => void;
}): React.JSX.Element {
  return (
    <nav aria-labelledby="documents-heading" className="documents">
      <h2 id="documents-heading">Documents</h2>
      <ul>
        {documents.map((doc) => (
          <li key={doc.id} className="doc-row">
            <button
              type="button"
              aria-current={doc.id === currentId ? 'page' : undefined}
              disabled={doc.problem !== undefined}
              title={doc.problem}
              onClick={() => onOpen(doc.id)}
            >
              <span className="doc-title">{doc.title}</span>
              <span className="muted">
                {doc.problem ? 'cannot be read' : plural(doc.annotationCount, 'highlight')}
              </span>
            </button>
            {onDelete && !doc.problem && (
              <button
                type="button"
                className="row-action"
                aria-label={`Delete “${doc.title}”`}
                title="Delete document"
                onClick={() => onDelete(doc)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function HighlightList({
  annotations,
  onOpen,
}: {
  annotations: readonly Annotation[];
  onOpen: (id: string) => void;
}): React.JSX.Element {
  const ordered = [...annotations].sort(
    (a, b) => a.target.position.start - b.target.position.start,
  );
  return (
    <section className="panel" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">Highlights</h2>
      {ordered.length === 0 && (
        <p className="muted">
          Select text in the document to highlight it. Press H to highlight, or 1–4 to choose the
          kind.
        </p>
      )}
      <ol className="highlight-list">
        {ordered.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              onClick={() => onOpen(a.id)}
              aria-label={`Highlight: ${a.target.quote.exact.slice(0, 80)}`}
            >
              <span className={`kind-dot swatch-${a.kind}`} aria-hidden="true" />
              <span className="clamp">{a.target.quote.exact}</span>
              <span className="muted">
                {KIND_LABELS[a.kind]}
                {a.status === 'anchored' ? '' : ` · ${a.status}`}
                {a.status === 'fuzzy' && a.confidence !== undefined
                  ? ` ${Math.round(a.confidence * 100)} %`
                  : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
