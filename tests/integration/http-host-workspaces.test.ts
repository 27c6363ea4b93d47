// Switching workspaces through the browser host: the page names a folder by a typed path,
// which is checked before anything opens (a relative path or a file is refused, the
// answer says why); once switched, every call and event stream goes to the new workspace.
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../src/core/workbench';
import { WorkspaceSwitcher } from '../../src/core/workspaces/switcher';
import { apiHeaders, send, signIn, startHarness, type Harness } from './http-helpers';
import { tempDir } from './helpers';

let temp: Awaited<ReturnType<typeof tempDir>>;
let switcher: WorkspaceSwitcher;
let harness: Harness;
let cookie: string;

beforeEach(async () => {
  temp = await tempDir();
  const events = { end: (): void => undefined };
  switcher = new WorkspaceSwitcher({
    settingsDir: join(temp.dir, 'settings'),
    open: (dir, workspaces) => openWorkbench(dir, { host: 'test', workspaces }),
    choose: 'path',
    onSwitch: () => events.end(),
  });
  const workbench = await switcher.start(join(temp.dir, 'A'));
  harness = await startHarness({ workbench, current: () => switcher.current });
  events.end = () => harness.host.endEventStreams();
  cookie = await signIn(harness.port, harness.host.loginUrl());
});
afterEach(async () => {
  await harness.close();
  await switcher.close();
  await temp.cleanup();
});

const call = (method: string, body: unknown) =>
  send(harness.port, `/api/${method}`, {
    method: 'POST',
    headers: apiHeaders(harness, cookie),
    body: JSON.stringify(body),
  });

/** Resolves when the host ends the event stream it opened for this page. */
function eventStreamEnded(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: harness.port,
        path: '/api/events',
        headers: { Host: `127.0.0.1:${harness.port}`, Cookie: cookie },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('workspaces over HTTP', () => {
  it('refuses a relative path and a file, saying why, and stays on the open workspace', async () => {
    const relative = await call('workspaces.open', { path: 'Evin', create: true });
    expect(relative.status).toBe(400);
    expect(relative.body).toContain('is not a full path');
    const file = join(temp.dir, 'notes.txt');
    await writeFile(file, 'x');
    const onFile = await call('workspaces.open', { path: file });
    expect(onFile.status).toBe(400);
    expect(onFile.body).toContain('is a file, not a folder');
    const info = JSON.parse((await call('workspace.info', {})).body) as { value: { path: string } };
    expect(info.value.path).toBe(join(temp.dir, 'A'));
  });

  it('creates a workspace from a typed path and answers every call from it', async () => {
    const ended = eventStreamEnded();
    const b = join(temp.dir, 'B');
    const opened = await call('workspaces.open', { path: b, create: true });
    expect(JSON.parse(opened.body)).toEqual({ ok: true, value: { opened: true, path: b } });
    await ended;
    const info = JSON.parse((await call('workspace.info', {})).body) as { value: { path: string } };
    expect(info.value.path).toBe(b);
    const list = JSON.parse((await call('workspaces.list', {})).body) as {
      value: { recent: { path: string }[] };
    };
    expect(list.value.recent.map((w) => w.path)).toEqual([join(temp.dir, 'A')]);
  });
});
