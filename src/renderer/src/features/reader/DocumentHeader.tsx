// A source's provenance above its text: who wrote it, where and when it was published,
// the address it came from (opened in the system browser), when it was imported, the
// file and its SHA-256 to cite or compare, the original kept byte for byte (opened from
// here), and what is missing from the source's details (SourceEvidence.tsx). Editing
// details and text start here, and so does the review of highlights that re-anchoring
// could not place for certain. The notes that link the document are listed under it.
import { useState } from 'react';
import type { DocumentView } from '../../../../shared/api';
import { SAFE_HREF } from '../../../../shared/text';
import { plural } from '../../lib/labels';
import { NoteBacklinks } from '../notes/NoteBacklinks';
import { fileDateRows, OriginalRow, ProvenanceNotice } from './SourceEvidence';

/** A date as written in the source when it is not a date the browser can read. */
function showDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time)
    ? value
    : new Date(time).toLocaleDateString(undefined, { dateStyle: 'long' });
}

export function DocumentHeader({
  view,
  readOnly,
  onEditDetails,
  onEditText,
  onReview,
  onOpenOriginal,
  onUseDate,
}: {
  view: DocumentView;
  readOnly: boolean;
  onEditDetails: () => void;
  onEditText: () => void;
  onReview: () => void;
  onOpenOriginal: () => void;
  onUseDate: (date: string) => void;
}): React.JSX.Element {
  const { document, annotations } = view;
  const { source } = document;
  const [copied, setCopied] = useState(false);
  const review = annotations.filter((a) => a.status === 'fuzzy' || a.status === 'orphaned').length;
  const hash = document.contentHash.replace(/^sha256:/, '');
  const rows: [string, React.ReactNode][] = [];
  if (source.author) rows.push(['Author', source.author]);
  if (source.publisher) rows.push(['Site', source.publisher]);
  if (source.publishedDate) rows.push(['Published', showDate(source.publishedDate)]);
  if (source.url)
    rows.push([
      'Address',
      SAFE_HREF.test(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
          {source.url}
        </a>
      ) : (
        source.url
      ),
    ]);
  if (source.accessedDate) rows.push(['Accessed', showDate(source.accessedDate)]);
  if (source.fileName) rows.push(['File', source.fileName]);
  rows.push(...fileDateRows(document, showDate));

  return (
    <section className="doc-header" aria-label="Source">
      <div className="row spread">
        <h1 className="source-title" dir="auto">
          {document.title}
        </h1>
        {!readOnly && (
          <div className="row doc-actions">
            <button type="button" onClick={onEditDetails}>
              Edit details
            </button>
            <button type="button" onClick={onEditText}>
              Edit text
            </button>
          </div>
        )}
      </div>
      <dl className="provenance">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <OriginalRow document={document} onOpen={onOpenOriginal} />
        <div>
          <dt>SHA-256</dt>
          <dd className="row hash">
            <code title={hash}>{hash.slice(0, 16)}…</code>
            <button
              type="button"
              className="link"
              aria-label="Copy SHA-256"
              onClick={() =>
                void navigator.clipboard.writeText(hash).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </dd>
        </div>
        <div>
          <dt>Revision</dt>
          <dd>{document.revision}</dd>
        </div>
      </dl>
      <ProvenanceNotice
        document={document}
        readOnly={readOnly}
        onFillIn={onEditDetails}
        onUseDate={onUseDate}
        showDate={showDate}
      />
      <NoteBacklinks target={{ kind: 'document', id: document.id }} compact />
      {review > 0 && (
        <p className="review-note" role="note">
          {plural(review, 'highlight')} could not be placed for certain after the text changed.{' '}
          <button type="button" onClick={onReview}>
            Review highlights ({review})
          </button>
        </p>
      )}
    </section>
  );
}
