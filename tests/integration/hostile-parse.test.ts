// Files built to exhaust a parser, each a few kilobytes and made here (hostile-files.ts),
// imported through the built import worker as every host does: each is refused with an
// error naming the file and the limit it hit, nothing is stored, and the command line
// refuses them the same way and gives the workspace back. The worker's own limits (memory
// of the heap and of the host, time that grows with the file) are pinned with workers
// that misbehave on purpose.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { readTimeoutMs } from '../../src/core/importers/limits';
import { startLimitedWorker } from '../../src/core/importers/limited-worker';
import { openWorkbench } from '../../src/core/workbench';
import { buildImportWorker } from '../fixtures/node/import-worker';
import {
  bigPartDocx,
  deepXmlDocx,
  flateBombPdf,
  manyPartsDocx,
  nestedSavesPdf,
  pageTreePdf,
  runningHeadsOnlyPdf,
  sharedDataDocx,
} from '../fixtures/node/hostile-files';
import { reopen, tempDir, unwrap } from './helpers';

let worker: string;
beforeAll(async () => {
  // Inside the project, so the bundle finds the packages it leaves in node_modules.
  worker = await buildImportWorker(resolve('out', 'test-hostile-worker'));
}, 60_000);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const HOSTILE: [string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
  ['bomb.pdf', flateBombPdf, /a stream in it \(object 4 0\) expands to more than 128 MB/],
  ['tree.pdf', pageTreePdf, /it claims 16,777,216 pages; at most 5,000 are read/],
  ['nested.pdf', nestedSavesPdf, /nests graphics states 200,000 deep; at most 1,000 are read/],
  ['heads.pdf', runningHeadsOnlyPdf, /it has no text layer \(it looks like a scanned image/],
  ['big.docx', bigPartDocx, /its part word\/document\.xml expands to more than 128 MB/],
  ['shared.docx', sharedDataDocx, /its parts expand to more than 256 MB together/],
  [
    'deep.docx',
    deepXmlDocx,
    /its part word\/document\.xml nests elements [\d,]+ deep; at most 1,000/,
  ],
  ['many.docx', manyPartsDocx, /it holds 6,002 files; a Word document may hold at most 5,000/],
];

describe('a hostile file', () => {
  it.each(HOSTILE)(
    '%s is refused, naming the limit, and nothing is stored',
    async (name, make, why) => {
      const wb = await reopen(join(dir, 'ws'), { importWorker: worker });
      const data = await make();
      expect(data.length).toBeLessThan(1024 * 1024);
      const reply = await wb.call('documents.importBytes', { fileName: name, data });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const message = reply.ok ? '' : reply.error.message;
      expect(message.startsWith(`${name} could not be imported: `)).toBe(true);
      expect(message).toMatch(why);
      expect(unwrap(await wb.call('documents.list', {}))).toEqual([]);
    },
  );

  it('of more than 20 million characters is refused as too long a document', async () => {
    const wb = await reopen(join(dir, 'ws'), { importWorker: worker });
    const data = new Uint8Array(Buffer.alloc(20_000_001, 'a'));
    const reply = await wb.call('documents.importBytes', { fileName: 'long.txt', data });
    expect(!reply.ok && reply.error.message).toBe(
      'long.txt could not be imported: its text is 20,000,001 characters long; one document may hold at most 20,000,000.',
    );
  });

  it('is refused by the command line the same way, which then gives the workspace back', async () => {
    const files = await Promise.all(
      (['bomb.pdf', 'tree.pdf'] as const).map(async (name, i) => {
        const path = join(dir, name);
        await writeFile(path, i === 0 ? flateBombPdf() : pageTreePdf());
        return path;
      }),
    );
    const out: string[] = [];
    const err: string[] = [];
    const ws = join(dir, 'cli-ws');
    const code = await runCli(
      ['import', ...files, '--workspace', ws],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      { importWorker: worker },
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/bomb\.pdf could not be imported: .*more than 128 MB/);
    expect(err.join('\n')).toMatch(/tree\.pdf could not be imported: .*16,777,216 pages/);
    expect(out.join('\n')).toContain('0 of 2 files imported.');
    const after = await openWorkbench(ws);
    expect(after.readOnly).toBe(false);
    await after.close();
  });

  it('is parsed by the command line in the import worker it is given, not on its own thread', async () => {
    // A worker that refuses every file in words no parser uses: only a command line that
    // hands its files to the worker reports them (parsed here, the text would import).
    const marker = join(dir, 'marker-worker.mjs');
    await writeFile(
      marker,
      "import { parentPort } from 'node:worker_threads';\n" +
        "parentPort.once('message', ({ fileName }) => parentPort.postMessage({ ok: false, kind: 'import', fileName, reason: 'refused by the marker worker' }));\n",
    );
    const file = join(dir, 'plain.txt');
    await writeFile(file, 'An ordinary note that any parser would read.');
    const err: string[] = [];
    const code = await runCli(
      ['import', file, '--workspace', join(dir, 'cli-ws')],
      { out: () => undefined, err: (l) => err.push(l) },
      { importWorker: marker },
    );
    expect(err.join('\n')).toContain(
      'plain.txt could not be imported: refused by the marker worker',
    );
    expect(code).toBe(1);
  });
});

describe('the worker around a parser', () => {
  const misbehaving = async (body: string): Promise<string> => {
    const file = join(dir, `worker-${Math.random().toString(36).slice(2)}.mjs`);
    await writeFile(file, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
    return file;
  };

  it('is stopped when the host grows past its memory limit outside the heap', async () => {
    const file = await misbehaving(
      // 512 MB at most, then idle: without the watch it would wait to be stopped forever.
      'const kept = []; const t = setInterval(() => { kept.push(Buffer.alloc(16 * 1024 * 1024, 1)); if (kept.length === 32) clearInterval(t); }, 5); setInterval(() => {}, 1000);',
    );
    const stopped = await new Promise<boolean>((done) => {
      const { worker: thread } = startLimitedWorker(file, () => done(true), {
        heapMb: 64,
        growthMb: 96,
      });
      thread.once('exit', () => setTimeout(() => done(false), 200));
    });
    expect(stopped).toBe(true);
  });

  it('has its heap capped, so a parser that fills it fails alone', async () => {
    const file = await misbehaving(
      'const kept = []; for (;;) kept.push({ a: [1, 2, 3], b: "x".repeat(64) });',
    );
    const code = await new Promise<string | undefined>((done) => {
      const { worker: thread } = startLimitedWorker(file, () => done('memory'), {
        heapMb: 32,
        growthMb: 512,
      });
      thread.once('error', (error: Error & { code?: string }) => done(error.code));
    });
    expect(code).toBe('ERR_WORKER_OUT_OF_MEMORY');
  });

  it('gives a small file seconds and a large one more, never five minutes for a few KB', () => {
    expect(readTimeoutMs(3 * 1024)).toBeLessThanOrEqual(10_000);
    expect(readTimeoutMs(5 * 1024 * 1024)).toBeGreaterThan(readTimeoutMs(1024 * 1024));
    expect(readTimeoutMs(200 * 1024 * 1024)).toBe(5 * 60_000);
  });
});
