// Hypothesis import: a saved Hypothesis API search result (tests/fixtures/interchange),
// made against a web page that the test imports, brought in through the API. Every
// annotation is anchored by its quote, reported fuzzy or orphaned with its reason, and a
// bad file is refused whole, naming what is wrong, with the workspace files untouched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { AnnotationsReport } from '../../src/shared/methods/annotations';
import { reopen, tempDir, unwrap } from './helpers';
import { workspaceFiles } from './snapshot-files';

const FIXTURES = join(import.meta.dirname, '../fixtures/interchange');
const HYPOTHESIS = readFileSync(join(FIXTURES, 'hypothesis-search.json'), 'utf8');
const PAGE = 'https://rights.example.org/reports/detention-2023';
const MIRROR = 'https://mirror.example.net/detention-briefing';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
let docId: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
  const html = readFileSync(join(FIXTURES, 'detention-report.html'));
  const outcome = unwrap(
    await wb.call('documents.import', {
      fileName: 'detention-report.html',
      dataBase64: html.toString('base64'),
    }),
  );
  if (outcome.kind !== 'document') throw new Error(`unexpected ${outcome.kind}`);
  docId = outcome.documentId;
});
afterEach(() => cleanup());

const byId = (report: AnnotationsReport, id: string) =>
  report.items.find((i) => i.sourceId === id)!;

