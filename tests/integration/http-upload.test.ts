// The browser host's upload route, POST /api/documents.importBytes: a file's raw bytes as
// the body, its name in the query. Each guard is pinned by a request only it stops (each
// was checked by removing the guard and watching the test fail): the session and origin
// checks of every API call, the content type a cross-site form cannot send, the file
// name's validation, an empty body, a declared length past the limit, and a body that
// grows past the limit while it streams, answered 413 at once with the connection closed.
import { readFile } from 'node:fs/promises';
import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { writeBackupArchive } from '../../src/core/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportPdf } from '../fixtures/node/pdf';
import { send, signIn, startHarness, type Harness, type Reply } from './http-helpers';
import { closeWorkbench, importBytes, reopen, tempDir, unwrap } from './helpers';

const LIMIT = 64 * 1024;
let harness: Harness;
let cookie: string;

beforeEach(async () => {
  harness = await startHarness({ maxUploadBytes: LIMIT, maxArchiveBytes: LIMIT });
  cookie = await signIn(harness.port, harness.host.loginUrl());
});
afterEach(() => harness.close());

const uploadHeaders = (): Record<string, string> => ({
  Cookie: cookie,
  Origin: harness.host.origin,
  'Content-Type': 'application/octet-stream',
});

const upload = (query: string, body: Uint8Array | string, headers = uploadHeaders()) =>
  send(harness.port, `/api/documents.importBytes?${query}`, {
    method: 'POST',
    headers,
    body,
  });

async function documentCount(): Promise<number> {
  return unwrap(await harness.workbench.call('documents.list', {})).length;
}

const article = '# Field notes\n\nThe river rose two metres overnight.\n';

describe('an upload', () => {
  it('imports the bytes as they are, the name decoded from the query', async () => {
    const pdf = await reportPdf();
    const reply = await send(
      harness.port,
      `/api/documents.importBytes?fileName=${encodeURIComponent('Rapport été.pdf')}`,
      { method: 'POST', headers: uploadHeaders(), body: pdf },
    );
    expect(reply.status).toBe(200);
    const outcome = (JSON.parse(reply.body) as { value: { kind: string; documentId: string } })
      .value;
    expect(outcome.kind).toBe('document');
    const doc = unwrap(await harness.workbench.call('documents.get', { id: outcome.documentId }));
    expect(doc.document.format).toBe('pdf');
    expect(doc.document.source.fileName).toBe('Rapport été.pdf');
    expect(doc.document.title).toBe('Detention Without Trial');
  });

  it('passes the answer to a match on (update with a target)', async () => {
    const first = await upload('fileName=notes.md', article);
    const { documentId } = (JSON.parse(first.body) as { value: { documentId: string } }).value;
    const again = await upload('fileName=notes.md', `${article}\nA second paragraph.\n`);
    expect(JSON.parse(again.body)).toMatchObject({ value: { kind: 'match', documentId } });
    const updated = await upload(
      `fileName=notes.md&onMatch=update&targetId=${documentId}`,
      `${article}\nA second paragraph.\n`,
    );
    expect(JSON.parse(updated.body)).toMatchObject({ value: { kind: 'updated', revision: 2 } });
  });
});

