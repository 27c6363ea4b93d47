// The side panel for one entity: edit its name, type, aliases and description (and an
// event's date, place and participants), merge it with another, list every passage
// tagged to it (and move some to another entity), the notes that link it, and delete it
// with confirmation.
import { useState } from 'react';
import type { EntityPassage, EntityWithUsage } from '../../../../shared/api';
import { plural } from '../../lib/labels';
import { EntityForm, type EntityFields } from './EntityForm';
import { EventFields } from './EventFields';
import { MergeSection } from './MergeSection';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';
import { NoteBacklinks } from '../notes/NoteBacklinks';
import { PassageList } from './PassageList';
import { RecordHistory } from '../team/RecordHistory';

export function EntityPanel({
  entity,
  entities,
  passages,
  readOnly,
  onSave,
  onDelete,
  onShowPassage,
  onOpenDossier,
  onClose,
}: {
  entity: EntityWithUsage;
  entities: readonly EntityWithUsage[];
  passages: EntityPassage[] | undefined;
  readOnly: boolean;
  onSave: (fields: EntityFields) => Promise<boolean>;
  onDelete: () => void;
  onShowPassage: (passage: EntityPassage) => void;
  onOpenDossier: () => void;
  onClose: () => void;
}): React.JSX.Element {
  // A rename onto another entity's name (or one like it) may be a merge in disguise: the
  // form asks, and offers the merge with that entity chosen.
  const [clash, setClash] = useState<EntityWithUsage | null>(null);
  const [merging, setMerging] = useState(false);
  return (
    <section className="panel" aria-labelledby="entity-heading">
      <header className="row spread">
        <h2 id="entity-heading" tabIndex={-1} dir="auto">
          {entity.name}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close entity">
          ×
        </button>
      </header>
      <p className="muted">
        {entity.type} · {plural(entity.usage, 'highlight')}
      </p>
      <div className="row">
        <button type="button" onClick={onOpenDossier}>
          Open dossier
        </button>
        {!readOnly && (
          <button type="button" aria-expanded={merging} onClick={() => setMerging(!merging)}>
            Merge…
          </button>
        )}
      </div>
      {merging && (
        <MergeSection
          key={clash?.id ?? 'merge'}
          entity={entity}
          entities={entities}
          {...(clash ? { presetOtherId: clash.id } : {})}
          onDone={() => {
            setMerging(false);
            setClash(null);
          }}
        />
      )}
      <RecordHistory kind="entities" id={entity.id} label={entity.name} />
      {entity.description && (
        <div className="description">
          <LinkedMarkdown source={entity.description} />
        </div>
      )}
      <EntityForm
        key={entity.id}
        recordId={entity.id}
        version={entity.updatedAt}
        exceptId={entity.id}
        initial={{
          name: entity.name,
          type: entity.type,
          aliases: entity.aliases,
          description: entity.description,
          externalId: entity.externalId ?? '',
        }}
        submitLabel="Save entity"
        readOnly={readOnly}
        inUse={entities}
        similarActions={(s) => (
          <button
            type="button"
            onClick={() => {
              setClash(entities.find((e) => e.id === s.entity.id) ?? null);
              setMerging(true);
            }}
          >
            Merge into “<bdi>{s.entity.name}</bdi>”…
          </button>
        )}
        onSubmit={onSave}
      />
      {entity.type === 'event' && (
        <EventFields
          key={`event-${entity.id}`}
          entity={entity}
          entities={entities}
          readOnly={readOnly}
        />
      )}
      <NoteBacklinks
        target={{ kind: 'entity', id: entity.id }}
        newNote={{ entityIds: [entity.id] }}
      />
      <PassageList
        entity={entity}
        entities={entities}
        passages={passages}
        readOnly={readOnly}
        onShowPassage={onShowPassage}
      />
      {!readOnly && (
        <button type="button" className="danger" onClick={onDelete}>
          Delete entity
        </button>
      )}
    </section>
  );
}
