// The co-occurrence network, drawn by cytoscape: entities as nodes coloured by type, a link
// per pair as thick as its count and labelled with it, and a legend of the colours.
// cytoscape is loaded the first time a graph is drawn (`import()`), so the window starts
// without it. Tapping a link lists the passages that connect the two. The canvas is an
// image to assistive technology; the matrix beside it holds the same counts as buttons.
import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { Cooccurrence, CooccurrenceNode } from '../../../../shared/methods/analysis';
import { separateLabels } from '../../lib/graph-layout';
import { graphElements } from '../../lib/cooccurrence-graph';
import { graphLayout, graphStyle, readGraphColours } from '../../lib/graph-style';
import { typeGroupLabel } from '../../lib/labels';
import '../../styles/graph.css';

type Drawn = 'loading' | 'drawn' | 'failed';

export function CooccurrenceGraph({
  nodes,
  data,
  onSelect,
  onReady,
}: {
  nodes: readonly CooccurrenceNode[];
  data: Cooccurrence;
  onSelect: (a: string, b: string) => void;
  /** Gives the caller the graph, to export it as an image. */
  onReady: (graph: Core | null) => void;
}): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  const [drawn, setDrawn] = useState<Drawn>('loading');
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  useEffect(() => {
    let graph: Core | undefined;
    let gone = false;
    void import('cytoscape')
      .then(({ default: cytoscape }) => {
        const container = box.current;
        if (gone || !container) return;
        const colours = readGraphColours(container);
        // Named by place, not entity id (lib/cooccurrence-graph.ts), and mapped back on a tap.
        const { elements, entityOf } = graphElements(nodes, data);
        graph = cytoscape({
          container,
          elements,
          style: graphStyle(data, colours),
          layout: { name: 'preset' },
          // A graph of two or three entities is not blown up to fill the box.
          maxZoom: 1.6,
          minZoom: 0.2,
          wheelSensitivity: 0.3,
        });
        graph.layout(graphLayout(nodes.length)).run();
        // The force layout leaves some labels touching: move those apart, then fit.
        const moved = separateLabels(
          graph.nodes().map((n) => {
            const box = n.boundingBox({ includeLabels: true });
            return {
              id: n.id(),
              x: (box.x1 + box.x2) / 2,
              y: (box.y1 + box.y2) / 2,
              w: box.w,
              h: box.h,
            };
          }),
        );
        for (const box of moved) {
          const node = graph.getElementById(box.id);
          const now = node.boundingBox({ includeLabels: true });
          const at = node.position();
          node.position({
            x: at.x + box.x - (now.x1 + now.x2) / 2,
            y: at.y + box.y - (now.y1 + now.y2) / 2,
          });
        }
        graph.fit(undefined, 30);
        graph.on('tap', 'edge', (event) => {
          const edge = event.target as cytoscape.EdgeSingular;
          const a = entityOf(String(edge.data('source')));
          const b = entityOf(String(edge.data('target')));
          if (a && b) select.current(a, b);
        });
        setDrawn('drawn');
        onReady(graph);
      })
      .catch(() => !gone && setDrawn('failed'));
    return () => {
      gone = true;
      onReady(null);
      graph?.destroy();
    };
  }, [nodes, data, onReady]);
  const types = [...new Set(nodes.map((n) => n.type))].sort();
  return (
    <figure className="graph-figure">
      <div
        ref={box}
        className="graph"
        role="img"
        aria-label={`Network of ${nodes.length} entities and ${data.pairs.length} links; the matrix lists the same counts`}
      />
      <figcaption className="graph-legend">
        {drawn === 'loading' && <span className="muted">Drawing the network…</span>}
        {drawn === 'failed' && (
          <span className="muted">The network could not be drawn; the matrix has the counts.</span>
        )}
        <ul aria-label="Legend">
          {types.map((type) => (
            <li key={type}>
              <span className={`swatch type-${type}`} aria-hidden="true" />
              {typeGroupLabel(type)}
            </li>
          ))}
          <li>
            <span className="swatch edge" aria-hidden="true" />A link: tagged together; its number
            counts how often, and its width grows with it
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
