// The search box: results as you type, grouped by kind, with filters that always show as
// chips while they are on (a code takes in the codes filed under it), and an empty result that says what the filters hide. The keymap
// focuses it (Ctrl/Cmd+K); arrow keys move through results and Enter opens one. The
// results close on Escape, on a click outside or on opening a result, and focus goes back
// to where it was before the search took it. They open below the whole top bar, so they
// never cover its buttons.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/methods/search';
import { SEARCH_KINDS } from '../../../../shared/methods/search';
import { codePath, codeTree, flattenTree } from '../../../../shared/codebook/code-tree';
import { kindLabel } from '../../../../shared/codebook/codebook';
import { useCombobox } from '../../hooks/use-combobox';
import { useView } from '../../hooks/use-view';
import { runShortcut, useWindowKeys } from '../../lib/keymap';
import { nounLabel, SEARCH_KIND_LABELS } from '../../lib/labels';
import { filterChips, NO_FILTERS, searchQuery, type SearchFilters } from '../../lib/search-filters';
import { keysOf } from '../../lib/shortcuts';
import { selectCodebook } from '../../store/codebook';
import { selectTags } from '../../store/tags';
import { useCommands, useSelector } from '../../workbench/context';
import { IndexStatus } from '../shell/IndexStatus';
import { useLanguages } from '../../hooks/use-languages';
import { SearchEmpty } from './SearchEmpty';
import { ActiveFilters, FilterControls } from './SearchFilters';

export function SearchBox({
  currentDocumentId,
  entities,
}: {
  entities: readonly { id: string; name: string }[];
  currentDocumentId: string | null;
}): React.JSX.Element {
  const languageOf = useLanguages();
  const { openHit } = useCommands();
  const { query, open, setOpen, activeIn, inputProps, onKey } = useCombobox();
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  /** Where focus was before the search took it, to give it back on closing. */
  const returnTo = useRef<HTMLElement | null>(null);
  const listId = useId();
  const trimmed = query.trim();
  const enabled = trimmed.length >= 2 || /[^ -\u024F]/.test(trimmed);
  const codebook = useSelector(selectCodebook);
  const tags = useSelector(selectTags);
  const codes = useMemo(
    () =>
      flattenTree(
        codeTree(
          codebook,
          tags.map((t) => t.tag),
        ),
      ).map((c) => ({ name: c.name, path: codePath(codebook, c.name) })),
    [codebook, tags],
  );
  const context = useMemo(
    () => ({
      currentDocumentId,
      entityName: (id: string) => entities.find((e) => e.id === id)?.name,
      kindName: (kind: string) => kindLabel(codebook, kind),
      codePath: (code: string) => codePath(codebook, code),
    }),
    [currentDocumentId, entities, codebook],
  );
  const chips = filterChips(filters, context);
  const results = useView('search', searchQuery(trimmed, filters, context, 60), {
    enabled,
    keepPrevious: true,
  });
  const hits = enabled ? (results.data?.hits ?? []) : [];
  const shown = open && enabled;
  const active = activeIn(hits.length);

  const close = (giveFocusBack: boolean): void => {
    setOpen(false);
    const back = returnTo.current;
    returnTo.current = null;
    if (!giveFocusBack) return;
    if (back?.isConnected && back !== input.current) back.focus();
    else input.current?.focus();
  };

  useWindowKeys('search', {
    'search.focus': () => {
      const now = document.activeElement;
      if (now instanceof HTMLElement && !box.current?.contains(now)) returnTo.current = now;
      input.current?.focus();
      input.current?.select();
      setOpen(true);
    },
  });

  // A click anywhere outside the search closes its results.
  useEffect(() => {
    if (!shown) return;
    const onDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && box.current?.contains(event.target)) return;
      setOpen(false);
      returnTo.current = null;
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [shown, setOpen]);

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    openHit(hit);
    setOpen(false);
    returnTo.current = null;
  };

  return (
    <div
      ref={box}
      className="search"
      role="search"
      // Escape closes the results from anywhere in them, before the input's own handling.
      onKeyDownCapture={(e) =>
        runShortcut('search-results', e, {
          'search.close': () => {
            if (!shown) return false;
            e.stopPropagation();
            close(true);
          },
        })
      }
    >
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search the workspace"
        aria-expanded={shown && hits.length > 0}
        aria-controls={shown && hits.length > 0 ? listId : undefined}
        aria-activedescendant={shown && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={`Search everything (${keysOf('search.focus')})`}
        {...inputProps}
        onKeyDown={(e) => onKey(e, hits.length, (i) => choose(hits[i]))}
      />
      {!shown && <ActiveFilters chips={chips} onChange={setFilters} />}
      {shown && (
        <div className="search-results">
          <div className="row spread">
            <FilterControls
              filters={filters}
              onChange={setFilters}
              currentDocumentId={currentDocumentId}
              entities={entities}
              codebook={codebook}
              codes={codes}
            />
            <button
              type="button"
              className="close"
              aria-label="Close search results"
              onClick={() => close(true)}
            >
              ×
            </button>
          </div>
          <ActiveFilters chips={chips} onChange={setFilters} />
          {!results.data && <IndexStatus />}
          {hits.length === 0 &&
            (results.error ? (
              <p role="alert">{results.error}</p>
            ) : results.data ? (
              <SearchEmpty query={trimmed} chips={chips} context={context} onChange={setFilters} />
            ) : (
              <p className="muted" role="status">
                Searching…
              </p>
            ))}
          {hits.length > 0 && (
            <div role="listbox" id={listId} aria-label="Search results" className="results-list">
              {SEARCH_KINDS.filter((kind) => hits.some((h) => h.kind === kind)).map((kind) => (
                <div key={kind} role="group" aria-labelledby={`${listId}-${kind}`}>
                  <h3 id={`${listId}-${kind}`} role="presentation">
                    {SEARCH_KIND_LABELS[kind]}
                  </h3>
                  {hits.map((hit, i) =>
                    hit.kind !== kind ? null : (
                      <div
                        key={`${hit.kind}:${hit.id}`}
                        id={`${listId}-${i}`}
                        role="option"
                        aria-selected={i === active}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => choose(hit)}
                      >
                        <span className="hit-snippet" {...languageOf(hit.documentId)}>
                          {hit.snippet.map((part, j) =>
                            part.match ? (
                              <mark key={j}>{part.text}</mark>
                            ) : (
                              <span key={j}>{part.text}</span>
                            ),
                          )}
                        </span>
                        <span className="muted hit-meta">
                          {hit.kind === 'entity'
                            ? hit.entityType
                            : hit.kind === 'note'
                              ? nounLabel('note')
                              : hit.kind === 'highlight'
                                ? `${kindLabel(codebook, hit.annotationKind ?? codebook.kinds[0]!.id)} · ${hit.documentTitle}`
                                : hit.documentTitle}
                        </span>
                      </div>
                    ),
                  )}
                </div>
              ))}
            </div>
          )}
          {results.data && results.data.total > hits.length && (
            <p className="muted small">
              Showing {hits.length} of {results.data.total}.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
