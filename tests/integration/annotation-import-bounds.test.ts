// An annotations import that no file can turn against the workbench: repeated annotations
// are found before anything is anchored, a quote too long to match approximately is placed
// exactly or not at all, what runs out of time is kept as an orphaned highlight and said
// so, a document edited while its annotations are placed is placed against again, the
// import can be followed and cancelled, and the import stays one undoable step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench, WorkbenchOptions } from '../../src/core/workbench';
import { reopen, settle, tempDir, unwrap } from './helpers';

const URL = 'https://example.org/witnesses';
const SENTENCES = Array.from(
  { length: 90 },
  (_, i) =>
    `Witness ${i + 1} described block ${String.fromCharCode(65 + (i % 26))}${i} of Evin prison in ${1980 + (i % 40)}, naming guard ${i * 7} and interrogator ${i * 13}.`,
);
const PROSE = [0, 30, 60].map((s) => SENTENCES.slice(s, s + 30).join(' ')).join('\n\n');

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
let docId: string;
let text: string;

async function open(options: WorkbenchOptions = {}): Promise<void> {
  wb = await reopen(dir, options);
  if (!docId) {
    const pasted = unwrap(
      await wb.call('documents.paste', { title: 'Witnesses', text: PROSE, source: { url: URL } }),
    );
    if (pasted.kind !== 'document') throw new Error('expected a document');
    docId = pasted.documentId;
  }
  text = unwrap(await wb.call('documents.get', { id: docId })).document.text;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  docId = '';
  await open();
});
afterEach(() => cleanup());

interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
  tags?: string[];
}

const w3c = (quotes: Quote[]): string =>
  JSON.stringify(
    quotes.map((q, i) => ({
      type: 'Annotation',
      id: `https://notes.example.org/${i}`,
      body: (q.tags ?? []).map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
      target: {
        source: URL,
        selector: {
          type: 'TextQuoteSelector',
          exact: q.exact,
          prefix: q.prefix ?? '',
          suffix: q.suffix ?? '',
        },
      },
    })),
  );

/** The passage of sentences [from, to) as it is in the stored text, with its context. */
function passage(from: number, to: number): Quote {
  const start = text.indexOf(SENTENCES[from]!);
  const end = text.indexOf(SENTENCES[to - 1]!) + SENTENCES[to - 1]!.length;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  };
}

const highlights = async () => unwrap(await wb.call('documents.get', { id: docId })).annotations;

