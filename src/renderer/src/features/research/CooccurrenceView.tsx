// Which entities are tagged together: the user picks the scope (highlight, paragraph,
// document), the types and a minimum count; the matrix (sortable heat map) and the network
// graph show the pairs, and choosing a pair lists the passages that connect them.
// Exports: the pairs as CSV, the matrix as SVG, the graph as PNG.
import type { Core } from 'cytoscape';
import { useCallback, useMemo, useState } from 'react';
import { COOCCURRENCE_SCOPES, type CooccurrenceNode } from '../../../../shared/methods/analysis';
import { cooccurrenceCsv, matrixSvg } from '../../lib/cooccurrence-export';
import { download } from '../../lib/import-files';
import { entityTypes, plural, typeGroupLabel } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { selectEntities } from '../../store/entities';
import { selectCooccurrenceSettings, setCooccurrence } from '../../store/research';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { CooccurrenceGraph } from './CooccurrenceGraph';
import { CooccurrenceMatrix } from './CooccurrenceMatrix';
import { useLanguages } from '../../hooks/use-languages';
import { quoteOf } from '../../../../shared/regions';

/** More than this and the matrix stops being readable: the most connected are shown. */
const MATRIX_LIMIT = 30;
/** The network holds more before it is a hairball; past this, the most connected. */
const GRAPH_LIMIT = 100;
type SortBy = 'links' | 'name' | 'type';

export function CooccurrenceView(): React.JSX.Element {
  const languageOf = useLanguages();
  const { store } = useWorkbench();
  const commands = useCommands();
  const settings = useSelector(selectCooccurrenceSettings);
  const entities = useSelector(selectEntities);
  const [sortBy, setSortBy] = useState<SortBy>('links');
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const [graph, setGraph] = useState<Core | null>(null);
  const onReady = useCallback((g: Core | null) => setGraph(g), []);
  const { data } = useView('cooccurrence', settings, { keepPrevious: true });
  const nodes = useMemo((): CooccurrenceNode[] => {
    const top = (data?.nodes ?? []).slice(0, MATRIX_LIMIT);
    if (sortBy === 'name') return [...top].sort((a, b) => a.name.localeCompare(b.name));
    if (sortBy === 'type')
      return [...top].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    return top;
  }, [data, sortBy]);
  const graphNodes = useMemo(() => (data?.nodes ?? []).slice(0, GRAPH_LIMIT), [data]);
  const { data: passages } = useView(
    'connections',
    { a: pair?.a ?? '', b: pair?.b ?? '', scope: settings.scope },
    { enabled: pair !== null },
  );
  const name = (id: string): string => entities.find((e) => e.id === id)?.name ?? id;
  const set = (patch: Parameters<typeof setCooccurrence>[0]): void => {
    store.dispatch(setCooccurrence(patch));
  };
  const date = new Date().toISOString().slice(0, 10);
  return (
    <section className="research cooccurrence" aria-labelledby="cooccurrence-heading">
      <header className="row spread">
        <h1 id="cooccurrence-heading">Co-occurrence</h1>
        <div className="row">
          <button
            type="button"
            disabled={!data}
            onClick={() =>
              data && download(`cooccurrence-${date}.csv`, 'text/csv', cooccurrenceCsv(data))
            }
          >
            Export CSV
          </button>
          <button
            type="button"
            disabled={!data}
            onClick={() =>
              data && download(`cooccurrence-${date}.svg`, 'image/svg+xml', matrixSvg(nodes, data))
            }
          >
            Export matrix (SVG)
          </button>
          <button
            type="button"
            disabled={!graph}
            onClick={() =>
              graph &&
              download(
                `network-${date}.png`,
                'image/png',
                graph.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }),
              )
            }
          >
            Export graph (PNG)
          </button>
        </div>
      </header>
      <div className="controls row">
        <fieldset>
          <legend>Together in the same</legend>
          {COOCCURRENCE_SCOPES.map((scope) => (
            <label key={scope}>
              <input
                type="radio"
                name="scope"
                checked={settings.scope === scope}
                onChange={() => set({ scope })}
              />{' '}
              {scope}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Types</legend>
          {entityTypes(entities).map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={settings.types.length === 0 || settings.types.includes(type)}
                onChange={(e) => {
                  const all = entityTypes(entities);
                  const current = settings.types.length ? settings.types : all;
                  const next = e.target.checked
                    ? [...current, type]
                    : current.filter((t) => t !== type);
                  set({ types: next.length === all.length ? [] : next });
                }}
              />{' '}
              {typeGroupLabel(type)}
            </label>
          ))}
        </fieldset>
        <label className="stack">
          At least
          <input
            type="number"
            min={1}
            value={settings.minCount}
            onChange={(e) => set({ minCount: Math.max(1, Number(e.target.value) || 1) })}
          />
        </label>
        <label className="stack">
          Sort the matrix by
          <select value={sortBy} onChange={(e) => setSortBy(e.target.value as SortBy)}>
            <option value="links">most connected</option>
            <option value="name">name</option>
            <option value="type">type</option>
          </select>
        </label>
      </div>
      {!data && <p className="muted">Counting…</p>}
      {data && data.pairs.length === 0 && (
        <p className="muted">
          No two entities are tagged in the same {settings.scope} yet
          {settings.minCount > 1 ? ` at least ${settings.minCount} times` : ''}.
        </p>
      )}
      {data && data.pairs.length > 0 && (
        <>
          <p className="muted">
            {plural(data.nodes.length, 'entity')}, {plural(data.pairs.length, 'pair')}
            {data.nodes.length > MATRIX_LIMIT
              ? `; the matrix shows the ${MATRIX_LIMIT} most connected${data.nodes.length > GRAPH_LIMIT ? `, the network the ${GRAPH_LIMIT} most connected` : ''}`
              : ''}
            .
          </p>
          <div className="cooccurrence-panes">
            <CooccurrenceMatrix
              nodes={nodes}
              data={data}
              selected={pair}
              onSelect={(a, b) => setPair({ a, b })}
            />
            <CooccurrenceGraph
              nodes={graphNodes}
              data={data}
              onSelect={(a, b) => setPair({ a, b })}
              onReady={onReady}
            />
          </div>
        </>
      )}
      {pair && (
        <section aria-labelledby="connections-heading" className="connections">
          <h2 id="connections-heading">
            {name(pair.a)} and {name(pair.b)}
          </h2>
          {!passages && <p className="muted">Loading…</p>}
          <ol
            className="passages"
            aria-label={`Passages connecting ${name(pair.a)} and ${name(pair.b)}`}
          >
            {passages?.map((p) => (
              <li key={p.annotation.id}>
                <blockquote
                  className={`quote quote-${p.annotation.kind}`}
                  {...languageOf(p.annotation.documentId)}
                >
                  {quoteOf(p.annotation)}
                </blockquote>
                <div className="row spread">
                  <cite>{p.documentTitle}</cite>
                  <button
                    type="button"
                    onClick={() => commands.showHighlight(p.annotation)}
                    aria-label={`Show in reader: ${quoteOf(p.annotation).slice(0, 60)}`}
                  >
                    Show in reader
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
