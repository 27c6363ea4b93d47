// The side panel for one entity: edit its name, type, aliases and description, list
// every passage tagged to it with a way to jump there, and delete it with confirmation.
import { useState } from 'react';
import type { EntityPassage, EntityWithUsage } from '../../../shared/api';
import { ENTITY_TYPES } from '../../../shared/model';
import { splitAliases } from '../lib/entity-match';
import { plural } from '../lib/labels';

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
  onSubmit,
}: {
  initial: EntityFields;
  submitLabel: string;
  readOnly: boolean;
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
        <label className="stack">
          Type
          <input
            required
            list="entity-types"
            value={fields.type}
            onChange={(e) => setFields({ ...fields, type: e.target.value })}
          />
          <datalist id="entity-types">
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
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
  passages,
  readOnly,
  onSave,
  onDelete,
  onShowPassage,
  onClose,
}: {
  entity: EntityWithUsage;
  passages: EntityPassage[] | undefined;
  readOnly: boolean;
  onSave: (fields: EntityFields) => Promise<void>;
  onDelete: () => void;
  onShowPassage: (passage: EntityPassage) => void;
  onClose: () => void;
}): React.JSX.Element {
  return (
    <section className="panel" aria-labelledby="entity-heading">
      <header className="row spread">
        <h2 id="entity-heading">{entity.name}</h2>
        <button type="button" onClick={onClose} aria-label="Close entity">
          ×
        </button>
      </header>
      <p className="muted">
        {entity.type} · {plural(entity.usage, 'highlight')}
      </p>
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
        onSubmit={onSave}
      />
      <h3>Passages</h3>
      {passages?.length === 0 && (
        <p className="muted">No highlight is tagged to this entity yet.</p>
      )}
      <ol className="passages" aria-label={`Passages tagged to ${entity.name}`}>
        {passages?.map((p) => (
          <li key={p.annotation.id}>
            <blockquote className={`quote quote-${p.annotation.kind}`}>
              {p.annotation.target.quote.exact}
            </blockquote>
            <div className="row spread">
              <cite>{p.documentTitle}</cite>
              <button
                type="button"
                onClick={() => onShowPassage(p)}
                aria-label={`Show in reader: ${p.annotation.target.quote.exact.slice(0, 60)}`}
              >
                Show in reader
              </button>
            </div>
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="danger" onClick={onDelete}>
          Delete entity
        </button>
      )}
    </section>
  );
}