describe('an annotations import', () => {
  it('finds repeated annotations before anchoring, placing the passage once', async () => {
    const long = passage(2, 29); // over 2,000 characters
    const changed = { ...long, exact: long.exact.replace('Witness 10 ', 'Witness ten ') };
    const report = unwrap(
      await wb.call('annotations.import', {
        json: w3c([...Array<Quote>(5).fill(passage(1, 2)), ...Array<Quote>(5).fill(changed)]),
      }),
    );
    expect(report.items).toHaveLength(10);
    expect(report.items.map((i) => i.status)).toEqual([
      'anchored',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'orphaned',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(report.items[1]!.reason).toBe('the same passage as annotation 1 of this file');
    expect(report.items[1]!.annotationId).toBe(report.items[0]!.annotationId);
    expect(report.items[6]!.reason).toBe('the same passage as annotation 6 of this file');
    // The passage placed once, and the changed quote kept once as an orphan for review.
    expect(report.items[6]!.annotationId).toBe(report.items[5]!.annotationId);
    expect(await highlights()).toHaveLength(2);
  });

  it('places a quote over 2,000 characters where it appears exactly, or not at all', async () => {
    const long = passage(2, 29);
    expect(long.exact.length).toBeGreaterThan(2_000);
    const changed = { ...long, exact: long.exact.replace('Witness 10 ', 'Witness ten ') };
    const report = unwrap(await wb.call('annotations.import', { json: w3c([long, changed]) }));
    expect(report.items[0]).toMatchObject({ status: 'anchored' });
    expect(report.items[1]).toMatchObject({ status: 'orphaned' });
    expect(report.items[1]!.reason).toMatch(
      /^its quote is [\d,]+ characters long and does not appear exactly in “Witnesses” \(quotes over 2,000 characters are placed only where they appear exactly\); kept as orphaned, for review$/,
    );
    const [made] = await highlights();
    expect(text.slice(made!.target.position.start, made!.target.position.end)).toBe(long.exact);
  });

  it('keeps what runs out of time as orphaned highlights, reports them, and stays one step', async () => {
    await open({ annotationBudget: { importMs: 0 } });
    const quotes = [passage(1, 2), passage(5, 6), { exact: 'not in the text at all', tags: ['x'] }];
    const report = unwrap(await wb.call('annotations.import', { json: w3c(quotes) }));
    expect(report.counts['over-budget']).toBe(3);
    expect(report.items[0]!.reason).toBe(
      "not anchored: over budget (the import's 0 s ran out before it was placed); kept as an orphaned highlight to place by hand",
    );
    const kept = await highlights();
    expect(kept.map((h) => [h.status, h.target.quote.exact, h.tags])).toEqual([
      ['orphaned', quotes[0]!.exact, []],
      ['orphaned', quotes[1]!.exact, []],
      ['orphaned', 'not in the text at all', ['x']],
    ]);
    // Kept orphans are sound: the workspace opens again with no problem, writable.
    await settle(dir);
    await open();
    const info = unwrap(await wb.call('workspace.info', {}));
    expect(info).toMatchObject({ readOnly: false, problems: [] });
    expect(unwrap(await wb.call('history.info', {})).undoLabel).toBeUndefined();
  });

  it('is undone in one step', async () => {
    const report = unwrap(
      await wb.call('annotations.import', { json: w3c([passage(1, 2), passage(5, 6)]) }),
    );
    expect(report.counts.anchored).toBe(2);
    expect(unwrap(await wb.call('history.undo', {}))).toMatchObject({ done: 'Import annotations' });
    expect(await highlights()).toEqual([]);
  });

  it('places again when the document changes while its annotations are placed', async () => {
    const quotes = [passage(1, 2), passage(40, 41)];
    const importing = wb.call('annotations.import', { json: w3c(quotes) });
    // Queued before the import's command: the placements it began with are now stale.
    const editing = wb.call('documents.editText', {
      id: docId,
      revision: 1,
      text: `A preface added while the import ran.\n\n${text}`,
    });
    unwrap(await editing);
    const report = unwrap(await importing);
    expect(report.counts.anchored).toBe(2);
    const now = unwrap(await wb.call('documents.get', { id: docId })).document;
    for (const h of await highlights()) {
      expect(h.anchoredRevision).toBe(2);
      expect(now.text.slice(h.target.position.start, h.target.position.end)).toBe(
        h.target.quote.exact,
      );
    }
    expect((await highlights()).map((h) => h.target.quote.exact).sort()).toEqual(
      quotes.map((q) => q.exact).sort(),
    );
  });

  it('says how far it has come, and when cancelled stores nothing', async () => {
    // Many approximate matches: long enough to be asked about and cancelled part way.
    const quotes = Array.from({ length: 600 }, (_, i) => {
      const q = passage(i % 89, (i % 89) + 1);
      return { exact: `${q.exact.slice(0, 40)}x${q.exact.slice(41)} ${i}` };
    });
    const jobId = 'cancel-test-0001';
    const importing = wb.call('annotations.import', { json: w3c(quotes), jobId });
    let status = unwrap(await wb.call('annotations.importStatus', { jobId }));
    while (status.phase !== 'placing' || status.placed === 0) {
      await new Promise((r) => setTimeout(r, 5));
      status = unwrap(await wb.call('annotations.importStatus', { jobId }));
    }
    expect(status.total).toBe(600);
    expect(unwrap(await wb.call('annotations.importCancel', { jobId }))).toEqual({
      cancelled: true,
    });
    const reply = await importing;
    expect(!reply.ok && reply.error.message).toBe(
      'The import was cancelled; nothing was imported.',
    );
    expect(await highlights()).toEqual([]);
    expect(unwrap(await wb.call('annotations.importStatus', { jobId })).phase).toBe('none');
  });
});
