// A combobox for tagging (or, in a note, linking): type part of a name or alias, folded
// exactly as search folds (case, accents, Arabic/Persian letter forms, a ZWNJ typed as a
// space or left out), pick an entity, or create a new one on the spot when the caller can.
// Matches come first and the first is chosen by Enter; "Create" comes last, and is not
// offered for a name an entity already has. A new name like an existing one asks "same
// as …?" (entities.similar) before it is created. Tagging a passage, the entities it
// names are offered first.
import { useId, useState } from 'react';
import type { EntityWithUsage } from '../../../../shared/api';
import { TypeSelect } from './TypeSelect';
import type { NewEntity } from '../../lib/entity-match';
import { matchEntities, sameName, splitAliases } from '../../lib/entity-match';
import { useCombobox } from '../../hooks/use-combobox';
import { useSimilarEntities } from '../../hooks/use-similar-entities';
import { useCommands } from '../../workbench/context';
import { SimilarNotice } from './SimilarNotice';

export function EntityPicker({
  entities,
  exclude,
  onPick,
  onCreate,
  autoFocus,
  passage = '',
  label = 'Tag an entity',
}: {
  entities: readonly EntityWithUsage[];
  exclude: readonly string[];
  onPick: (id: string) => void;
  onCreate?: (entity: NewEntity) => void;
  autoFocus?: boolean;
  /** The passage being tagged: the entities it names come first. */
  passage?: string;
  label?: string;
}): React.JSX.Element {
  const commands = useCommands();
  const { query, setQuery, open, setOpen, activeIn, inputProps, onKey } = useCombobox();
  const [draft, setDraft] = useState<NewEntity | null>(null);
  // Focus follows the user between the combobox and the new entity form, never dropped.
  const [returning, setReturning] = useState(false);
  const endDraft = (): void => {
    setDraft(null);
    setReturning(true);
  };
  const listId = useId();
  const matches = matchEntities(entities, query, passage)
    .filter((e) => !exclude.includes(e.id))
    .slice(0, 20);
  const canCreate =
    onCreate !== undefined && query.trim().length > 0 && !sameName(entities, query.trim());
  const { similar, check } = useSimilarEntities(
    draft?.name ?? '',
    draft?.aliases ?? [],
    undefined,
    draft !== null,
  );
  const [asked, setAsked] = useState('');
  const pick = (id: string): void => {
    onPick(id);
    endDraft();
    setQuery('');
  };
  const optionCount = matches.length + (canCreate ? 1 : 0);
  const active = activeIn(optionCount);

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
          const asking = JSON.stringify(draft);
          void (async () => {
            // Asked once: creating again goes on.
            if (asked !== asking && (await check()).length) return setAsked(asking);
            onCreate?.(draft);
            endDraft();
            setQuery('');
          })();
        }}
      >
        <label>
          Name
          <input
            value={draft.name}
            required
            autoFocus
            dir="auto"
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <SimilarNotice
          similar={similar}
          actions={(s) => (
            <button
              type="button"
              onClick={() =>
                void commands
                  .addAliases(s.entity, [draft.name, ...draft.aliases])
                  .then((ok) => ok && pick(s.entity.id))
              }
            >
              Same: tag “<bdi>{s.entity.name}</bdi>”
            </button>
          )}
        />
        <TypeSelect
          value={draft.type}
          inUse={entities}
          onChange={(type) => setDraft({ ...draft, type })}
        />
        <label>
          Aliases (comma-separated)
          <input
            dir="auto"
            onChange={(e) => setDraft({ ...draft, aliases: splitAliases(e.target.value) })}
          />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            {similar.length && asked === JSON.stringify(draft)
              ? 'Create and tag anyway'
              : 'Create and tag'}
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
        dir="auto"
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
              <bdi>{entity.name}</bdi> <span className="muted">{entity.type}</span>
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
              Create “<bdi>{query.trim()}</bdi>”…
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
