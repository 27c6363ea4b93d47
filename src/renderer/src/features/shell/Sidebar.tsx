// The library column's document list.
import type { DocumentListItem } from '../../../../shared/api';
import { plural } from '../../lib/labels';

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
