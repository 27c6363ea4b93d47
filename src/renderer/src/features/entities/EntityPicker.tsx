// A combobox for tagging (or, in a note, linking): type part of a name or alias (accents,
// case and Arabic/Persian letter variants do not matter), pick an entity, or create a new
// one on the spot when the caller can.
import { useId, useState } from 'react';
import type { EntityWithUsage } from '../../../../shared/api';
import { TypeSelect } from './TypeSelect';
import type { NewEntity } from '../../lib/entity-match';
import { matchEntities, splitAliases } from '../../lib/entity-match';
import { useCombobox } from '../../hooks/use-combobox';

export function EntityPicker({
  entities,
  exclude,
  onPick,
  onCreate,
  autoFocus,
  label = 'Tag an entity',
}: {
  entities: readonly EntityWithUsage[];
  exclude: readonly string[];
  onPick: (id: string) => void;
  onCreate?: (entity: NewEntity) => void;
  autoFocus?: boolean;
  label?: string;
}): React.JSX.Element {
  const { query, setQuery, open, setOpen, active, inputProps, onKey } = useCombobox();
  const [draft, setDraft] = useState<NewEntity | null>(null);
  // Focus follows the user between the combobox and the new entity form, never dropped.
  const [returning, setReturning] = useState(false);
  const endDraft = (): void => {
    setDraft(null);
    setReturning(true);
  };
  const listId = useId();
  const matches = matchEntities(entities, query)
    .filter((e) => !exclude.includes(e.id))
    .slice(0, 20);
  const canCreate =
    onCreate !== undefined &&
    query.trim().length > 0 &&
    !entities.some((e) => e.name.toLowerCase() === query.trim().toLowerCase());
  const optionCount = matches.length + (canCreate ? 1 : 0);

  const choose = (index: number): void => {
    const entity = matches[index];
    if (entity) {
      onPick(entity.id);
      setQuery('');
      setOpen(false);
    } else if (canCreate) {
      setDraft({ name: query.trim(), type: 'person', aliases: [] });
      setOpen(false);
    }
  };

  if (draft) {
    return (
      <form
        className="new-entity"
        aria-label="New entity"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          endDraft();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          onCreate?.(draft);
          endDraft();
          setQuery('');
        }}
      >
        <label>
          Name
          <input
            value={draft.name}
            required
            autoFocus
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <TypeSelect
          value={draft.type}
          inUse={entities}
          onChange={(type) => setDraft({ ...draft, type })}
        />
        <label>
          Aliases (comma-separated)
          <input onChange={(e) => setDraft({ ...draft, aliases: splitAliases(e.target.value) })} />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            Create and tag
          </button>
          <button type="button" onClick={endDraft}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="combobox">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open && optionCount > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && optionCount > 0 ? `${listId}-${active}` : undefined}
        placeholder={`${label}: type a name or alias`}
        autoFocus={autoFocus || returning}
        {...inputProps}
        onKeyDown={(e) => onKey(e, optionCount, choose)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && optionCount > 0 && (
        <ul role="listbox" id={listId} aria-label="Entities">
          {matches.map((entity, i) => (
            <li
              key={entity.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {entity.name} <span className="muted">{entity.type}</span>
            </li>
          ))}
          {canCreate && (
            <li
              id={`${listId}-${matches.length}`}
              role="option"
              aria-selected={active === matches.length}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(matches.length)}
            >
              Create “{query.trim()}”…
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
