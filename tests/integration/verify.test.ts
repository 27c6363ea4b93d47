// Verify: every quote checked against its document's text at its offsets and every text
// against the SHA-256 recorded when it was stored, through the API and the command line.
// A workspace file changed by hand is reported by document and highlight, and the
// command line exits 1; a clean workspace passes.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--workspace', dir], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Setup {
  docId: string;
  title: string;
  annId: string;
  start: number;
  end: number;
}

/** The sample article with two highlights near its start; then the workspace is closed. */
async function setup(): Promise<Setup> {
  const wb = await openSample(dir);
  const [doc] = unwrap(await wb.call('documents.list', {}));
  const ann = unwrap(
    await wb.call('annotations.create', { documentId: doc!.id, start: 10, end: 60 }),
  );
  unwrap(await wb.call('annotations.create', { documentId: doc!.id, start: 100, end: 140 }));
  await closeWorkbench(dir);
  const { start, end } = ann.target.position;
  return { docId: doc!.id, title: doc!.title, annId: ann.id, start, end };
}

/** Rewrites the stored text of a document by hand, as someone editing the file would. */
async function tamper(docId: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, 'documents', `${docId}.json`);
  const file = JSON.parse(await readFile(path, 'utf8')) as { document: { text: string } };
  file.document.text = change(file.document.text);
  await writeFile(path, JSON.stringify(file, null, 2));
}

describe('verify', () => {
  it('passes a clean workspace, confirming every quote', async () => {
    await setup();
    const result = await cli('verify');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(
      /^1 documents, 2 highlights: 2 quotes confirmed, 0 fuzzy or orphaned \(to review\); custody log: \d+ lines; 0 mismatches\.$/,
    );
  });

  it('reports a text changed outside the workbench by its hash, by document', async () => {
    const s = await setup();
    // Same length, far from the highlights: nothing but the recorded hash can tell.
    await tamper(s.docId, (t) => `${t.slice(0, -12)}${t.slice(-12).toUpperCase()}`);
    const wb = await reopen(dir);
    const report = unwrap(await wb.call('workspace.verify', {}));
    expect(report.mismatches).toEqual([
      expect.objectContaining({
        kind: 'text-hash',
        file: `documents/${s.docId}.json`,
        documentId: s.docId,
        documentTitle: s.title,
      }),
      // The custody log, which last wrote the file, says so too, naming the record.
      expect.objectContaining({
        kind: 'custody',
        file: `documents/${s.docId}.json`,
        reason: expect.stringContaining(`the records that differ from it: ${s.docId}`) as unknown,
      }),
    ]);
    expect(report.confirmed).toBe(2);
    await closeWorkbench(dir);
    const result = await cli('verify');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`✗ “${s.title}” (${s.docId}) [documents/${s.docId}.json]`);
    expect(result.err).toContain('the text was changed outside the workbench');
    expect(result.out).toContain('2 mismatches.');
  });

  it('reports a quote whose text was changed, by document and highlight', async () => {
    const s = await setup();
    await tamper(s.docId, (t) => `${t.slice(0, s.start)}Xx${t.slice(s.start + 2)}`);
    const wb = await reopen(dir);
    const report = unwrap(await wb.call('workspace.verify', {}));
    expect(report.mismatches).toContainEqual(
      expect.objectContaining({
        kind: 'damaged',
        file: `highlights/${s.docId}.json`,
        documentId: s.docId,
        annotationId: s.annId,
        reason: expect.stringContaining(
          `the text at ${s.start}–${s.end} is not its quote`,
        ) as unknown,
      }),
    );
    await closeWorkbench(dir);
    const result = await cli('verify');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`highlight ${s.annId}`);
  });

  it('counts documents stored before text hashes as not checked, not as mismatches', async () => {
    const s = await setup();
    const path = join(dir, 'documents', `${s.docId}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as { document: { textHash?: string } };
    delete file.document.textHash;
    await writeFile(path, JSON.stringify(file, null, 2));
    // As a workspace from before the custody log: it starts with the files as they are.
    await rm(join(dir, 'custody.log'));
    const result = await cli('verify');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('1 without a recorded text hash (not checked)');
  });

  it('keeps the hash in step with an edit of the text, and its undo', async () => {
    const s = await setup();
    const wb = await reopen(dir);
    const { document } = unwrap(await wb.call('documents.get', { id: s.docId }));
    unwrap(
      await wb.call('documents.editText', {
        id: s.docId,
        revision: document.revision,
        text: `Preface.\n\n${document.text}`,
      }),
    );
    expect(unwrap(await wb.call('workspace.verify', {})).mismatches).toEqual([]);
    unwrap(await wb.call('history.undo', {}));
    expect(unwrap(await wb.call('workspace.verify', {})).mismatches).toEqual([]);
  });
});
