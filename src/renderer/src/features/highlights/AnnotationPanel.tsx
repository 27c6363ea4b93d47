// The side panel for one highlight: its quote, kind (one of the codebook's), entities,
// free-text tags, Markdown note (./HighlightNote.tsx, written as a draft until saved), its
// links to other highlights, the notes that link it, and dates, with editing and deleting.
// Every change is saved at once and shown once it is on disk.
import type { EntityWithUsage } from '../../../../shared/api';
import type { Annotation, AnnotationKind } from '../../../../shared/model';
import type { NewEntity } from '../../lib/entity-match';
import { formatDate, STATUS_TEXT } from '../../lib/labels';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';
import { HighlightLinks } from './HighlightLinks';
import { EntityPicker } from '../entities/EntityPicker';
import { NoteBacklinks } from '../notes/NoteBacklinks';
import { HighlightNote } from './HighlightNote';
import { TagEditor } from './TagEditor';
import { useDocumentLanguage } from '../../hooks/use-languages';
import { quoteOf } from '../../../../shared/regions';
import { PageLink } from '../reader/PageLink';

export interface AnnotationActions {
  update: (patch: {
    kind?: AnnotationKind;
    note?: string;
    entityIds?: string[];
    tags?: string[];
  }) => Promise<boolean>;
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
  const language = useDocumentLanguage(annotation.documentId);
  const { kinds } = useSelector(selectCodebook);
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
      <blockquote className={`quote quote-${annotation.kind}`} {...language}>
        {quoteOf(annotation)}
      </blockquote>
      <PageLink annotation={annotation} />
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
          {kinds.map(({ id, label }) => (
            <label key={id} className={`kind-choice swatch-${id}`}>
              <input
                type="radio"
                name="kind"
                value={id}
                checked={annotation.kind === id}
                onChange={() => void actions.update({ kind: id })}
              />
              {label}
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
                <bdi>{entity.name}</bdi>
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
          passage={annotation.target.quote.exact}
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
      <HighlightNote
        annotation={annotation}
        readOnly={readOnly}
        startEditing={intent === 'note'}
        save={(note) => actions.update({ note })}
      />

      <HighlightLinks annotation={annotation} readOnly={readOnly} />

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
