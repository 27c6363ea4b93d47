// After a document's text changes, the stored anchoring is the one truth: the reader's
// view, the CSV, the W3C export, the Markdown notes and search all agree, and a highlight
// whose passage is gone is exported as orphaned.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSample, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

it('exports and search use the re-anchored positions after an edit', async () => {
  const wb = await openSample(dir);
  const docId = unwrap(await wb.call('documents.list', {}))[0]!.id;
  const { document } = unwrap(await wb.call('documents.get', { id: docId }));
  const kept = 'Supreme National Security Council Secretary Ali Shamkhani';
  const gone = 'the 1988 massacre';
  const at = (s: string): [number, number] => {
    const start = document.text.indexOf(s);
    return [start, start + s.length];
  };
  const [ks, ke] = at(kept);
  const [gs, ge] = at(gone);
  const keptId = unwrap(
    await wb.call('annotations.create', {
      documentId: docId,
      start: ks,
      end: ke,
      note: 'keptnote',
    }),
  ).id;
  const goneId = unwrap(
    await wb.call('annotations.create', { documentId: docId, start: gs, end: ge }),
  ).id;

  // Insert a paragraph at the top, and remove every sentence that mentions the massacre.
  const edited =
    'An editor’s note added before the article.\n\n' +
    document.text.replace(/[^.\n]*1988 massacre[^.\n]*\.?/g, '');
  const view = unwrap(
    await wb.call('documents.editText', { id: docId, revision: document.revision, text: edited }),
  );
  expect(view.document.revision).toBe(document.revision + 1);
  const keptNow = view.annotations.find((a) => a.id === keptId)!;
  const goneNow = view.annotations.find((a) => a.id === goneId)!;
  expect(keptNow.status).toBe('moved');
  expect(edited.slice(keptNow.target.position.start, keptNow.target.position.end)).toBe(kept);
  expect(goneNow.status).toBe('orphaned');

  // documents.get returns the stored result (no anchoring on read).
  expect(unwrap(await wb.call('documents.get', { id: docId })).annotations).toEqual(
    view.annotations,
  );

  const csv = unwrap(await wb.call('export.create', { format: 'csv' })).content;
  const row = csv.split('\r\n').find((l) => l.startsWith(keptId))!;
  expect(row).toContain(`,${keptNow.target.position.start},${keptNow.target.position.end},`);
  expect(row).toContain(',moved,');
  expect(csv.split('\r\n').find((l) => l.startsWith(goneId))).toContain(',orphaned,');

  const w3c = JSON.parse(unwrap(await wb.call('export.create', { format: 'w3c' })).content) as {
    first: { items: { id: string; target: { selector: { type: string; start?: number }[] } }[] };
  };
  const item = (id: string) => w3c.first.items.find((i) => i.id.endsWith(id))!;
  expect(item(keptId).target.selector.find((s) => s.type === 'TextPositionSelector')?.start).toBe(
    [...edited.slice(0, keptNow.target.position.start)].length,
  );
  expect(item(goneId).target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);

  const markdown = unwrap(await wb.call('export.create', { format: 'markdown' })).content;
  expect(markdown).toContain('Orphaned: this passage is no longer in the current text');

  await wb.indexed;
  const hit = unwrap(await wb.call('search.query', { query: 'keptnote', kinds: ['highlight'] }))
    .hits[0]!;
  expect([hit.start, hit.end]).toEqual([
    keptNow.target.position.start,
    keptNow.target.position.end,
  ]);
  const passage = unwrap(
    await wb.call('search.query', { query: 'editor’s', kinds: ['block'] }),
  ).hits;
  expect(passage.length).toBeGreaterThan(0);

  // An edit against an old revision is refused rather than written over the newer text.
  const stale = await wb.call('documents.editText', {
    id: docId,
    revision: document.revision,
    text: 'x',
  });
  expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});
