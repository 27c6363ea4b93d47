// The evidence bundle, written from a real workspace (a PDF, a web page and a Word file
// with comments, a highlight and a note) and checked offline: it passes whole, and one
// changed byte anywhere (in an original, a text, a record, the manifest, SHA256SUMS, the
// custody log, the README, or the zip's own headers) fails it, naming that file. A
// forgery that also rewrites the lists is caught by the hashes recorded at import and by
// the custody log. The command line does the same, with exit codes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { SUMS, writeZip } from '../../src/core/evidence/bundle-layout';
import { verifyBundle } from '../../src/core/evidence/verify-bundle';
import { sha256Hex } from '../../src/core/originals/kept-files';
import type { Workbench } from '../../src/core/workbench';
import { witnessReportDocx } from '../fixtures/node/evidence-docx';
import { detentionPage } from '../fixtures/node/evidence-html';
import { manualPdf } from '../fixtures/node/evidence-pdf';
import { importAs } from './evidence-helpers';
import { reopen, tempDir, unwrap } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
let pdf: Uint8Array;
beforeAll(async () => {
  pdf = await manualPdf();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

/** A workspace with three sources, Word comments as highlights, one more highlight, a note. */
async function caseFile(): Promise<{ bytes: Uint8Array; fingerprint: string; pdfDoc: string }> {
  const { document } = await importAs(wb, 'manual.pdf', pdf);
  await importAs(wb, 'detention.html', new TextEncoder().encode(detentionPage()));
  await importAs(wb, 'witnesses.docx', witnessReportDocx());
  const start = document.text.indexOf('Cisco-provided');
  const highlight = unwrap(
    await wb.call('annotations.create', { documentId: document.id, start, end: start + 14 }),
  );
  unwrap(
    await wb.call('annotations.update', { id: highlight.id, patch: { note: 'Vendor firmware.' } }),
  );
  unwrap(await wb.call('notes.create', { title: 'Firmware', body: 'Ask the vendor.' }));
  const bundle = unwrap(await wb.call('evidence.bundle', {}));
  return { bytes: bundle.bytes, fingerprint: bundle.fingerprint, pdfDoc: document.id };
}

/** Where each entry's bytes are in a stored zip (from its local headers). */
function entries(zip: Uint8Array): Map<string, { at: number; size: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found = new Map<string, { at: number; size: number }>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 30, at + 30 + nameLength));
    found.set(name, { at: at + 30 + nameLength + extra, size });
    at += 30 + nameLength + extra + size;
  }
  return found;
}

/** The bundle with one byte changed: in the middle of `entry`'s bytes, or at `offset`. */
function flip(zip: Uint8Array, where: string | number): Uint8Array {
  const copy = new Uint8Array(zip);
  const offset =
    typeof where === 'number'
      ? where
      : (() => {
          const e = entries(zip).get(where);
          if (!e) throw new Error(`no entry ${where}`);
          return e.at + Math.floor(e.size / 2);
        })();
  copy[offset] = copy[offset]! ^ 0x01;
  return copy;
}

/** Rewrites the manifest's line for `path` and SHA256SUMS to match, as a careful forger would. */
function relist(files: Record<string, Uint8Array>, path: string): void {
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
    files: { path: string; sha256: string; size: number }[];
  };
  for (const f of manifest.files)
    if (f.path === path)
      Object.assign(f, { sha256: sha256Hex(files[path]!), size: files[path]!.length });
  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  files[SUMS] = strToU8(
    Object.entries(files)
      .filter(([n]) => n !== SUMS)
      .map(([n, b]) => `${sha256Hex(b)}  ${n}\n`)
      .join(''),
  );
}

