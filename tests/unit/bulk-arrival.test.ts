// Which commits are indexed by the workers afresh: many documents, and a large share of
// the workspace (the workers read all of it); a few into a large workspace stay here.
import { expect, it } from 'vitest';
import { BULK_DOCUMENTS, bulkArrival } from '../../src/core/search/bulk-arrival';
import type { Op } from '../../src/core/store/tx';

const written = (n: number, kind: 'file' | 'document' = 'file'): Op[] =>
  Array.from(
    { length: n },
    (_, i) => ({ kind, id: `doc_${i}`, after: {}, index: i }) as unknown as Op,
  );

it('takes many documents that are a large share of the workspace', () => {
  expect(bulkArrival(written(BULK_DOCUMENTS), BULK_DOCUMENTS)).toBe(
    `${BULK_DOCUMENTS} documents arrived in one change`,
  );
  expect(bulkArrival(written(2000, 'document'), 2000)).toBeDefined();
});

it('leaves few documents, a small share, and removals to this thread', () => {
  expect(bulkArrival(written(BULK_DOCUMENTS - 1), BULK_DOCUMENTS - 1)).toBeUndefined();
  expect(bulkArrival(written(300), 20_000)).toBeUndefined();
  const removed = written(100).map((op) => ({ ...op, after: undefined }));
  expect(bulkArrival(removed, 0)).toBeUndefined();
});
