// The co-occurrence files: CSV rows per pair with names, formula cells defused, and an SVG
// heat map whose cells carry the counts the matrix shows.
import { describe, expect, it } from 'vitest';
import type { Cooccurrence } from '../../../src/shared/methods/analysis';
import { cooccurrenceCsv, matrixSvg } from '../../../src/renderer/src/lib/cooccurrence-export';

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
});
