// @vitest-environment jsdom
// The co-occurrence files: CSV rows per pair with names, formula cells defused, and an SVG
// heat map whose cells carry the counts the matrix shows.
import { describe, expect, it } from 'vitest';
import type { Cooccurrence } from '../../../src/shared/methods/analysis';
import { cooccurrenceCsv, matrixSvg } from '../../../src/renderer/src/lib/cooccurrence-export';
import { FORMULA_STARTS, readCsv } from '../../fixtures/read-csv';

const DATA: Cooccurrence = {
  scope: 'paragraph',
  nodes: [
    { id: 'e1', name: 'Ejei', type: 'person', count: 3 },
    { id: 'e2', name: 'Shamkhani', type: 'person', count: 2 },
    { id: 'e3', name: '=Evin <prison>', type: 'place', count: 1 },
  ],
  pairs: [
    { a: 'e1', b: 'e2', count: 2 },
    { a: 'e1', b: 'e3', count: 1 },
  ],
};

describe('co-occurrence export', () => {
  it('writes one CSV row per pair, naming both entities', () => {
    const lines = cooccurrenceCsv(DATA)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'entity_a,entity_b,count,scope,entity_a_id,entity_b_id',
      'Ejei,Shamkhani,2,paragraph,e1,e2',
      "Ejei,'=Evin <prison>,1,paragraph,e1,e3",
    ]);
  });

  it('draws the matrix as SVG with escaped names and a count in each non-empty cell', () => {
    const svg = matrixSvg(DATA.nodes, DATA);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('&#60;prison&#62;');
    expect(svg).not.toContain('<prison>');
    const counts = [...svg.matchAll(/text-anchor="middle"[^>]*>(\d+)</g)].map((m) => m[1]);
    // Each pair appears twice, above and below the diagonal.
    expect(counts.sort()).toEqual(['1', '1', '2', '2']);
  });

  it('writes no cell that starts a formula, whatever the names', () => {
    const nodes = FORMULA_STARTS.map((s, i) => ({
      id: `e${i}`,
      name: `${s}HYPERLINK("http://evil.example")`,
      type: 'person',
      count: 1,
    }));
    const data: Cooccurrence = {
      scope: 'paragraph',
      nodes,
      pairs: nodes.slice(1).map((n) => ({ a: 'e0', b: n.id, count: 1 })),
    };
    const cells = readCsv(cooccurrenceCsv(data)).flat();
    expect(cells.filter((c) => FORMULA_STARTS.includes(c[0] ?? ''))).toEqual([]);
  });

  it('leaves out of the SVG what XML forbids, escapes markup and isolates right-to-left names', () => {
    const nodes = [
      { id: 'e1', name: 'Evin\u0000\u0007\u001b prison\uFFFE', type: 'place', count: 1 },
      { id: 'e2', name: 'زندان اوین', type: 'place', count: 1 },
      { id: 'e3', name: '<script>alert(1)</script> & "Ejei"', type: 'person', count: 1 },
    ];
    const svg = matrixSvg(nodes, {
      scope: 'paragraph',
      nodes,
      pairs: [{ a: 'e1', b: 'e2', count: 1 }],
    });
    // eslint-disable-next-line no-control-regex -- control characters are what it finds
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(svg).toContain('>Evin prison</text>');
    expect(svg).toContain('>\u2068زندان اوین\u2069</text>');
    // A strict XML parser reads it (jsdom's XML mode refuses forbidden characters).
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    // A name that looks like markup is a label, not an element.
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    const labels = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    expect(labels).toContain('<script>alert(1)</script> & "Ejei"');
  });
});
