// The network's elements: entity ids that are names of every object's prototype
// ("constructor", "hasOwnProperty", "__proto__") must lay out like any other, since
// cytoscape keys some of its book-keeping by element id in plain objects.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { graphElements } from '../../../src/renderer/src/lib/cooccurrence-graph';
import type { Cooccurrence } from '../../../src/shared/methods/analysis';

const IDS = ['constructor', 'hasOwnProperty', '__proto__', 'toString', 'valueOf', 'ent_a'];

describe('the co-occurrence network', () => {
  it('lays out entities whatever their ids, and maps a link back to its two entities', () => {
    const data: Cooccurrence = {
      scope: 'highlight',
      nodes: IDS.map((id) => ({ id, name: `Entity ${id}`, type: 'person', count: 2 })),
      pairs: IDS.slice(1).map((id) => ({ a: IDS[0]!, b: id, count: 1 })),
    };
    const { elements, entityOf } = graphElements(data.nodes, data);
    const graph = cytoscape({ headless: true, elements });
    graph.layout({ name: 'cose', animate: false }).run();
    expect(graph.nodes()).toHaveLength(IDS.length);
    expect(graph.edges()).toHaveLength(IDS.length - 1);
    const edge = graph.getElementById('n0-n1');
    expect([entityOf(String(edge.data('source'))), entityOf(String(edge.data('target')))]).toEqual([
      'constructor',
      'hasOwnProperty',
    ]);
    graph.destroy();
  });

  it('leaves out links to entities not shown', () => {
    const data: Cooccurrence = {
      scope: 'highlight',
      nodes: [{ id: 'a', name: 'A', type: 'person', count: 1 }],
      pairs: [{ a: 'a', b: 'hidden', count: 1 }],
    };
    expect(graphElements(data.nodes, data).elements).toHaveLength(1);
  });
});
