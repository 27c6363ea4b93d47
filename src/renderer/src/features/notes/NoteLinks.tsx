// What a note links, chosen by the user: entities (picked by name or alias), documents and
// highlights (found by their words), each opened from here or unlinked. Every change is
// saved at once, as one undoable step. Links made by `[[...]]` in the body are the body's
// business and show in the preview.
import { kindLabel } from '../../../../shared/codebook/codebook';
import { selectCodebook } from '../../store/codebook';
import { useState } from 'react';
import type { DocumentListItem } from '../../../../shared/api';
import type { Note } from '../../../../shared/model';
import { linkedRecords } from '../../lib/note-links';
import { useLinkIndex } from '../../hooks/use-link-index';
import { useView } from '../../hooks/use-view';
import { selectDocumentList } from '../../store/documents';
import { selectEntities } from '../../store/entities';
import { showEntity } from '../../store/selection';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { EntityPicker } from '../entities/EntityPicker';
import { HighlightPicker } from '../highlights/HighlightPicker';
import { quoteOf } from '../../../../shared/regions';

const NO_DOCUMENTS: DocumentListItem[] = [];

function LinkChip({
  name,
  readOnly,
  onOpen,
  onUnlink,
}: {
  name: string;
  readOnly: boolean;
  onOpen: () => void;
  onUnlink: () => void;
}): React.JSX.Element {
  return (
    <li className="chip">
      <button type="button" className="link" onClick={onOpen}>
        {name}
      </button>
      {!readOnly && (
        <button type="button" aria-label={`Unlink ${name}`} onClick={onUnlink}>
          ×
        </button>
      )}
    </li>
  );
}

/** Records linked by [[...]] in the text: opened from here, unlinked by editing the text. */
function NamedInText({
  names,
  onOpen,
}: {
  names: { id: string; name: string }[];
  onOpen: (id: string) => void;
}): React.JSX.Element | null {
  if (names.length === 0) return null;
  return (
    <p className="muted small named-in-text">
      Named in the text:{' '}
      {names.map((n, i) => (
        <span key={n.id}>
          {i > 0 && ', '}
          <button type="button" className="link" onClick={() => onOpen(n.id)}>
            {n.name}
          </button>
        </span>
      ))}
    </p>
  );
}

export function NoteLinks({
  note,
  readOnly,
}: {
  note: Note;
  readOnly: boolean;
}): React.JSX.Element {
  const { store } = useWorkbench();
  const index = useLinkIndex();
  const commands = useCommands();
  const entities = useSelector(selectEntities);
  const documents = useSelector(selectDocumentList) ?? NO_DOCUMENTS;
  const codebook = useSelector(selectCodebook);
  const [documentId, setDocumentId] = useState('');
  const { data: highlights } = useView('linkedHighlights', note.annotationIds, {
    enabled: note.annotationIds.length > 0,
    keepPrevious: true,
  });
  const link = (patch: Partial<Pick<Note, 'entityIds' | 'documentIds' | 'annotationIds'>>) =>
    void commands.updateNote(note.id, patch);
  const linkedEntities = note.entityIds.flatMap((id) => entities.find((e) => e.id === id) ?? []);
  const linkedDocuments = note.documentIds.flatMap(
    (id) => documents.find((d) => d.id === id) ?? [],
  );
  const unlinkedDocuments = documents.filter((d) => !note.documentIds.includes(d.id) && !d.problem);
  // Records the saved text names as [[...]] and that are not also chosen here.
  const named = linkedRecords(note, index);
  const namedEntities = entities.filter(
    (e) => named.entityIds.has(e.id) && !note.entityIds.includes(e.id),
  );
  const namedDocuments = documents.filter(
    (d) => named.documentIds.has(d.id) && !note.documentIds.includes(d.id),
  );

  return (
    <section className="note-links" aria-labelledby={`${note.id}-links`}>
      <h2 id={`${note.id}-links`}>Links</h2>
      <h3>Entities</h3>
      {linkedEntities.length > 0 ? (
        <ul className="chips" aria-label="Linked entities">
          {linkedEntities.map((e) => (
            <LinkChip
              key={e.id}
              name={e.name}
              readOnly={readOnly}
              onOpen={() => store.dispatch(showEntity(e.id))}
              onUnlink={() => link({ entityIds: note.entityIds.filter((id) => id !== e.id) })}
            />
          ))}
        </ul>
      ) : (
        namedEntities.length === 0 && <p className="muted small">No entity linked.</p>
      )}
      <NamedInText
        names={namedEntities.map((e) => ({ id: e.id, name: e.name }))}
        onOpen={(id) => store.dispatch(showEntity(id))}
      />
      {!readOnly && (
        <EntityPicker
          entities={entities}
          exclude={note.entityIds}
          label="Link an entity"
          onPick={(id) => link({ entityIds: [...note.entityIds, id] })}
        />
      )}

      <h3>Documents</h3>
      {linkedDocuments.length > 0 ? (
        <ul className="chips" aria-label="Linked documents">
          {linkedDocuments.map((d) => (
            <LinkChip
              key={d.id}
              name={d.title}
              readOnly={readOnly}
              onOpen={() => commands.openDocument(d.id)}
              onUnlink={() => link({ documentIds: note.documentIds.filter((id) => id !== d.id) })}
            />
          ))}
        </ul>
      ) : (
        namedDocuments.length === 0 && <p className="muted small">No document linked.</p>
      )}
      <NamedInText
        names={namedDocuments.map((d) => ({ id: d.id, name: d.title }))}
        onOpen={commands.openDocument}
      />
      {!readOnly && unlinkedDocuments.length > 0 && (
        <form
          className="row"
          aria-label="Link a document"
          onSubmit={(event) => {
            event.preventDefault();
            if (!documentId) return;
            link({ documentIds: [...note.documentIds, documentId] });
            setDocumentId('');
          }}
        >
          <select
            aria-label="Document to link"
            value={documentId}
            onChange={(e) => setDocumentId(e.target.value)}
          >
            <option value="">Choose a document…</option>
            {unlinkedDocuments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!documentId}>
            Link
          </button>
        </form>
      )}

      <h3>Highlights</h3>
      {note.annotationIds.length > 0 ? (
        <ul className="note-highlights" aria-label="Linked highlights">
          {(highlights ?? []).map(({ annotation, documentTitle }) => (
            <li key={annotation.id}>
              <button
                type="button"
                className="passage"
                onClick={() => commands.showHighlight(annotation)}
              >
                <span className="quote-text">“{quoteOf(annotation)}”</span>
                <span className="muted small">
                  {kindLabel(codebook, annotation.kind)} · {documentTitle}
                </span>
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="row-action"
                  aria-label={`Unlink highlight “${quoteOf(annotation).slice(0, 60)}”`}
                  onClick={() =>
                    link({ annotationIds: note.annotationIds.filter((id) => id !== annotation.id) })
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No highlight linked.</p>
      )}
      {!readOnly && (
        <HighlightPicker
          exclude={note.annotationIds}
          onPick={(hit) => link({ annotationIds: [...note.annotationIds, hit.id] })}
        />
      )}
    </section>
  );
}
