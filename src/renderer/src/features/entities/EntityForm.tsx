// An entity's fields as a form, for creating one and for editing one: name, type, aliases,
// description and external identifier. What is typed is a draft from the first keystroke
// (kept across panels and reloads until saved or discarded); Ctrl/Cmd+S and
// Ctrl/Cmd+Enter save. A name that may duplicate another entity's (the core's
// entities.similar) is asked about before it is saved: "same as …?", with what to do.
import { useState, type ReactNode } from 'react';
import type { SimilarEntity } from '../../../../shared/api';
import { useDraftFields } from '../../hooks/use-draft';
import { useSimilarEntities } from '../../hooks/use-similar-entities';
import { splitAliases } from '../../lib/entity-match';
import { runShortcut } from '../../lib/keymap';
import { DraftActions } from './DraftActions';
import { useConfirm } from '../../workbench/confirm';
import { SimilarNotice } from './SimilarNotice';
import { TypeSelect } from './TypeSelect';

export interface EntityFields {
  name: string;
  type: string;
  aliases: string[];
  description: string;
  externalId: string;
}

export function EntityForm({
  recordId,
  version,
  initial,
  submitLabel,
  readOnly,
  inUse,
  exceptId,
  similarActions,
  onSubmit,
}: {
  /** The entity's id, or a name for the draft of a new one. */
  recordId: string;
  /** The entity's updatedAt ('' for a new one). */
  version: string;
  initial: EntityFields;
  submitLabel: string;
  readOnly: boolean;
  /** Entities whose types are offered besides the usual ones. */
  inUse: readonly { type: string }[];
  /** The entity being edited, never said to be like itself. */
  exceptId?: string;
  /** What the user may do about an entity the name may duplicate (merge, open it). */
  similarActions: (similar: SimilarEntity, fields: EntityFields) => ReactNode;
  /** Saves; resolves true once saved (the draft is then dropped). */
  onSubmit: (fields: EntityFields) => Promise<boolean>;
}): React.JSX.Element {
  const confirm = useConfirm();
  const draft = useDraftFields(
    recordId,
    {
      name: initial.name,
      type: initial.type,
      aliases: initial.aliases.join(', '),
      description: initial.description,
      externalId: initial.externalId,
    },
    version,
  );
  const values = draft.values;
  const fields: EntityFields = { ...values, aliases: splitAliases(values.aliases) };
  // A rename is asked about; an unchanged name is not (its likeness is already known).
  const nameChanged = values.name.trim() !== initial.name.trim();
  const { similar, check } = useSimilarEntities(
    values.name,
    nameChanged ? fields.aliases : [],
    exceptId,
    !readOnly && nameChanged,
  );
  // Asked once for these names: saving again goes on.
  const [asked, setAsked] = useState('');
  const asking = JSON.stringify([values.name.trim(), fields.aliases]);
  const submit = async (): Promise<void> => {
    if (nameChanged && asked !== asking && (await check()).length) {
      setAsked(asking);
      return;
    }
    if (await onSubmit(fields)) draft.committed();
  };
  const discard = (): void =>
    confirm({
      title: 'Discard the changes?',
      message: 'The fields go back to what was last saved; what was typed since is gone.',
      confirmLabel: 'Discard changes',
      onConfirm: draft.discard,
    });
  return (
    <form
      className="entity-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => runShortcut('entity-editor', e, { 'entity.save': () => void submit() })}
    >
      <fieldset disabled={readOnly}>
        <label className="stack">
          Name
          <input
            required
            dir="auto"
            value={values.name}
            onChange={(e) => draft.set('name', e.target.value)}
          />
        </label>
        <SimilarNotice similar={similar} actions={(s) => similarActions(s, fields)} />
        <TypeSelect
          value={values.type}
          inUse={inUse}
          onChange={(type) => draft.set('type', type)}
        />
        <label className="stack">
          Aliases (comma-separated)
          <input
            dir="auto"
            value={values.aliases}
            onChange={(e) => draft.set('aliases', e.target.value)}
          />
        </label>
        <label className="stack">
          Description
          <textarea
            rows={3}
            dir="auto"
            value={values.description}
            onChange={(e) => draft.set('description', e.target.value)}
          />
        </label>
        <label className="stack">
          External identifier (e.g. Wikidata QID)
          <input
            value={values.externalId}
            onChange={(e) => draft.set('externalId', e.target.value)}
          />
        </label>
        <DraftActions
          dirty={draft.dirty}
          saveLabel={similar.length && asked === asking ? `${submitLabel} anyway` : submitLabel}
          shortcut="entity.save"
          onDiscard={discard}
        />
      </fieldset>
    </form>
  );
}
