// The side panel for one entity: edit its name, type, aliases and description (and an
// event's date, place and participants), merge it with another, list every passage
// tagged to it (and move some to another entity), the notes that link it, and delete it
// with confirmation.
import { useState } from 'react';
import type { EntityPassage, EntityWithUsage } from '../../../../shared/api';
import { splitAliases } from '../../lib/entity-match';
import { plural } from '../../lib/labels';
import { EventFields } from './EventFields';
import { MergeSection } from './MergeSection';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';
import { NoteBacklinks } from '../notes/NoteBacklinks';
import { PassageList } from './PassageList';
import { TypeSelect } from './TypeSelect';

export interface EntityFields {
  name: string;
  type: string;
  aliases: string[];
  description: string;
  externalId: string;
}

export function EntityForm({
  initial,
  submitLabel,
  readOnly,
  inUse,
  onSubmit,
}: {
  initial: EntityFields;
  submitLabel: string;
  readOnly: boolean;
  /** Entities whose types are offered besides the usual ones. */
  inUse: readonly { type: string }[];
  onSubmit: (fields: EntityFields) => Promise<void>;
}): React.JSX.Element {
  const [fields, setFields] = useState(initial);
  const [aliases, setAliases] = useState(initial.aliases.join(', '));
  return (
    <form
      className="entity-form"
      onSubmit={(event) => {
        event.preventDefault();
        const { name, type, description, externalId } = fields;
        void onSubmit({ name, type, description, externalId, aliases: splitAliases(aliases) });
      }}
    >
      <fieldset disabled={readOnly}>
        <label className="stack">
          Name
          <input
            required
            value={fields.name}
            onChange={(e) => setFields({ ...fields, name: e.target.value })}
          />
        </label>
        <TypeSelect
          value={fields.type}
          inUse={inUse}
          onChange={(type) => setFields({ ...fields, type })}
        />
        <label className="stack">
          Aliases (comma-separated)
          <input value={aliases} onChange={(e) => setAliases(e.target.value)} />
        </label>
        <label className="stack">
          Description
          <textarea
            rows={3}
            value={fields.description}
            onChange={(e) => setFields({ ...fields, description: e.target.value })}
          />
        </label>
        <label className="stack">
          External identifier (e.g. Wikidata QID)
          <input
            value={fields.externalId}
            onChange={(e) => setFields({ ...fields, externalId: e.target.value })}
          />
        </label>
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </fieldset>
    </form>
  );
}

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
  onSave: (fields: EntityFields) => Promise<void>;
  onDelete: () => void;
  onShowPassage: (passage: EntityPassage) => void;
  onOpenDossier: () => void;
  onClose: () => void;
}): React.JSX.Element {
  // A rename onto another entity's name is a merge in disguise: offer it instead.
  const [clash, setClash] = useState<EntityWithUsage | null>(null);
  const [merging, setMerging] = useState(false);
  const save = async (fields: EntityFields): Promise<void> => {
    const folded = fields.name.trim().toLocaleLowerCase();
    const other = entities.find((e) => e.id !== entity.id && e.name.toLocaleLowerCase() === folded);
    if (other) {
      setClash(other);
      return;
    }
    setClash(null);
    await onSave(fields);
  };
  return (
    <section className="panel" aria-labelledby="entity-heading">
      <header className="row spread">
        <h2 id="entity-heading" tabIndex={-1}>
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
      {clash && (
        <div role="alert" className="notice">
          <p>
            “{clash.name}” already exists. Rename “{entity.name}” by merging it into “{clash.name}”?
          </p>
          <button type="button" onClick={() => setMerging(true)}>
            Merge into “{clash.name}”
          </button>
        </div>
      )}
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
      {entity.description && (
        <div className="description">
          <LinkedMarkdown source={entity.description} />
        </div>
      )}
      <EntityForm
        key={entity.updatedAt}
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
        onSubmit={save}
      />
      {entity.type === 'event' && (
        <EventFields
          key={`event-${entity.updatedAt}`}
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