describe('a Hypothesis API search result', () => {
  it('previews which page each annotation is on and which document that is', async () => {
    const preview = unwrap(await wb.call('annotations.importPreview', { json: HYPOTHESIS }));
    expect(preview.format).toBe('hypothesis');
    expect(preview.total).toBe(7);
    // http, a trailing slash and a fragment still name the same page.
    expect(preview.targets.filter((t) => t.documentId === docId).map((t) => t.count)).toEqual([
      5, 1,
    ]);
    expect(preview.targets.find((t) => t.url === MIRROR)).toEqual({
      url: MIRROR,
      title: 'Detention conditions in 2023: a briefing',
      count: 1,
    });
    expect(preview.tags).toEqual([
      'demands',
      'detention',
      'due process',
      'Evin prison',
      'follow-up',
      'overcrowding',
    ]);
  });

  it('anchors each quote, reports the stale one fuzzy, keeps the lost one orphaned and skips the rest with reasons', async () => {
    const report = unwrap(await wb.call('annotations.import', { json: HYPOTHESIS }));
    expect(report.counts).toEqual({
      anchored: 2,
      fuzzy: 1,
      orphaned: 1,
      duplicate: 0,
      'over-budget': 0,
      skipped: 3,
    });
    expect(byId(report, 'hypCellsAAAA1')).toMatchObject({ status: 'anchored', documentId: docId });
    expect(byId(report, 'hypLawyerAAA2')).toMatchObject({ status: 'anchored', documentId: docId });
    const stale = byId(report, 'hypEvinStale3');
    expect(stale.status).toBe('fuzzy');
    expect(stale.confidence).toBeGreaterThan(0.68);
    expect(byId(report, 'hypGoneAAAAA4')).toMatchObject({
      status: 'orphaned',
      reason:
        'its quote was not found in “Detention conditions in 2023: a briefing”; kept as orphaned, for review',
    });
    expect(byId(report, 'hypMirrorAAA5')).toMatchObject({
      status: 'skipped',
      reason: `no document here has the address ${MIRROR}`,
    });
    expect(byId(report, 'hypReplyAAAA6').reason).toMatch(/reply/);
    expect(byId(report, 'hypPageNote7').reason).toMatch(/whole page/);

    const { document, annotations } = unwrap(await wb.call('documents.get', { id: docId }));
    const text = (id: string) => {
      const a = annotations.find((h) => h.id === byId(report, id).annotationId)!;
      return document.text.slice(a.target.position.start, a.target.position.end);
    };
    // The quote's line break and indentation from the web page fold to our single space.
    expect(text('hypCellsAAAA1')).toBe(
      'described cells built for four people holding as many as eleven',
    );
    expect(text('hypLawyerAAA2')).toBe('denied access to a lawyer');
    expect(text('hypEvinStale3')).toBe('One mother waited nineteen days outside Evin prison');
    const cells = annotations.find((h) => h.id === byId(report, 'hypCellsAAAA1').annotationId)!;
    expect(cells).toMatchObject({
      status: 'anchored',
      note: 'Overcrowding: eleven held in a cell built for four.',
      tags: ['overcrowding', 'detention'],
      kind: 'quote',
    });
    const fuzzy = annotations.find((h) => h.id === stale.annotationId)!;
    // A fuzzy highlight keeps the quote it was made with, for the review queue to compare.
    expect(fuzzy.target.quote.exact).toBe(
      'One mother waited eighteen\n        days outside Evin prison',
    );
    // The annotation whose passage is gone is kept, note and all, for the review queue.
    const lost = annotations.find((h) => h.id === byId(report, 'hypGoneAAAAA4').annotationId)!;
    expect(lost).toMatchObject({ status: 'orphaned', note: 'Was this ever confirmed?' });
    expect(lost.target.position.end).toBeLessThanOrEqual(document.text.length);
    expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
  });

  it('places an unknown address on the document the user chose', async () => {
    const report = unwrap(
      await wb.call('annotations.import', {
        json: HYPOTHESIS,
        documents: [{ url: MIRROR, documentId: docId }],
      }),
    );
    expect(byId(report, 'hypMirrorAAA5')).toMatchObject({ status: 'anchored', documentId: docId });
  });

  it('makes tags entities when asked, finding existing ones by name', async () => {
    const evin = unwrap(await wb.call('entities.create', { name: 'Evin Prison', type: 'place' }));
    const report = unwrap(
      await wb.call('annotations.import', { json: HYPOTHESIS, tags: 'entities' }),
    );
    expect(report.entitiesCreated.sort()).toEqual(['detention', 'due process', 'overcrowding']);
    const entities = unwrap(await wb.call('entities.list', {}));
    expect(entities.find((e) => e.name === 'overcrowding')).toMatchObject({ type: 'other' });
    const { annotations } = unwrap(await wb.call('documents.get', { id: docId }));
    const stale = annotations.find((a) => a.id === byId(report, 'hypEvinStale3').annotationId)!;
    expect(stale).toMatchObject({ entityIds: [evin.id], tags: [] });
  });

  it('is one undoable step, and importing again finds every highlight already there', async () => {
    const before = await workspaceFiles(dir);
    unwrap(await wb.call('annotations.import', { json: HYPOTHESIS, tags: 'entities' }));
    const after = await workspaceFiles(dir);
    expect(unwrap(await wb.call('history.info', {})).undoLabel).toBe('Import annotations');
    const again = unwrap(await wb.call('annotations.import', { json: HYPOTHESIS }));
    expect(again.counts).toEqual({
      anchored: 0,
      fuzzy: 0,
      orphaned: 0,
      duplicate: 4,
      'over-budget': 0,
      skipped: 3,
    });
    expect(await workspaceFiles(dir)).toEqual(after);
    unwrap(await wb.call('history.undo', {}));
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});

describe('a bad annotations file', () => {
  const rows = (): { rows: Record<string, unknown>[] } =>
    JSON.parse(HYPOTHESIS) as { rows: Record<string, unknown>[] };
  const cases: [string, () => unknown, RegExp][] = [
    ['not JSON', () => '{"rows": [', /^The file is not JSON: /],
    ['neither kind', () => JSON.stringify({ hello: 'world' }), /neither a Hypothesis export/],
    [
      'a negative position',
      () => {
        const file = rows();
        const target = (file.rows[1]!.target as { selector: Record<string, unknown>[] }[])[0]!;
        target.selector[1] = { type: 'TextPositionSelector', start: -4, end: 2 };
        return JSON.stringify(file);
      },
      /rows\[1\]\.target\[0\]\.selector\[1\]\.start: /,
    ],
    [
      'a row with no page',
      () => {
        const file = rows();
        delete file.rows[2]!.uri;
        return JSON.stringify(file);
      },
      /rows\[2\]\.uri: /,
    ],
    [
      'a quote that is not text',
      () => {
        const file = rows();
        const target = (file.rows[0]!.target as { selector: Record<string, unknown>[] }[])[0]!;
        target.selector[2] = { type: 'TextQuoteSelector', exact: { $gt: '' } };
        return JSON.stringify(file);
      },
      /rows\[0\]\.target\[0\]\.selector\[2\]\.exact: /,
    ],
    [
      'a tag too long',
      () => {
        const file = rows();
        file.rows[0]!.tags = ['x'.repeat(101)];
        return JSON.stringify(file);
      },
      /rows\[0\]\.tags\[0\]: a tag is longer than 100 characters/,
    ],
    [
      'selectors nested without end',
      () => {
        let selector: Record<string, unknown> = { type: 'TextQuoteSelector', exact: 'x' };
        for (let i = 0; i < 8; i++) selector = { type: 'FragmentSelector', refinedBy: selector };
        return JSON.stringify([{ uri: PAGE, target: [{ source: PAGE, selector: [selector] }] }]);
      },
      /nested more than 4 deep/,
    ],
    [
      'a W3C collection whose pages are only addresses',
      () =>
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'https://example.org/c',
          type: 'AnnotationCollection',
          total: 3,
          first: 'https://example.org/c?page=1',
        }),
      /^Nothing was imported: first: the page is given by its address only/,
    ],
    [
      'a W3C annotation without a target',
      () =>
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'https://example.org/a',
          type: 'Annotation',
          body: { type: 'TextualBody', value: 'x' },
        }),
      /the annotation\.target: an annotation must have a target/,
    ],
  ];

  it.each(cases)(
    '%s is refused, saying what is wrong, and changes nothing',
    async (_n, make, message) => {
      const before = await workspaceFiles(dir);
      const json = make() as string;
      for (const method of ['annotations.importPreview', 'annotations.import'] as const) {
        const result = await wb.call(method, { json });
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        if (!result.ok) expect(result.error.message).toMatch(message);
      }
      expect(await workspaceFiles(dir)).toEqual(before);
    },
  );

  it('a file over the size cap, or a document that is not here, is refused', async () => {
    const before = await workspaceFiles(dir);
    const big = await wb.dispatch('annotations.import', { json: ' '.repeat(20 * 1024 * 1024 + 1) });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!big.ok) expect(big.error.message).toMatch(/larger than 20 MB/);
    const missing = await wb.call('annotations.import', {
      json: HYPOTHESIS,
      // An address the file does not use: the choice is checked all the same.
      documents: [{ url: 'https://elsewhere.example/', documentId: 'doc_nowhere' }],
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await workspaceFiles(dir)).toEqual(before);
  });
});
