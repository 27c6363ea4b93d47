// The co-occurrence network, drawn by cytoscape: entities as nodes coloured by type, a link
// per pair as thick as its count and labelled with it. Tapping a link lists the passages
// that connect the two. The canvas is an image to assistive technology; the matrix beside
// it holds the same counts as buttons.
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { Cooccurrence, CooccurrenceNode } from '../../../../shared/methods/analysis';
import { graphElements } from '../../lib/cooccurrence-graph';

const TYPE_COLOURS: Record<string, string> = {
  person: '#2b5aa6',
  organization: '#8a4fbf',
  place: '#1f8a5b',
  event: '#c2571a',
};

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
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  useEffect(() => {
    if (!box.current) return;
    const { elements, entityOf } = graphElements(nodes, data);
    const max = Math.max(1, ...data.pairs.map((p) => p.count));
    const text = getComputedStyle(box.current).color || '#1d1d1b';
    const graph = cytoscape({
      container: box.current,
      elements,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': (n: cytoscape.NodeSingular) =>
              TYPE_COLOURS[String(n.data('type'))] ?? '#6b6a64',
            color: text,
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 18,
            height: 18,
          },
        },
        {
          selector: 'edge',
          style: {
            width: (e: cytoscape.EdgeSingular) => 1 + 7 * (Number(e.data('count')) / max),
            'line-color': '#9aa7bd',
            label: 'data(count)',
            'font-size': 10,
            color: text,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
            'curve-style': 'straight',
          },
        },
        { selector: 'edge:selected', style: { 'line-color': '#c2571a' } },
      ],
      layout: { name: nodes.length > 1 ? 'cose' : 'grid', animate: false, padding: 30 },
      // A graph of two or three entities is not blown up to fill the box.
      maxZoom: 1.6,
      minZoom: 0.2,
      wheelSensitivity: 0.3,
    });
    graph.on('tap', 'edge', (event) => {
      const edge = event.target as cytoscape.EdgeSingular;
      const a = entityOf(String(edge.data('source')));
      const b = entityOf(String(edge.data('target')));
      if (a && b) select.current(a, b);
    });
    onReady(graph);
    return () => {
      onReady(null);
      graph.destroy();
    };
  }, [nodes, data, onReady]);
  return (
    <div
      ref={box}
      className="graph"
      role="img"
      aria-label={`Network of ${nodes.length} entities and ${data.pairs.length} links; the matrix lists the same counts`}
    />
  );
}
