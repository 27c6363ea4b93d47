// What the document header says about a source as evidence: the original file it was
// imported from, kept byte for byte (opened as pages, as the saved page, or saved out);
// the file's own dates, said to be the file's; and what is missing, said plainly, with
// one step to fill it in: no publisher, address or date recorded (never invented), or a
// date printed on the first page that may be the publication date, to confirm.
import type { Document } from '../../../../shared/model';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What opening the original does for this kind of file. */
export function originalAction(document: Document): 'pages' | 'web' | 'save' | null {
  const original = document.original;
  if (!original) return null;
  if (original.mediaType === 'application/pdf') return 'pages';
  if (original.mediaType === 'text/html') return 'web';
  return 'save';
}

export function OriginalRow({
  document,
  onOpen,
}: {
  document: Document;
  onOpen: () => void;
}): React.JSX.Element {
  const { original } = document;
  const action = originalAction(document);
  return (
    <div>
      <dt>Original</dt>
      <dd className="row wrap">
        {original ? (
          <>
            <span>
              {original.fileName}, {size(original.size)}, kept as imported
            </span>
            <button type="button" className="link" onClick={onOpen}>
              {action === 'save' ? 'Save original…' : 'Open original'}
            </button>
          </>
        ) : (
          // Said without a cause: the sample article, pasted text and documents imported
          // before originals were kept all have none, and the sample is not "imported before".
          <span className="muted original-missing">
            No original file is kept with this text. To keep one, import the file again.
          </span>
        )}
      </dd>
    </div>
  );
}

/** The file's own dates, as rows, named as the file's (never as publication). */
export function fileDateRows(
  document: Document,
  showDate: (value: string | undefined) => string | undefined,
): [string, React.ReactNode][] {
  const rows: [string, React.ReactNode][] = [];
  const { fileCreated, fileModified } = document.source;
  if (fileCreated) rows.push(['File made', showDate(fileCreated)]);
  if (fileModified && fileModified !== fileCreated)
    rows.push(['File changed', showDate(fileModified)]);
  return rows;
}

/** The fields a citation needs that this source does not record. */
export function missingDetails(document: Document): string[] {
  const { publisher, url, publishedDate } = document.source;
  const missing: string[] = [];
  if (!publisher) missing.push('publisher');
  if (!url) missing.push('web address');
  if (!publishedDate) missing.push('date');
  return missing;
}

function listed(words: string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

export function ProvenanceNotice({
  document,
  readOnly,
  onFillIn,
  onUseDate,
  showDate,
}: {
  document: Document;
  readOnly: boolean;
  onFillIn: () => void;
  onUseDate: (date: string) => void;
  showDate: (value: string | undefined) => string | undefined;
}): React.JSX.Element | null {
  const missing = missingDetails(document);
  const suggested = document.source.publishedDate
    ? undefined
    : document.source.suggestedPublishedDate;
  // A source with a publisher and an address but no date is common (a web page): only
  // the date is then asked for, and only when one was found printed on it.
  if (missing.length < 2 && !suggested) return null;
  return (
    <div className="provenance-notice" role="note" aria-label="Source details">
      {missing.length >= 2 && (
        <p>
          <strong>Source details missing.</strong> No {listed(missing)} is recorded for this text,
          so a citation of it names the title only.{' '}
          {!readOnly && (
            <button type="button" onClick={onFillIn}>
              Add source details
            </button>
          )}
        </p>
      )}
      {suggested && (
        <p>
          A date printed on the first page reads <strong>{showDate(suggested)}</strong>; it may be
          the publication date, or a print date.{' '}
          {!readOnly && (
            <button type="button" onClick={() => onUseDate(suggested)}>
              Use as published date
            </button>
          )}
        </p>
      )}
    </div>
  );
}
