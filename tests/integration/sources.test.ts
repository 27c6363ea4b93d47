// Living sources against a real workspace folder: a newer version of a saved page is
// recognised and, when the user says so, becomes the document's next revision with its
// highlights carried over; identical bytes are never stored twice; a different article
// that merely shares a title is only ever merged on request. Provenance edits and the
// review of uncertain highlights are undoable commands.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import type { ImportOutcome, Input } from '../../src/shared/api';
import { openSample, reopen, tempDir, unwrap } from './helpers';

const PAGE = join(import.meta.dirname, '../fixtures/import/hostile-article.html');
let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
async function importPage(
  html: string,
  fileName = 'hostile-article.html',
  extra: Partial<Input<'documents.import'>> = {},
): Promise<ImportOutcome> {
  return unwrap(await wb.call('documents.import', { fileName, dataBase64: b64(html), ...extra }));
}
/** The document an import outcome names (every outcome but a backup's names one). */
function docOf(outcome: ImportOutcome): string {
  if (!('documentId' in outcome)) throw new Error(`expected a document, not ${outcome.kind}`);
  return outcome.documentId;
}
async function highlight(documentId: string, exact: string) {
  const { document } = unwrap(await wb.call('documents.get', { id: documentId }));
  const start = document.text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  return unwrap(
    await wb.call('annotations.create', { documentId, start, end: start + exact.length }),
  );
}

