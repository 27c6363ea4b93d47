// The side panel for one highlight: its quote, kind, entities, free-text tags, Markdown
// note, the notes that link it, and dates, with editing and deleting. Every change is saved
// at once and shown once it is on disk.
import { useEffect, useRef, useState } from 'react';
import type { EntityWithUsage } from '../../../../shared/api';
import { ANNOTATION_KINDS, type Annotation, type AnnotationKind } from '../../../../shared/model';
import type { NewEntity } from '../../lib/entity-match';
import { runShortcut } from '../../lib/keymap';
import { formatDate, KIND_LABELS, STATUS_TEXT } from '../../lib/labels';
import { EntityPicker } from '../entities/EntityPicker';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';
import { NoteBacklinks } from '../notes/NoteBacklinks';
import { TagEditor } from './TagEditor';

export interface AnnotationActions {
  update: (patch: {
    kind?: AnnotationKind;
    note?: string;
    entityIds?: string[];
    tags?: string[];
  }) => Promise<void>;
  createAndTag: (entity: NewEntity) => Promise<void>;
  remove: () => void;
  openEntity: (id: string) => void;
  close: () => void;
}

export function AnnotationPanel({
  annotation,
  entities,
  readOnly,
  intent,
  actions,
}: {
  annotation: Annotation;
  entities: readonly EntityWithUsage[];
  readOnly: boolean;
  intent: 'tag' | 'note' | null;
  actions: AnnotationActions;
}): React.JSX.Element {
  const [editing, setEditing] = useState(intent === 'note');
  const [note, setNote] = useState(annotation.note);
  // After the editor closes, focus goes back to the button that opens it.
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const stopEditing = (): void => {
    refocus.current = true;
    setEditing(false);
  };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const tagged = annotation.entityIds.map((id) => byId.get(id)).filter((e) => e !== undefined);

  return (
    <section className="panel" aria-labelledby="annotation-heading">
      <header className="row spread">
        <h2 id="annotation-heading" tabIndex={-1}>
          Highlight
        </h2>
        <button type="button" onClick={actions.close} aria-label="Close highlight">
          ×
        </button>
      </header>
      <blockquote className={`quote quote-${annotation.kind}`}>
        {annotation.target.quote.exact}
      </blockquote>
      {annotation.status !== 'anchored' && (
        <p className={`status status-${annotation.status}`} role="note">
          {STATUS_TEXT[annotation.status]}
          {annotation.status === 'fuzzy' && annotation.confidence !== undefined
            ? ` Confidence ${Math.round(annotation.confidence * 100)} %.`
            : ''}
        </p>
      )}

      <fieldset disabled={readOnly}>
        <legend>Kind</legend>
        <div className="row wrap">
          {ANNOTATION_KINDS.map((kind) => (
            <label key={kind} className={`kind-choice swatch-${kind}`}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={annotation.kind === kind}
                onChange={() => void actions.update({ kind })}
              />
              {KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>

      <h3>Entities</h3>
      {tagged.length === 0 ? (
        <p className="muted">Not tagged to any entity yet.</p>
      ) : (
        <ul className="chips" aria-label="Tagged entities">
          {tagged.map((entity) => (
            <li key={entity.id} className="chip">
              <button type="button" className="link" onClick={() => actions.openEntity(entity.id)}>
                {entity.name}
              </button>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={`Remove ${entity.name}`}
                  onClick={() =>
                    void actions.update({
                      entityIds: annotation.entityIds.filter((id) => id !== entity.id),
                    })
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <EntityPicker
          entities={entities}
          exclude={annotation.entityIds}
          autoFocus={intent === 'tag'}
          onPick={(id) => void actions.update({ entityIds: [...annotation.entityIds, id] })}
          onCreate={(entity) => void actions.createAndTag(entity)}
        />
      )}

      <h3>Tags</h3>
      <TagEditor
        tags={annotation.tags}
        readOnly={readOnly}
        onChange={(tags) => void actions.update({ tags })}
      />

      <h3>Note</h3>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void actions.update({ note }).then(stopEditing);
          }}
        >
          <label className="stack">
            Note (Markdown)
            <textarea
              value={note}
              rows={6}
              autoFocus
              // The caret at the end, to go on writing where the note stops.
              onFocus={(e) =>
                e.target.setSelectionRange(e.target.value.length, e.target.value.length)
              }
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) =>
                runShortcut('highlight-note', e, {
                  'highlightNote.cancel': () => {
                    setNote(annotation.note);
                    stopEditing();
                  },
                  'highlightNote.save': () => void actions.update({ note }).then(stopEditing),
                })
              }
            />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              Save note
            </button>
            <button
              type="button"
              onClick={() => {
                setNote(annotation.note);
                stopEditing();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {annotation.note ? (
            <LinkedMarkdown source={annotation.note} />
          ) : (
            <p className="muted">No note.</p>
          )}
          {!readOnly && (
            <button type="button" ref={editButton} onClick={() => setEditing(true)}>
              {annotation.note ? 'Edit note' : 'Add note'}
            </button>
          )}
        </>
      )}

      <NoteBacklinks
        target={{ kind: 'highlight', id: annotation.id }}
        newNote={{ annotationIds: [annotation.id], documentIds: [annotation.documentId] }}
      />

      <dl className="dates">
        <dt>Created</dt>
        <dd>
          <time dateTime={annotation.createdAt}>{formatDate(annotation.createdAt)}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={annotation.updatedAt}>{formatDate(annotation.updatedAt)}</time>
        </dd>
      </dl>
      {!readOnly && (
        <button type="button" className="danger" onClick={actions.remove}>
          Delete highlight
        </button>
      )}
    </section>
  );
}
