// The open document's highlights: each with its kind, entities, tags and whether it has a
// note; filtered by kind, entity, tag (a code takes in the codes under it) and status,
// sorted by place or date; folded away when not wanted. It stays beside whatever the
// details column has open.
import { ANCHOR_STATUS_LABELS } from '../../../../shared/concepts/anchor-status';
import { KIND_KEYS } from '../../../../shared/concepts/keymap';
import { useId, useState } from 'react';
import type { EntityWithUsage } from '../../../../shared/api';
import { codePath } from '../../../../shared/codebook/code-tree';
import { kindLabel } from '../../../../shared/codebook/codebook';
import { AnchorStatus, type Annotation, type Codebook } from '../../../../shared/model';
import {
  filterChoices,
  filterHighlights,
  HIGHLIGHT_SORTS,
  isFiltered,
  NO_FILTER,
  type HighlightFilter,
  type HighlightSort,
} from '../../lib/highlight-filter';
import { plural } from '../../lib/labels';
import { useLanguages } from '../../hooks/use-languages';
import { selectCodebook } from '../../store/codebook';
import { useSelector } from '../../workbench/context';
import { quoteOf } from '../../../../shared/regions';

const PAGE = 100;

const SORT_LABELS: Record<HighlightSort, string> = {
  position: 'Place in the text',
  newest: 'Newest first',
  oldest: 'Oldest first',
};
const STATUS_NAMES = Object.fromEntries(
  Object.entries(ANCHOR_STATUS_LABELS).map(([status, l]) => [status, l.name]),
) as Record<AnchorStatus, string>;