describe('the upload route refuses', () => {
  const refused: [string, string, () => Record<string, string>, number, RegExp][] = [
    ['no session', 'fileName=a.md', () => ({ ...uploadHeaders(), Cookie: '' }), 401, /signed in/],
    [
      'a forged session',
      'fileName=a.md',
      () => ({
        ...uploadHeaders(),
        Cookie: cookie.replace(/=./, (m) => (m === '=A' ? '=B' : '=A')),
      }),
      401,
      /signed in/,
    ],
    [
      'a foreign origin',
      'fileName=a.md',
      () => ({ ...uploadHeaders(), Origin: 'http://evil.example' }),
      403,
      /Cross-origin/,
    ],
    [
      'no origin',
      'fileName=a.md',
      () => {
        const { Origin: _origin, ...rest } = uploadHeaders();
        return rest;
      },
      403,
      /Cross-origin/,
    ],
    [
      'a form post',
      'fileName=a.md',
      () => ({ ...uploadHeaders(), 'Content-Type': 'multipart/form-data; boundary=x' }),
      415,
      /octet-stream/,
    ],
    [
      'text/plain',
      'fileName=a.md',
      () => ({ ...uploadHeaders(), 'Content-Type': 'text/plain' }),
      415,
      /octet-stream/,
    ],
    [
      'JSON',
      'fileName=a.md',
      () => ({ ...uploadHeaders(), 'Content-Type': 'application/json' }),
      415,
      /octet-stream/,
    ],
    ['no file name', '', uploadHeaders, 400, /fileName/],
    [
      'a path for a file name',
      `fileName=${encodeURIComponent('../../a.md')}`,
      uploadHeaders,
      400,
      /a file name, not a path/,
    ],
    ['a blank file name', 'fileName=%20%20', uploadHeaders, 400, /fileName/],
    [
      'a file name of 256 characters',
      `fileName=${'a'.repeat(253)}.md`,
      uploadHeaders,
      400,
      /fileName/,
    ],
    ['an unknown option', 'fileName=a.md&path=/etc/passwd', uploadHeaders, 400, /path/],
    ['update without a target', 'fileName=a.md&onMatch=update', uploadHeaders, 400, /targetId/],
  ];
  it.each(refused)('%s', async (_label, query, headers, status, why) => {
    const reply = await upload(query, article, headers());
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
    expect(reply.body).toMatch(why);
    expect(await documentCount()).toBe(1);
  });

  it('an empty body', async () => {
    const reply = await upload('fileName=a.md', '');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/the file is empty/);
    expect(await documentCount()).toBe(1);
  });

  it('a file the format readers cannot read, with its reason', async () => {
    const reply = await upload('fileName=scan.pdf', 'not a PDF at all');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/scan\.pdf could not be imported/);
    expect(await documentCount()).toBe(1);
  });
});

interface Streamed {
  reply: Reply;
  /** Bytes written before the answer came. */
  written: number;
  closed: Promise<void>;
}

/** Streams chunks of 8 KiB until the host answers (or 4× the limit has gone out). */
function streamUntilAnswered(
  headers: Record<string, string>,
  query = 'fileName=big.txt',
): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    let req: ClientRequest;
    const closed = new Promise<void>((done) => {
      req = request(
        {
          host: '127.0.0.1',
          port: harness.port,
          path: `/api/documents.importBytes?${query}`,
          method: 'POST',
          headers: { Host: `127.0.0.1:${harness.port}`, ...headers },
        },
        (res) => {
          answered = true;
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () =>
            resolve({
              reply: { status: res.statusCode ?? 0, headers: res.headers, body },
              written,
              closed,
            }),
          );
        },
      );
      req.on('close', () => done());
    });
    req!.on('error', (error: NodeJS.ErrnoException) => {
      // The host closing the connection on a request still being written is the point.
      if (!answered && error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    const chunk = Buffer.alloc(8 * 1024, 'a');
    const pump = (): void => {
      if (answered || req.destroyed) return;
      if (written >= 4 * LIMIT) return void req.end();
      req.write(chunk);
      written += chunk.length;
      setTimeout(pump, 5);
    };
    pump();
  });
}

describe('the size limit', () => {
  it('answers 413 as soon as a streamed body passes it, and closes the connection', async () => {
    const { reply, written, closed } = await streamUntilAnswered(uploadHeaders());
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/larger than 65536 bytes/);
    expect(reply.headers.connection).toBe('close');
    // Answered while the body was still coming, not after the client gave up.
    expect(written).toBeLessThan(4 * LIMIT);
    await closed;
    expect(await documentCount()).toBe(1);
  });

  it('refuses a declared length past it before reading the body', async () => {
    const { reply, written, closed } = await streamUntilAnswered({
      ...uploadHeaders(),
      'Content-Length': String(4 * LIMIT),
    });
    expect(reply.status).toBe(413);
    expect(written).toBeLessThanOrEqual(LIMIT);
    await closed;
    expect(await documentCount()).toBe(1);
  });

  it('checks the file name before reading the body', async () => {
    const { reply, closed } = await streamUntilAnswered(uploadHeaders(), 'fileName=..%2Fbig.txt');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/a file name, not a path/);
    await closed;
  });

  it('accepts a file of exactly the limit', async () => {
    const text = `${'word '.repeat(LIMIT).slice(0, LIMIT - 1)}.`;
    expect(text.length).toBe(LIMIT);
    const reply = await upload('fileName=limit.txt', text);
    expect(reply.status).toBe(200);
    expect(await documentCount()).toBe(2);
  });
});

