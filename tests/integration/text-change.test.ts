// After a document's text changes, the stored anchoring is the one truth: the reader's
// view, the CSV, the W3C export, the Markdown notes and search all agree, and a highlight
// whose passage is gone is exported as orphaned.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSample, reopen, tempDir, unwrap } from './helpers';

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

it('round-trips a text edit: blocks and marks follow, and undo restores the revision exactly', async () => {
  const wb = await openSample(dir);
  const markdown = await readFile(new URL('../fixtures/import/briefing.md', import.meta.url));
  const outcome = unwrap(
    await wb.call('documents.import', {
      fileName: 'briefing.md',
      dataBase64: Buffer.from(markdown).toString('base64'),
    }),
  );
  if (outcome.kind !== 'document') throw new Error('expected a new document');
  const id = outcome.documentId;
  const before = unwrap(await wb.call('documents.get', { id }));
  const doc = before.document;
  const quote = 'Thousands of political prisoners were executed';
  const start = doc.text.indexOf(quote);
  unwrap(await wb.call('annotations.create', { documentId: id, start, end: start + quote.length }));
  const original = unwrap(await wb.call('documents.get', { id }));

  // Delete the first list item's neighbour block (the intro paragraph) and fix a word.
  const intro = doc.blocks[1]!;
  const edited = (doc.text.slice(0, intro.start) + doc.text.slice(doc.blocks[2]!.start)).replace(
    'Families were never told',
    'Families were never officially told',
  );
  const view = unwrap(
    await wb.call('documents.editText', { id, revision: doc.revision, text: edited }),
  );
  const shown = (r: { start: number; end: number }) => view.document.text.slice(r.start, r.end);
  expect(view.document.blocks.map(shown)).toEqual(
    doc.blocks
      .filter((b) => b !== intro)
      .map((b) => doc.text.slice(b.start, b.end).replace('never told', 'never officially told')),
  );
  expect(view.document.marks.map((m) => [m.kind, shown(m)])).toEqual(
    doc.marks
      .filter((m) => m.start >= intro.end)
      .map((m) => [m.kind, doc.text.slice(m.start, m.end)]),
  );
  const [moved] = view.annotations;
  expect(moved).toMatchObject({ status: 'moved', anchoredRevision: doc.revision + 1 });
  expect(shown(moved!.target.position)).toBe(quote);

  unwrap(await wb.call('history.undo', {}));
  expect(unwrap(await wb.call('documents.get', { id }))).toEqual(original);
});

it('keeps a re-wrapped highlight "moved", and the workspace opens without a problem', async () => {
  let wb = await openSample(dir);
  const id = unwrap(await wb.call('documents.list', {}))[0]!.id;
  const { document } = unwrap(await wb.call('documents.get', { id }));
  const quote = 'suggested expanding and empowering the so-called';
  const start = document.text.indexOf(quote);
  const made = unwrap(
    await wb.call('annotations.create', { documentId: id, start, end: start + quote.length }),
  );
  const wrapped = `Note.\n\n${document.text.replace('expanding and', 'expanding\nand')}`;
  const view = unwrap(
    await wb.call('documents.editText', { id, revision: document.revision, text: wrapped }),
  );
  expect(view.annotations.find((a) => a.id === made.id)?.status).toBe('moved');
  wb = await reopen(dir);
  expect(unwrap(await wb.call('workspace.info', {})).problems).toEqual([]);
});