export function HighlightList({
  annotations,
  entities,
  filter,
  collapsed,
  selectedId,
  onFilter,
  onCollapse,
  onOpen,
}: {
  annotations: readonly Annotation[];
  entities: readonly EntityWithUsage[];
  filter: HighlightFilter;
  collapsed: boolean;
  selectedId: string | null;
  onFilter: (filter: Partial<HighlightFilter>) => void;
  onCollapse: (collapsed: boolean) => void;
  onOpen: (id: string) => void;
}): React.JSX.Element {
  const listId = useId();
  // A long list is drawn a page at a time: a thousand rows would be thousands of elements.
  const [limit, setLimit] = useState(PAGE);
  const codebook = useSelector(selectCodebook);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const shown = filterHighlights(annotations, filter, codebook);
  const choices = filterChoices(annotations, codebook);
  const count =
    shown.length === annotations.length
      ? plural(annotations.length, 'highlight')
      : `${shown.length} of ${annotations.length}`;
  return (
    <section className="panel highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading" className="row spread">
        <button
          type="button"
          className="disclosure"
          aria-expanded={!collapsed}
          aria-controls={listId}
          onClick={() => onCollapse(!collapsed)}
        >
          Highlights <span className="muted">({count})</span>
        </button>
      </h2>
      {!collapsed && (
        <div id={listId}>
          {annotations.length === 0 ? (
            <p className="muted">
              Select text in the document to highlight it, or focus the text and press S for a
              sentence. Then press H to highlight, or a number (1–
              {Math.min(KIND_KEYS.length, codebook.kinds.length)}) to choose the kind.
            </p>
          ) : (
            <Filters
              codebook={codebook}
              filter={filter}
              tags={choices.tags}
              entities={choices.entityIds.map((id) => ({ id, name: names.get(id) ?? id }))}
              onFilter={onFilter}
            />
          )}
          {annotations.length > 0 && shown.length === 0 && (
            <p className="muted">No highlight matches this filter.</p>
          )}
          <ol className="highlight-list" aria-label="Highlights in this document">
            {shown.slice(0, limit).map((a) => (
              <li key={a.id}>
                <Row
                  kind={kindLabel(codebook, a.kind)}
                  annotation={a}
                  entityNames={a.entityIds
                    .map((id) => names.get(id))
                    .filter((n) => n !== undefined)}
                  selected={a.id === selectedId}
                  onOpen={() => onOpen(a.id)}
                />
              </li>
            ))}
          </ol>
          {shown.length > limit && (
            <button type="button" className="link" onClick={() => setLimit(limit + PAGE)}>
              Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Row({
  kind,
  annotation: a,
  entityNames,
  selected,
  onOpen,
}: {
  kind: string;
  annotation: Annotation;
  entityNames: string[];
  selected: boolean;
  onOpen: () => void;
}): React.JSX.Element {
  const languageOf = useLanguages();
  const details = [
    kind,
    a.status === 'anchored' ? '' : STATUS_NAMES[a.status].toLowerCase(),
    a.note ? 'has a note' : '',
  ].filter(Boolean);
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-current={selected ? 'true' : undefined}
      aria-label={`Highlight: ${quoteOf(a).slice(0, 80)} (${details.join(', ')})`}
    >
      <span className={`kind-dot swatch-${a.kind}`} aria-hidden="true" />
      <span className="row-body">
        <span className="clamp" {...languageOf(a.documentId)}>
          {quoteOf(a)}
        </span>
        <span className="muted row-meta">
          {kind}
          {a.status === 'anchored' ? '' : ` · ${STATUS_NAMES[a.status].toLowerCase()}`}
          {a.status === 'fuzzy' && a.confidence !== undefined
            ? ` ${Math.round(a.confidence * 100)} %`
            : ''}
          {a.note && (
            <span className="note-marker" title="Has a note">
              {' '}
              · note
            </span>
          )}
        </span>
        {(entityNames.length > 0 || a.tags.length > 0) && (
          <span className="row-tags">
            {entityNames.map((name) => (
              <span key={name} className="mini-chip">
                {name}
              </span>
            ))}
            {a.tags.map((tag) => (
              <span key={`#${tag}`} className="mini-chip tag">
                #{tag}
              </span>
            ))}
          </span>
        )}
      </span>
    </button>
  );
}

function Filters({
  filter,
  codebook,
  tags,
  entities,
  onFilter,
}: {
  filter: HighlightFilter;
  codebook: Codebook;
  tags: string[];
  entities: { id: string; name: string }[];
  onFilter: (filter: Partial<HighlightFilter>) => void;
}): React.JSX.Element {
  return (
    <div className="highlight-filters" role="group" aria-label="Filter and sort highlights">
      <label>
        Kind
        <select
          value={filter.kind ?? ''}
          onChange={(e) => {
            const kind = codebook.kinds.find((k) => k.id === e.target.value);
            onFilter({ kind: kind?.id ?? null });
          }}
        >
          <option value="">Any</option>
          {codebook.kinds.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Entity
        <select
          value={filter.entityId ?? ''}
          onChange={(e) => onFilter({ entityId: e.target.value || null })}
        >
          <option value="">Any</option>
          {entities.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {entity.name}
            </option>
          ))}
        </select>
      </label>
      {tags.length > 0 && (
        <label>
          Tag
          <select
            value={filter.tag ?? ''}
            onChange={(e) => onFilter({ tag: e.target.value || null })}
          >
            <option value="">Any</option>
            {tags
              .map((tag) => ({ tag, path: codePath(codebook, tag) }))
              .sort((a, b) => a.path.localeCompare(b.path))
              .map(({ tag, path }) => (
                <option key={tag} value={tag}>
                  {path}
                </option>
              ))}
          </select>
        </label>
      )}
      <label>
        Status
        <select
          value={filter.status ?? ''}
          onChange={(e) => {
            const parsed = AnchorStatus.safeParse(e.target.value);
            onFilter({ status: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">Any</option>
          {AnchorStatus.options.map((status) => (
            <option key={status} value={status}>
              {STATUS_NAMES[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort
        <select
          value={filter.sort}
          onChange={(e) => {
            const sort = HIGHLIGHT_SORTS.find((s) => s === e.target.value);
            if (sort) onFilter({ sort });
          }}
        >
          {HIGHLIGHT_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter) && (
        <button
          type="button"
          className="link"
          onClick={() => onFilter({ ...NO_FILTER, sort: filter.sort })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
