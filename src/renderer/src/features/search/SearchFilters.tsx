// The search's filters: the controls that add them (kinds of result, this document, a
// highlight kind, a tagged entity) and the chips that show every filter in force, each
// removable, with "Clear filters". The chips stay under the search box while the results
// are closed, so a filter is never on without the user seeing it.
import type { Codebook } from '../../../../shared/model';
import { SEARCH_KINDS, type SearchKind } from '../../../../shared/methods/search';
import { SEARCH_KIND_LABELS } from '../../lib/labels';
import { NO_FILTERS, type FilterChip, type SearchFilters } from '../../lib/search-filters';

export function FilterControls({
  filters,
  onChange,
  currentDocumentId,
  entities,
  codebook,
  codes,
}: {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  currentDocumentId: string | null;
  entities: readonly { id: string; name: string }[];
  codebook: Codebook;
  /** The codes to filter by, each with its place in the hierarchy. */
  codes: readonly { name: string; path: string }[];
}): React.JSX.Element {
  const toggleKind = (kind: SearchKind): void =>
    onChange({
      ...filters,
      kinds: filters.kinds.includes(kind)
        ? filters.kinds.filter((k) => k !== kind)
        : [...filters.kinds, kind],
    });
  return (
    <div className="row wrap chips-row" role="group" aria-label="Search filters">
      {SEARCH_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="filter"
          aria-pressed={filters.kinds.includes(kind)}
          onClick={() => toggleKind(kind)}
        >
          {SEARCH_KIND_LABELS[kind]}
        </button>
      ))}
      <button
        type="button"
        className="filter"
        aria-pressed={filters.thisDocument}
        disabled={!currentDocumentId}
        onClick={() => onChange({ ...filters, thisDocument: !filters.thisDocument })}
      >
        This document
      </button>
      <select
        aria-label="Highlight kind"
        value={filters.annotationKind}
        onChange={(e) => onChange({ ...filters, annotationKind: e.target.value })}
      >
        <option value="">Any kind</option>
        {codebook.kinds.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label}
          </option>
        ))}
      </select>
      {codes.length > 0 && (
        <select
          aria-label="Code"
          value={filters.code ?? ''}
          onChange={(e) => onChange({ ...filters, code: e.target.value })}
        >
          <option value="">Any code</option>
          {codes.map((c) => (
            <option key={c.name} value={c.name}>
              {c.path}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Tagged entity"
        value={filters.entityId}
        onChange={(e) => onChange({ ...filters, entityId: e.target.value })}
      >
        <option value="">Any entity</option>
        {entities.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every filter in force as a chip that removes it, and "Clear filters"; nothing if none. */
export function ActiveFilters({
  chips,
  onChange,
}: {
  chips: readonly FilterChip[];
  onChange: (filters: SearchFilters) => void;
}): React.JSX.Element | null {
  if (chips.length === 0) return null;
  return (
    <div className="row wrap active-filters">
      <ul className="chips" aria-label="Filters in force">
        {chips.map((chip) => (
          <li key={chip.id} className="chip">
            <span>{chip.label}</span>
            <button
              type="button"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => onChange(chip.without)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
    </div>
  );
}
