// A combobox that finds highlights anywhere in the workspace by the words of their quote or
// note (through the search index) and picks one, for linking it to a note.
import { useId } from 'react';
import type { SearchHit } from '../../../../shared/methods/search';
import { useCombobox } from '../../hooks/use-combobox';
import { useView } from '../../hooks/use-view';

export function HighlightPicker({
  exclude,
  onPick,
  label = 'Link a highlight',
}: {
  exclude: readonly string[];
  onPick: (hit: SearchHit) => void;
  /** The box's accessible name (a note links a highlight; a highlight links another). */
  label?: string;
}): React.JSX.Element {
  const { query, setQuery, open, setOpen, activeIn, inputProps, onKey } = useCombobox();
  const listId = useId();
  const trimmed = query.trim();
  const enabled = trimmed.length >= 2;
  const { data, error } = useView(
    'search',
    { query: trimmed, kinds: ['highlight'], limit: 20 },
    { enabled, keepPrevious: true },
  );
  const hits = enabled ? (data?.hits ?? []).filter((h) => !exclude.includes(h.id)) : [];
  const choose = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    onPick(hit);
    setQuery('');
    setOpen(false);
  };
  const expanded = open && hits.length > 0;
  const active = activeIn(hits.length);
  return (
    <div className="combobox">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder={`${label}: type words of its quote`}
        {...inputProps}
        onKeyDown={(e) => onKey(e, hits.length, choose)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && enabled && data && hits.length === 0 && (
        <p className="muted small">{error ?? `No highlight matches “${trimmed}”.`}</p>
      )}
      {expanded && (
        <ul role="listbox" id={listId} aria-label="Highlights">
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {hit.snippet.map((part) => part.text).join('')}{' '}
              <span className="muted">{hit.documentTitle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
