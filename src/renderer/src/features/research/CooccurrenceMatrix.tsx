// The co-occurrence matrix: a heat map whose cells give the count for each pair; a cell
// is a button that lists the passages connecting the two entities.
import type { Cooccurrence, CooccurrenceNode } from '../../../../shared/methods/analysis';
import { countsByPair, pairKey } from '../../lib/cooccurrence-export';

export function CooccurrenceMatrix({
  nodes,
  data,
  selected,
  onSelect,
}: {
  nodes: readonly CooccurrenceNode[];
  data: Cooccurrence;
  selected: { a: string; b: string } | null;
  onSelect: (a: string, b: string) => void;
}): React.JSX.Element {
  const counts = countsByPair(data);
  const max = Math.max(1, ...counts.values());
  return (
    <div className="matrix-scroll">
      <table className="matrix">
        <caption className="visually-hidden">
          Co-occurrence matrix: how many {data.scope}s tag both entities
        </caption>
        <thead>
          <tr>
            <td />
            {nodes.map((n) => (
              <th key={n.id} scope="col" title={n.name}>
                <bdi>{n.name}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {nodes.map((row) => (
            <tr key={row.id}>
              <th scope="row" title={`${row.name} (${row.type})`}>
                <bdi>{row.name}</bdi>
              </th>
              {nodes.map((col) => {
                if (col.id === row.id) return <td key={col.id} className="diagonal" />;
                const count = counts.get(pairKey(row.id, col.id)) ?? 0;
                const isSelected =
                  selected !== null && pairKey(selected.a, selected.b) === pairKey(row.id, col.id);
                return (
                  <td key={col.id}>
                    {count > 0 && (
                      <button
                        type="button"
                        aria-label={`${row.name} and ${col.name}: ${count}`}
                        aria-pressed={isSelected}
                        style={
                          {
                            '--heat': (0.15 + 0.85 * (count / max)).toFixed(3),
                          } as React.CSSProperties
                        }
                        className={count / max > 0.5 ? 'heat strong' : 'heat'}
                        onClick={() => onSelect(row.id, col.id)}
                      >
                        {count}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
