// How the co-occurrence network looks: its elements, its stylesheet and its layout, with
// colours read from the theme's CSS custom properties (research.css), so node labels and
// the counts on links read in the light and the dark scheme alike, and the legend shows
// the same colours as the graph.
import type Cy from 'cytoscape';
import type { Cooccurrence } from '../../../shared/methods/analysis';

/** The entity types with a colour of their own; any other is drawn as "other". */
export const GRAPH_TYPES = ['person', 'organization', 'place', 'event'] as const;

export interface GraphColours {
  text: string;
  /** Behind labels, so a link crossing a label does not garble it. */
  surface: string;
  edge: string;
  selected: string;
  types: Record<string, string>;
  other: string;
}

/** The theme's colours, as the element's styles resolve them now. */
export function readGraphColours(element: HTMLElement): GraphColours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text', '#1d1d1b'),
    surface: read('--surface', '#ffffff'),
    edge: read('--graph-edge', '#8792a6'),
    selected: read('--graph-selected', '#c2571a'),
    types: Object.fromEntries(GRAPH_TYPES.map((t) => [t, read(`--graph-${t}`, '#6b6a64')])),
    other: read('--graph-other', '#6b6a64'),
  };
}

export function graphStyle(data: Cooccurrence, colours: GraphColours): Cy.StylesheetJson {
  const max = Math.max(1, ...data.pairs.map((p) => p.count));
  const label = {
    color: colours.text,
    'text-background-color': colours.surface,
    'text-background-opacity': 0.85,
    'text-background-padding': '2px',
    'text-background-shape': 'roundrectangle',
  } as const;
  return [
    {
      selector: 'node',
      style: {
        ...label,
        label: 'data(label)',
        'background-color': (n: Cy.NodeSingular) =>
          colours.types[String(n.data('type'))] ?? colours.other,
        'font-size': 12,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        width: 18,
        height: 18,
      },
    },
    {
      selector: 'edge',
      style: {
        ...label,
        width: (e: Cy.EdgeSingular) => 1 + 7 * (Number(e.data('count')) / max),
        'line-color': colours.edge,
        label: 'data(count)',
        'font-size': 10,
        'curve-style': 'straight',
      },
    },
    { selector: 'edge:selected', style: { 'line-color': colours.selected } },
  ];
}

/**
 * cytoscape's force layout, given room for the labels: it counts each node with its label,
 * pushes nodes apart more as there are more of them, and starts from a circle, so the same
 * graph is drawn the same way each time. Labels still touching afterwards are moved apart
 * by separateLabels (graph-layout.ts).
 */
export function graphLayout(count: number): Cy.LayoutOptions {
  if (count < 2) return { name: 'grid', animate: false, padding: 30 };
  return {
    name: 'cose',
    animate: false,
    randomize: false,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
    // Short links and a strong pull to the centre keep a chain of names compact enough to
    // be read at the box's size; separateLabels then makes room where labels still touch.
    idealEdgeLength: () => 40 + Math.min(count, 60),
    nodeRepulsion: () => 12_000 + 1_500 * Math.min(count, 80),
    nodeOverlap: 40,
    componentSpacing: 60,
    gravity: 1.2,
    numIter: 2500,
  };
}
