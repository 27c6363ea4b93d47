// The co-occurrence network's elements for cytoscape. Cytoscape keeps some of its own
// book-keeping in plain objects keyed by element id (`connectedBy[id]` in its traversals),
// so an entity whose id is "constructor" or "hasOwnProperty" finds a function there and
// the layout throws, blanking the view. Elements are therefore named by their place in
// the list ("n0", "n1", "n0-n1"), never by entity id, and mapped back on a tap. Nodes start
// on a circle, for the force layout to move.
import type { Cooccurrence, CooccurrenceNode } from '../../../shared/methods/analysis';

export interface GraphElements {
  elements: {
    data: Record<string, string | number>;
    position?: { x: number; y: number };
  }[];
  /** The entity id of a graph node's id. */
  entityOf: (nodeId: string) => string | undefined;
}

export function graphElements(
  nodes: readonly CooccurrenceNode[],
  data: Cooccurrence,
): GraphElements {
  const named = nodes.map((n, i) => ({ n, id: `n${i}` }));
  const key = new Map(named.map(({ n, id }) => [n.id, id]));
  const entity = new Map(named.map(({ n, id }) => [id, n.id]));
  const edges = data.pairs.flatMap((p) => {
    const a = key.get(p.a);
    const b = key.get(p.b);
    return a && b ? [{ data: { id: `${a}-${b}`, source: a, target: b, count: p.count } }] : [];
  });
  const radius = 40 * Math.max(2, nodes.length);
  return {
    elements: [
      ...named.map(({ n, id }, i) => ({
        data: { id, label: n.name, type: n.type },
        position: {
          x: radius * Math.cos((2 * Math.PI * i) / nodes.length),
          y: radius * Math.sin((2 * Math.PI * i) / nodes.length),
        },
      })),
      ...edges,
    ],
    entityOf: (nodeId) => entity.get(nodeId),
  };
}