describe('re-import', () => {
  it('carries highlights over to a newer version of a saved page, after asking', async () => {
    wb = await reopen(dir);
    const html = await readFile(PAGE, 'utf8');
    const first = await importPage(html);
    expect(first.kind).toBe('document');
    const id = docOf(first);
    const kept = await highlight(id, 'guards at Gohardasht prison read out names');
    const quoted = await highlight(id, '“They took them in groups of ten,” she said.');

    const newer = html
      .replace(
        'guards at Gohardasht prison read out names',
        'guards at Gohardasht prison read out the names',
      )
      .replace(
        '<p>',
        '<p>Correction appended on 15 March: an earlier version misdated the hearing.</p><p>',
      );
    const asked = await importPage(newer);
    expect(asked).toMatchObject({ kind: 'match', documentId: id, reason: 'url' });
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(1);

    const updated = await importPage(newer, 'hostile-article.html', {
      onMatch: 'update',
      targetId: id,
    });
    expect(updated).toMatchObject({ kind: 'updated', documentId: id, revision: 2 });
    const view = unwrap(await wb.call('documents.get', { id }));
    expect(view.document.revision).toBe(2);
    expect(view.document.text).toContain('Correction appended');
    const byId = new Map(view.annotations.map((a) => [a.id, a]));
    const moved = byId.get(quoted.id)!;
    expect(moved.status).toBe('moved');
    expect(view.document.text.slice(moved.target.position.start, moved.target.position.end)).toBe(
      '“They took them in groups of ten,” she said.',
    );
    const fuzzy = byId.get(kept.id)!;
    expect(fuzzy.status).toBe('fuzzy');
    expect(view.document.text.slice(fuzzy.target.position.start, fuzzy.target.position.end)).toBe(
      'guards at Gohardasht prison read out the names',
    );
    expect(updated.kind === 'updated' && updated.review).toBe(1);

    // One undo gives the previous revision back exactly, highlights and all.
    unwrap(await wb.call('history.undo', {}));
    const undone = unwrap(await wb.call('documents.get', { id }));
    expect(undone.document.revision).toBe(1);
    expect(undone.annotations).toEqual([kept, quoted]);
  });

  it('says so and opens the document already here when the bytes are identical', async () => {
    wb = await reopen(dir);
    const html = await readFile(PAGE, 'utf8');
    const first = await importPage(html);
    for (const onMatch of ['ask', 'new'] as const) {
      const again = await importPage(html, 'copy.html', { onMatch });
      expect(again).toMatchObject({ kind: 'duplicate', documentId: docOf(first) });
    }
    expect(unwrap(await wb.call('documents.list', {}))).toHaveLength(1);
  });

  it('never merges a different article that shares a title without asking', async () => {
    wb = await reopen(dir);
    const a = await importPage(
      '<html><head><title>Weekly update</title></head><body><p>Evin prison visits resumed on Monday after a month.</p></body></html>',
      'a.html',
    );
    const b =
      '<html><head><title>Weekly update</title></head><body><p>The tribunal adjourned the hearing until next spring.</p></body></html>';
    expect(await importPage(b, 'b.html')).toMatchObject({
      kind: 'match',
      documentId: docOf(a),
      reason: 'title',
    });
    const added = await importPage(b, 'b.html', { onMatch: 'new' });
    expect(added.kind).toBe('document');
    expect(docOf(added)).not.toBe(docOf(a));
    const docA = unwrap(await wb.call('documents.get', { id: docOf(a) })).document;
    expect(docA.text).toContain('Evin prison visits');
    expect(docA.revision).toBe(1);
  });

  it('refuses "update" without the document to update', async () => {
    wb = await reopen(dir);
    const refused = await wb.call('documents.import', {
      fileName: 'a.txt',
      dataBase64: b64('Some text.'),
      onMatch: 'update',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('provenance', () => {
  it('edits, clears and undoes a document’s details', async () => {
    wb = await openSample(dir);
    const id = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const doc = unwrap(
      await wb.call('documents.updateMetadata', {
        id,
        patch: {
          title: 'Iran’s regime and its human rights record',
          source: {
            author: 'Staff writer',
            url: 'https://www.ncr-iran.org/en/news/',
            publishedDate: '2021-11-30',
          },
        },
      }),
    );
    expect(doc.source).toMatchObject({
      author: 'Staff writer',
      url: 'https://www.ncr-iran.org/en/news/',
    });
    const cleared = unwrap(
      await wb.call('documents.updateMetadata', { id, patch: { source: { author: '' } } }),
    );
    expect(cleared.source.author).toBeUndefined();
    expect(cleared.source.url).toBe('https://www.ncr-iran.org/en/news/');
    unwrap(await wb.call('history.undo', {}));
    unwrap(await wb.call('history.undo', {}));
    const back = unwrap(await wb.call('documents.get', { id })).document;
    expect(back.title).toBe(
      'Why Iran’s regime is terrified of growing focus on its human rights record',
    );
    expect(back.source.author).toBeUndefined();
  });

  it('accepts only web addresses as a source URL', async () => {
    wb = await openSample(dir);
    const id = unwrap(await wb.call('documents.list', {}))[0]!.id;
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      const refused = await wb.call('documents.updateMetadata', { id, patch: { source: { url } } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('gives pasted text a URL and an author', async () => {
    wb = await reopen(dir);
    const outcome = unwrap(
      await wb.call('documents.paste', {
        title: 'Statement',
        text: 'The families asked for an independent inquiry.',
        source: { author: 'Amnesty International', url: 'https://www.amnesty.org/en/' },
      }),
    );
    const doc = unwrap(await wb.call('documents.get', { id: docOf(outcome) })).document;
    expect(doc.source).toMatchObject({
      author: 'Amnesty International',
      url: 'https://www.amnesty.org/en/',
    });
  });
});

describe('review of uncertain highlights', () => {
  it('accepts a fuzzy match, re-attaches an orphan, and undoes each', async () => {
    wb = await openSample(dir);
    const id = unwrap(await wb.call('documents.list', {}))[0]!.id;
    const fuzzy = await highlight(id, 'suggested expanding and empowering the so-called');
    const orphan = await highlight(id, 'Here are a few events that are worth mentioning');
    const { document } = unwrap(await wb.call('documents.get', { id }));
    const edited = document.text
      .replace('suggested expanding and empowering', 'proposed expanding and empowering')
      .replace('Here are a few events that are worth mentioning:', 'Consider:');
    const view = unwrap(
      await wb.call('documents.editText', { id, revision: document.revision, text: edited }),
    );
    const status = (a: string) => view.annotations.find((x) => x.id === a)!.status;
    expect([status(fuzzy.id), status(orphan.id)]).toEqual(['fuzzy', 'orphaned']);

    const refused = await wb.call('annotations.accept', { id: orphan.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const accepted = unwrap(await wb.call('annotations.accept', { id: fuzzy.id }));
    expect(accepted).toMatchObject({ status: 'anchored', anchoredRevision: 2 });
    expect(accepted.confidence).toBeUndefined();
    expect(accepted.target.quote.exact).toBe('proposed expanding and empowering the so-called');

    const at = edited.indexOf('Consider:');
    const reattached = unwrap(
      await wb.call('annotations.reattach', { id: orphan.id, start: at - 1, end: at + 10 }),
    );
    expect(reattached.status).toBe('anchored');
    expect(reattached.target.quote.exact).toBe('Consider:');
    const blank = await wb.call('annotations.reattach', {
      id: orphan.id,
      start: at - 2,
      end: at - 1,
    });
    expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const past = await wb.call('annotations.reattach', {
      id: orphan.id,
      start: 0,
      end: edited.length + 5,
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    unwrap(await wb.call('history.undo', {}));
    unwrap(await wb.call('history.undo', {}));
    const back = unwrap(await wb.call('documents.get', { id })).annotations;
    expect(back.find((a) => a.id === orphan.id)!.status).toBe('orphaned');
    expect(back.find((a) => a.id === fuzzy.id)!.status).toBe('fuzzy');
  });
});
