// A replica's window, as far as the core can see it: the browser host's event stream
// (GET /api/events, server-sent events), signed in as a page is. The time a change event
// reaches this stream is the time the open window receives it; painting it is not included.
import { mkdir, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Workbench } from '../../src/core/workbench';
import { startHttpHost } from '../../src/server/http-host';

export interface WindowEvents {
  /** Resolves with the time a change event putting this highlight reaches the window. */
  arrival(highlightId: string): Promise<number>;
  close(): Promise<void>;
}

const get = (port: number, path: string, headers: Record<string, string>) =>
  new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });

export async function windowEvents(workbench: Workbench, dir: string): Promise<WindowEvents> {
  const staticDir = join(dir, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  const host = await startHttpHost({ workbench, staticDir, log: () => undefined });
  const port = Number(new URL(host.origin).port);
  const login = new URL(host.loginUrl());
  const signedIn = await get(port, login.pathname + login.search, {});
  signedIn.resume();
  const cookie = String(signedIn.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const stream = await get(port, '/api/events', { Cookie: cookie, Origin: host.origin });
  const waiting = new Map<string, (at: number) => void>();
  const seen = new Map<string, number>();
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!message.startsWith('data: ')) continue;
      const at = performance.now();
      const event = JSON.parse(message.slice(6)) as { annotations?: { put?: { id: string }[] } };
      for (const { id } of event.annotations?.put ?? []) {
        seen.set(id, at);
        waiting.get(id)?.(at);
      }
    }
  });
  return {
    arrival: (id) =>
      new Promise((resolve) => {
        const at = seen.get(id);
        if (at !== undefined) resolve(at);
        else waiting.set(id, resolve);
      }),
    close: async () => {
      stream.destroy();
      await host.close();
    },
  };
}
