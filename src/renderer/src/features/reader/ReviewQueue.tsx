// The review queue of a document: every highlight that re-anchoring placed only fuzzily
// or could not place, with its old quote beside the passage proposed for it, the words
// that changed marked. Each can be accepted where it is, re-attached to a new selection
// in the reader, or deleted; each of those is one undoable command.
import type { DocumentView } from '../../../../shared/api';
import type { Annotation } from '../../../../shared/model';
import { wordDiff, type DiffPart } from '../../lib/quote-diff';
import { useDocumentLanguage } from '../../hooks/use-languages';

export interface ReviewActions {
  accept: (id: string) => void;
  startReattach: (id: string) => void;
  cancelReattach: () => void;
  remove: (annotation: Annotation) => void;
  show: (id: string) => void;
  close: () => void;
}

function Marked({ parts, side }: { parts: DiffPart[]; side: -1 | 1 }): React.JSX.Element {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 0 ? (
          <span key={i}>{p.text}</span>
        ) : p.op !== side ? null : side === -1 ? (
          <del key={i}>{p.text}</del>
        ) : (
          <ins key={i}>{p.text}</ins>
        ),
      )}
    </>
  );
}

function Item({
  annotation: a,
  text,
  waiting,
  readOnly,
  actions,
}: {
  annotation: Annotation;
  text: string;
  waiting: boolean;
  readOnly: boolean;
  actions: ReviewActions;
}): React.JSX.Element {
  const language = useDocumentLanguage(a.documentId);
  const fuzzy = a.status === 'fuzzy';
  const proposed = fuzzy ? text.slice(a.target.position.start, a.target.position.end) : '';
  // An orphan has nothing to compare with: its old quote is shown as it was.
  const parts = fuzzy ? wordDiff(a.target.quote.exact, proposed) : [];
  const short = a.target.quote.exact.slice(0, 60);
  return (
    <li className={`review-item review-${a.status}`} aria-label={`To review: ${short}`}>
      <p className="muted">
        {fuzzy
          ? `Fuzzy match, ${Math.round((a.confidence ?? 0) * 100)} % confidence`
          : 'Orphaned: the passage is no longer in the text'}
      </p>
      <div className="compare">
        <figure>
          <figcaption>Was</figcaption>
          <blockquote {...language}>
            {fuzzy ? <Marked parts={parts} side={-1} /> : a.target.quote.exact}
          </blockquote>
        </figure>
        <figure>
          <figcaption>Now</figcaption>
          {fuzzy ? (
            <blockquote>
              <Marked parts={parts} side={1} />
            </blockquote>
          ) : (
            <p className="muted">Not found</p>
          )}
        </figure>
      </div>
      {waiting ? (
        <p className="row wrap reattach-hint" role="status">
          Select the passage in the document, then choose “Re-attach here”.
          <button type="button" onClick={actions.cancelReattach}>
            Cancel re-attach
          </button>
        </p>
      ) : (
        <div className="row wrap">
          {fuzzy && (
            <>
              <button
                type="button"
                onClick={() => actions.show(a.id)}
                aria-label={`Show “${short}”`}
              >
                Show
              </button>
              <button
                type="button"
                className="primary"
                disabled={readOnly}
                onClick={() => actions.accept(a.id)}
                aria-label={`Accept “${short}”`}
              >
                Accept
              </button>
            </>
          )}
          <button
            type="button"
            disabled={readOnly}
            onClick={() => actions.startReattach(a.id)}
            aria-label={`Re-attach “${short}”`}
          >
            Re-attach…
          </button>
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            onClick={() => actions.remove(a)}
            aria-label={`Delete “${short}”`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function ReviewQueue({
  view,
  reattachId,
  readOnly,
  actions,
}: {
  view: DocumentView;
  reattachId: string | null;
  readOnly: boolean;
  actions: ReviewActions;
}): React.JSX.Element {
  const items = view.annotations
    .filter((a) => a.status === 'fuzzy' || a.status === 'orphaned')
    .sort((a, b) => a.target.position.start - b.target.position.start);
  return (
    <section className="panel review" aria-labelledby="review-heading">
      <header className="row spread">
        <h2 id="review-heading">Review highlights</h2>
        <button type="button" onClick={actions.close} aria-label="Close review">
          ×
        </button>
      </header>
      {items.length === 0 ? (
        <p className="muted">Every highlight of this document is placed. Nothing to review.</p>
      ) : (
        <ol className="review-list" aria-label="Highlights to review">
          {items.map((a) => (
            <Item
              key={a.id}
              annotation={a}
              text={view.document.text}
              waiting={reattachId === a.id}
              readOnly={readOnly}
              actions={actions}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
