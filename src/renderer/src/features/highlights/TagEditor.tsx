// A highlight's free-text tags: each shown with a button to remove it, and a combobox that
// offers the workspace's tags as you type (see tag-options.ts) or adds a new one.
// Every change is one annotations.update, so it can be undone.
import { useId } from 'react';
import { plural } from '../../lib/labels';
import { tagOptions } from '../../lib/tag-options';
import { useCombobox } from '../../hooks/use-combobox';
import { selectTags } from '../../store/tags';
import { useSelector } from '../../workbench/context';

export function TagEditor({
  tags,
  readOnly,
  onChange,
}: {
  tags: readonly string[];
  readOnly: boolean;
  onChange: (tags: string[]) => void;
}): React.JSX.Element {
  const known = useSelector(selectTags);
  const { query, setQuery, open, setOpen, activeIn, inputProps, onKey } = useCombobox();
  const listId = useId();
  const options = tagOptions(known, tags, query);
  const choose = (index: number): void => {
    const option = options[index];
    if (!option) return;
    onChange([...tags, option.tag]);
    setQuery('');
  };
  const expanded = open && options.length > 0;
  const active = activeIn(options.length);

  return (
    <div className="tag-editor">
      {tags.length === 0 ? (
        <p className="muted small">No tags.</p>
      ) : (
        <ul className="chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="chip tag-chip">
              <span>{tag}</span>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(tags.filter((t) => t !== tag))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="combobox">
          <input
            role="combobox"
            aria-label="Add a tag"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
            placeholder="Add a tag"
            maxLength={100}
            {...inputProps}
            onKeyDown={(e) => onKey(e, options.length, choose)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          {expanded && (
            <ul role="listbox" id={listId} aria-label="Tags to add">
              {options.map((option, i) => (
                <li
                  key={option.tag}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(i)}
                >
                  {option.count === undefined ? (
                    `Add tag “${option.tag}”`
                  ) : (
                    <>
                      {option.tag}{' '}
                      <span className="muted">({plural(option.count, 'highlight')})</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