describe('the backup with originals', () => {
  const route = '/api/host/backup-archive';
  const post = (
    body: string,
    headers = { ...uploadHeaders(), 'Content-Type': 'application/json' },
  ) => send(harness.port, route, { method: 'POST', headers, body });
  const get = (path: string, headers: Record<string, string> = { Cookie: cookie }) =>
    send(harness.port, path, { headers });

  it('is written by the core and downloaded once, as a zip, by a signed-in page', async () => {
    expect((await upload('fileName=notes.md', article)).status).toBe(200);
    const written = await post('{}');
    expect(written.status).toBe(200);
    const ticket = (JSON.parse(written.body) as { value: { download: string; originals: number } })
      .value;
    expect(ticket.originals).toBe(1);
    expect(ticket.download).toMatch(/^\/api\/host\/backup-archive\/[A-Za-z0-9_-]{43}$/);
    // Neither another origin nor a page without the session gets it, and it is not spent.
    expect(
      (await get(ticket.download, { Cookie: cookie, Origin: 'http://evil.test' })).status,
    ).toBe(403);
    expect((await get(ticket.download, {})).status).toBe(401);
    // Two requests at once: one gets the file, the other finds the address spent.
    const both = await Promise.all([get(ticket.download), get(ticket.download)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 404]);
    const file = both.find((r) => r.status === 200)!;
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="workspace-backup-.*\.zip"$/,
    );
    expect(file.body.startsWith('PK')).toBe(true);
    expect(file.body).toContain('backup.json');
    expect(file.body).toContain(article);
  });

  it('takes no input, and refuses an unknown download address', async () => {
    const refused = await post(JSON.stringify({ path: '/tmp/elsewhere.zip' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('takes no input');
    expect((await get(`${route}/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await get(`${route}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});

describe('restoring a backup with originals from the page', () => {
  const restore = (query: string, body: Uint8Array | string, headers: Record<string, string>) =>
    send(harness.port, `/api/host/restore-archive?${query}`, { method: 'POST', headers, body });
  const zipHeaders = () => ({ ...uploadHeaders(), 'Content-Type': 'application/zip' });

  it('streams the zip to a temp file the core restores from, and refuses what it must', async () => {
    // The archive of another workspace holding one document, its original kept.
    const made = await tempDir();
    const from = await reopen(join(made.dir, 'ws'));
    unwrap(await importBytes(from, 'notes.md', new TextEncoder().encode(article)));
    const path = join(made.dir, 'case.zip');
    await writeBackupArchive(from, path);
    const zip = new Uint8Array(await readFile(path));
    await closeWorkbench(join(made.dir, 'ws'));
    await made.cleanup();
    const q = 'fileName=case.zip';
    const refusals: [string, Record<string, string>, Uint8Array | string, number, RegExp][] = [
      [q, { ...zipHeaders(), Cookie: '' }, zip, 401, /signed in/],
      [q, { ...zipHeaders(), Origin: 'http://evil.test' }, zip, 403, /Cross-origin/],
      [q, uploadHeaders(), zip, 415, /application\/zip/],
      ['fileName=..%2Fcase.zip', zipHeaders(), zip, 400, /no folder/],
      ['fileName=case.json', zipHeaders(), zip, 400, /ending in \.zip/],
      [q, zipHeaders(), new Uint8Array(LIMIT + 1), 413, /larger than/],
    ];
    for (const [query, headers, body, status, said] of refusals) {
      const reply = await restore(query, body, headers);
      expect([query, reply.status]).toEqual([query, status]);
      expect(reply.body).toMatch(said);
    }
    const reply = await restore(q, zip, zipHeaders());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      value: { restored: true, outcome: { kind: 'backup', fileName: 'case.zip', documents: 1 } },
    });
    expect(await documentCount()).toBe(2);
    // The core's own refusal, naming the file, for an archive restored twice.
    const again = await restore(q, zip, zipHeaders());
    expect(again.status).toBe(400);
    expect(again.body).toMatch(/case\.zip.*already in this workspace/);
  });
});