describe('an evidence bundle', () => {
  it('holds the originals, texts, records, annotations, notes, log and lists, and checks out', async () => {
    const { bytes, fingerprint } = await caseFile();
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names.slice(0, 3)).toEqual([SUMS, 'manifest.json', 'README.txt']);
    expect(names.filter((n) => n.startsWith('originals/'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('texts/'))).toHaveLength(3);
    expect(names).toEqual(
      expect.arrayContaining([
        'annotations.jsonld',
        'notes.json',
        'custody.log',
        'records/workspace.json',
      ]),
    );
    expect(files[`originals/${sha256Hex(pdf)}`]).toEqual(pdf);
    const check = verifyBundle(bytes);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ ok: true, fingerprint, documents: 3, highlights: 3 });
    expect(check.custodyLines).toBeGreaterThan(0);
    // SHA256SUMS reads as sha256sum writes it, so it can be checked with no workbench.
    expect(strFromU8(files[SUMS]!)).toMatch(/^[0-9a-f]{64} {2}manifest\.json$/m);
  });

  it('names the file when any single byte of it changes', async () => {
    const { bytes } = await caseFile();
    const names = [...entries(bytes).keys()];
    const byClass = {
      original: names.find((n) => n === `originals/${sha256Hex(pdf)}`)!,
      text: names.find((n) => n.startsWith('texts/'))!,
      record: names.find((n) => n.startsWith('records/highlights/'))!,
      manifest: 'manifest.json',
      sums: SUMS,
      log: 'custody.log',
      readme: 'README.txt',
      annotations: 'annotations.jsonld',
    };
    for (const [what, name] of Object.entries(byClass)) {
      const check = verifyBundle(flip(bytes, name), 'case.zip');
      expect(check.ok, what).toBe(false);
      expect(check.problems[0]?.file, what).toBe(name);
    }
  });

  it('fails when a byte of the zip outside every file changes', async () => {
    const { bytes } = await caseFile();
    // Byte 10 of the first local header is the entry's modification time.
    const check = verifyBundle(flip(bytes, 10), 'case.zip');
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.file)).toContain('case.zip');
    const cut = verifyBundle(bytes.subarray(0, bytes.length - 30), 'case.zip');
    expect(cut.problems[0]).toMatchObject({ file: 'case.zip' });
  });

  it('catches a forgery that rewrites the lists too, by the custody log', async () => {
    const { bytes } = await caseFile();
    const files = unzipSync(bytes);
    const path = Object.keys(files).find(
      (n) =>
        n.startsWith('records/highlights/') && strFromU8(files[n]!).includes('Vendor firmware'),
    )!;
    files[path] = strToU8(
      strFromU8(files[path]!).replace('Vendor firmware.', 'Vendor firmware, approved.'),
    );
    relist(files, path);
    const forged = writeZip(new Map(Object.entries(files)));
    const check = verifyBundle(forged, 'case.zip');
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({
        file: path,
        reason: expect.stringContaining('custody.log') as unknown,
      }),
    ]);
    expect(check.fingerprint).not.toBe(verifyBundle(bytes).fingerprint);
  });

  it('catches an original swapped for other bytes with the lists rewritten', async () => {
    const { bytes } = await caseFile();
    const files = unzipSync(bytes);
    const path = `originals/${sha256Hex(pdf)}`;
    const swapped = new Uint8Array(files[path]!);
    swapped[swapped.length - 2] = swapped.at(-2)! ^ 1;
    files[path] = swapped;
    relist(files, path);
    const check = verifyBundle(writeZip(new Map(Object.entries(files))), 'case.zip');
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({
        file: path,
        reason: expect.stringContaining('imported from') as unknown,
      }),
    ]);
  });

  it('can name the originals by hash instead of including them', async () => {
    await importAs(wb, 'manual.pdf', pdf);
    const bundle = unwrap(await wb.call('evidence.bundle', { includeOriginals: false }));
    const names = Object.keys(unzipSync(bundle.bytes));
    expect(names.some((n) => n.startsWith('originals/'))).toBe(false);
    const manifest = JSON.parse(strFromU8(unzipSync(bundle.bytes)['manifest.json']!)) as {
      documents: { original: { sha256: string; path?: string } }[];
    };
    expect(manifest.documents[0]!.original).toMatchObject({ sha256: sha256Hex(pdf) });
    expect(manifest.documents[0]!.original.path).toBeUndefined();
    expect(verifyBundle(bundle.bytes).ok).toBe(true);
  });
});

describe('the command line', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('exports a bundle and verifies it offline, exiting non-zero on a changed byte', async () => {
    await importAs(wb, 'manual.pdf', pdf);
    await wb.close();
    const out = join(dir, 'case.zip');
    const exported = await cli('export', '--format', 'bundle', '--out', out, '--workspace', dir);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/Fingerprint \(SHA-256 of its SHA256SUMS\): [0-9a-f]{64}/);
    const fingerprint = /: ([0-9a-f]{64})/.exec(exported.out)![1]!;
    const good = await cli('verify', '--bundle', out);
    expect(good.code).toBe(0);
    expect(good.out).toContain(fingerprint);
    const bytes = new Uint8Array(await readFile(out));
    const text = [...entries(bytes).keys()].find((n) => n.startsWith('texts/'))!;
    await writeFile(out, flip(bytes, text));
    const bad = await cli('verify', '--bundle', out);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`✗ ${text}: its SHA-256 is`);
  });
});
