// The search box: results as you type, grouped by kind, with filter chips. Ctrl/Cmd+K
// focuses it; arrow keys move through results and Enter opens one.
import { useEffect, useId, useRef, useState } from 'react';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../../../shared/model';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../../shared/methods/search';
import { KIND_LABELS, nounLabel, SEARCH_KIND_LABELS } from '../../lib/labels';
import { useCombobox } from '../../hooks/use-combobox';
import { useQuery } from '../../hooks/use-query';
import { selectContentChanges } from '../../store/workspace';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { IndexStatus } from '../shell/IndexStatus';
import { useLanguages } from '../../hooks/use-languages';

export function SearchBox({
  currentDocumentId,
  entities,
}: {
  entities: readonly { id: string; name: string }[];
  currentDocumentId: string | null;
}): React.JSX.Element {
  const languageOf = useLanguages();
  const { api } = useWorkbench();
  const { openHit } = useCommands();
  // Results are asked for again whenever the workspace's content changed.
  const changes = useSelector(selectContentChanges);
  const { query, open, setOpen, active, inputProps, onKey } = useCombobox();
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [thisDocument, setThisDocument] = useState(false);
  const [colour, setColour] = useState<AnnotationKind | ''>('');
  const [entityId, setEntityId] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const trimmed = query.trim();
  const enabled = trimmed.length >= 2 || /[^ -\u024F]/.test(trimmed);
  const results = useQuery(
    () =>
      api['search.query']({
        query: trimmed,
        limit: 60,
        ...(kinds.length ? { kinds } : {}),
        ...(thisDocument && currentDocumentId ? { documentId: currentDocumentId } : {}),
        ...(colour ? { annotationKind: colour } : {}),
        ...(entityId && entities.some((e) => e.id === entityId) ? { entityId } : {}),
      }),
    [trimmed, kinds.join(), thisDocument, currentDocumentId, colour, entityId, changes],
    enabled,
  );
  const hits = enabled ? (results.data?.hits ?? []) : [];

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    openHit(hit);
    setOpen(false);
  };
  const toggleKind = (kind: SearchKind): void =>
    setKinds((k) => (k.includes(kind) ? k.filter((x) => x !== kind) : [...k, kind]));

  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search the workspace"
        aria-expanded={open && enabled}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search everything (Ctrl+K)"
        {...inputProps}
        onKeyDown={(e) => onKey(e, hits.length, (i) => choose(hits[i]))}
      />
      {open && enabled && (
        <div className="search-results">
          <div className="row wrap chips-row" role="group" aria-label="Search filters">
            {SEARCH_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className="filter"
                aria-pressed={kinds.includes(kind)}
                onClick={() => toggleKind(kind)}
              >
                {SEARCH_KIND_LABELS[kind]}
              </button>
            ))}
            <button
              type="button"
              className="filter"
              aria-pressed={thisDocument}
              disabled={!currentDocumentId}
              onClick={() => setThisDocument((v) => !v)}
            >
              This document
            </button>
            <select
              aria-label="Highlight kind"
              value={colour}
              onChange={(e) => setColour(e.target.value as AnnotationKind | '')}
            >
              <option value="">Any kind</option>
              {ANNOTATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <select
              aria-label="Tagged entity"
              value={entityId}
              onChange={(e) => setEntityId(e.target.value)}
            >
              <option value="">Any entity</option>
              {entities.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="close"
              aria-label="Close search results"
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </div>
          {!results.data && <IndexStatus />}
          <div role="listbox" id={listId} aria-label="Search results" className="results-list">
            {hits.length === 0 && (
              <p className="muted" role="presentation">
                {results.error?.message ??
                  (results.data ? `No results for “${trimmed}”.` : 'Searching…')}
              </p>
            )}
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
                              ? `${KIND_LABELS[hit.annotationKind ?? 'quote']} · ${hit.documentTitle}`
                              : hit.documentTitle}
                      </span>
                    </div>
                  ),
                )}
              </div>
            ))}
          </div>
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
