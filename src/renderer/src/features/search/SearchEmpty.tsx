// What an empty result says: no result for the words, or, when filters are on, how many
// results they hide and which filter alone hides them ("12 results hidden by 3 filters"),
// with the way to clear them, so a filter left on never passes for "nothing found".
import { plural } from '../../../../shared/text';
import {
  NO_FILTERS,
  searchQuery,
  type FilterChip,
  type FilterContext,
  type SearchFilters,
} from '../../lib/search-filters';
import { useView } from '../../hooks/use-view';

/** Only the count matters: one hit is enough for `total`. */
const COUNT = 1;

export function SearchEmpty({
  query,
  chips,
  context,
  onChange,
}: {
  query: string;
  chips: readonly FilterChip[];
  context: FilterContext;
  onChange: (filters: SearchFilters) => void;
}): React.JSX.Element {
  const unfiltered = useView('search', searchQuery(query, NO_FILTERS, context, COUNT), {
    enabled: chips.length > 0,
  }).data;
  const hidden = unfiltered?.total ?? 0;
  return (
    <div className="search-empty" role="status">
      <p>
        No results for “{query}”{chips.length > 0 ? ' with these filters' : ''}.
      </p>
      {chips.length > 0 && unfiltered && (
        <>
          <p>
            {hidden === 0
              ? `Without filters there are none either.`
              : `${plural(hidden, 'result')} hidden by ${plural(chips.length, 'filter')}.`}{' '}
            {hidden > 0 && (
              <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
                Clear filters
              </button>
            )}
          </p>
          {hidden > 0 && chips.length > 1 && (
            <ul className="muted small" aria-label="What each filter hides">
              {chips.map((chip) => (
                <WithoutChip key={chip.id} chip={chip} query={query} context={context} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** How many results there would be without this one filter. */
function WithoutChip({
  chip,
  query,
  context,
}: {
  chip: FilterChip;
  query: string;
  context: FilterContext;
}): React.JSX.Element | null {
  const result = useView('search', searchQuery(query, chip.without, context, COUNT)).data;
  if (!result) return null;
  return (
    <li>
      Without “{chip.label}”: {plural(result.total, 'result')}
    </li>
  );
}
