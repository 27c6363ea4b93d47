// The co-occurrence matrix as files: CSV (one row per pair, names and ids) and a
// self-contained SVG heat map, both pure functions of what the view shows, so the file is
// the picture on screen.
import { isolate, xmlText } from '../../../shared/bidi';
import { csvFile } from '../../../shared/csv';
import type { Cooccurrence, CooccurrenceNode } from '../../../shared/methods/analysis';

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function countsByPair(data: Cooccurrence): Map<string, number> {
  return new Map(data.pairs.map((p) => [pairKey(p.a, p.b), p.count]));
}

export function cooccurrenceCsv(data: Cooccurrence): string {
  const names = new Map(data.nodes.map((n) => [n.id, n]));
  const rows = [['entity_a', 'entity_b', 'count', 'scope', 'entity_a_id', 'entity_b_id']];
  for (const p of data.pairs) {
    rows.push([
      names.get(p.a)?.name ?? p.a,
      names.get(p.b)?.name ?? p.b,
      String(p.count),
      data.scope,
      p.a,
      p.b,
    ]);
  }
  return csvFile(rows);
}

/** A heat map of `nodes` × `nodes`: darker is more. */
export function matrixSvg(nodes: readonly CooccurrenceNode[], data: Cooccurrence): string {
  const counts = countsByPair(data);
  const max = Math.max(1, ...counts.values());
  const size = 22;
  const label = 180;
  const width = label + nodes.length * size + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  nodes.forEach((n, i) => {
    const at = label + i * size + size / 2;
    // Only what XML allows, each name isolated in its own direction (src/shared/bidi.ts).
    const name = xmlText(isolate(n.name));
    parts.push(
      `<text x="${label - 6}" y="${at + 4}" text-anchor="end">${name}</text>`,
      `<text transform="translate(${at + 4} ${label - 6}) rotate(-60)">${name}</text>`,
    );
  });
  nodes.forEach((row, i) => {
    nodes.forEach((col, j) => {
      const count = i === j ? 0 : (counts.get(pairKey(row.id, col.id)) ?? 0);
      const x = label + j * size;
      const y = label + i * size;
      const shade = count ? 0.15 + 0.85 * (count / max) : 0;
      parts.push(
        `<rect x="${x}" y="${y}" width="${size - 1}" height="${size - 1}" fill="#2b5aa6" fill-opacity="${shade.toFixed(3)}" stroke="#dcd9cf" stroke-width="0.5"/>`,
      );
      if (count)
        parts.push(
          `<text x="${x + size / 2}" y="${y + size / 2 + 4}" text-anchor="middle" fill="${shade > 0.5 ? '#ffffff' : '#1d1d1b'}">${count}</text>`,
        );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
