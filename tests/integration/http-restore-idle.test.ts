// The browser host's restore upload over a slow link: the 30 s deadline every other
// request has would cut a large archive, so that route is cut only when its bytes stop.
// Here with small timeouts: a body deadline of 100 ms and an idle limit of 600 ms. An
// archive sent in pieces over longer than the deadline, never silent for long, is
// restored; one that stops halfway is answered 408 saying so, its temp folder is removed
// and nothing is restored.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackupArchive } from '../../src/core/index';
import { signIn, startHarness, type Harness } from './http-helpers';
import { closeWorkbench, importBytes, reopen, tempDir, unwrap } from './helpers';

let harness: Harness;
let cookie: string;
let zip: Buffer;

beforeAll(async () => {
  const made = await tempDir();
  const from = await reopen(join(made.dir, 'ws'));
  const article = '# Field notes\n\nThe river rose two metres overnight.\n';
  unwrap(await importBytes(from, 'notes.md', new TextEncoder().encode(article)));
  await writeBackupArchive(from, join(made.dir, 'case.zip'));
  zip = await readFile(join(made.dir, 'case.zip'));
  await closeWorkbench(join(made.dir, 'ws'));
  await made.cleanup();
  harness = await startHarness({ requestTimeoutMs: 100, archiveIdleTimeoutMs: 600 });
  cookie = await signIn(harness.port, harness.host.loginUrl());
});
afterAll(() => harness.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const restoreFolders = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('rw-restore-'));
const documentCount = async () => unwrap(await harness.workbench.call('documents.list', {})).length;

/**
 * Sends the request head and then `pieces` of the body, `gapMs` apart; with `stopAfter`
 * it sends that many pieces and then nothing more. Resolves with all the server answered.
 */
function upload(pieces: Buffer[], gapMs: number, stopAfter = pieces.length): Promise<string> {
  const head =
    `POST /api/host/restore-archive?fileName=case.zip HTTP/1.1\r\n` +
    `Host: 127.0.0.1:${harness.port}\r\nOrigin: ${harness.host.origin}\r\nCookie: ${cookie}\r\n` +
    `Content-Type: application/zip\r\nContent-Length: ${zip.length}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(harness.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(head);
    void (async () => {
      for (const piece of pieces.slice(0, stopAfter)) {
        await sleep(gapMs);
        if (!socket.destroyed) socket.write(piece);
      }
      // Gives up in the end, so a server that never answers fails the test, not its timeout.
      setTimeout(() => socket.end(), 3000).unref();
    })();
  });
}

const split = (bytes: Buffer, n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) =>
    bytes.subarray(Math.floor((i * bytes.length) / n), Math.floor(((i + 1) * bytes.length) / n)),
  );

describe('a restore upload over a slow link', () => {
  it('is restored when its bytes keep coming, though it takes longer than the deadline', async () => {
    const before = await documentCount();
    // Eight pieces 40 ms apart: over three times the 100 ms deadline, never silent long.
    const answer = await upload(split(zip, 8), 40);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('"restored":true');
    expect(await documentCount()).toBe(before + 1);
  });

  it('is cut with a 408 saying so when its bytes stop, leaving nothing behind', async () => {
    const folders = await restoreFolders();
    const before = await documentCount();
    const answered = upload(split(zip, 2), 10, 1);
    // While it waits, its private temp folder holds the part received.
    await expect.poll(async () => (await restoreFolders()).length).toBe(folders.length + 1);
    const folder = (await restoreFolders()).find((f) => !folders.includes(f))!;
    const answer = await answered;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/No bytes of case\.zip arrived for 0\.6 s .*nothing was restored/);
    await expect.poll(() => existsSync(join(tmpdir(), folder))).toBe(false);
    expect(await documentCount()).toBe(before);
  });
});
