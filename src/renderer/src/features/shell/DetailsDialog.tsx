// Editing a document's provenance: title, author, site, address and dates. Saving is one
// undoable command; a field left empty is cleared.
import { useState } from 'react';
import type { Document } from '../../../../shared/model';
import { SourceFields, type SourceDraft } from '../reader/SourceFields';
import { useModalDialog } from '../../hooks/use-modal-dialog';

export function DetailsDialog({
  document,
  open,
  onSave,
  onClose,
}: {
  document: Document;
  open: boolean;
  onSave: (patch: { title: string; source: SourceDraft }) => Promise<boolean>;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useModalDialog(open);
  const { source } = document;
  const initial = (): SourceDraft => ({
    author: source.author ?? '',
    publisher: source.publisher ?? '',
    url: source.url ?? '',
    doi: source.doi ?? '',
    publishedDate: source.publishedDate ?? '',
    accessedDate: source.accessedDate ?? '',
  });
  const [title, setTitle] = useState(document.title);
  const [draft, setDraft] = useState(initial);

  return (
    <dialog
      ref={ref}
      className="confirm details-dialog"
      aria-labelledby="details-title"
      onClose={onClose}
    >
      <form
        aria-label="Document details"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave({ title: title.trim(), source: draft }).then((ok) => ok && onClose());
        }}
      >
        <h2 id="details-title">Document details</h2>
        <label className="stack">
          Title
          <input required value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <SourceFields draft={draft} onChange={setDraft} withAccessed />
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!title.trim()}>
            Save details
          </button>
        </div>
      </form>
    </dialog>
  );
}
