// Two browser hosts on two workspaces, joined through the real relay (the command line's
// sync-server, on a free loopback port): one shares from its window, the other joins from
// its own; a rename in one appears in the other's open window; a rename made on both while
// the relay is down shows, once it is back, in both Conflicts views with each value. The
// new screens (share and join dialogs, team details, Conflicts with a record's team history)
// are checked with axe in both colour schemes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { call } from './api';
import { expectNoViolationsInEither } from './axe';
import { expect, ROOT, startServer, stop, test } from './fixtures';
import { barButton, WorkbenchPage } from './workbench-page';

const KEY = 'e2e-team-key-0123456789abcdef';

/** Starts the relay as a team member would; resolves with its port once it listens. */
async function startRelay(data: string, port = 0): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/server/cli.js'), 'sync-server', '--port', String(port), '--data', data],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RW_SYNC_TOKEN: KEY } },
  );
  let output = '';
  const listening = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}:\n${output}`)));
  });
  return { child, port: listening };
}

/**
 * With RW_SCREENSHOTS=1 (never in CI): the screen at a wide and a narrow window, to look at.
 * Not screenshots.ts's helper: it dismisses toasts first, which a modal dialog makes inert.
 */
async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.RW_SCREENSHOTS !== '1') return;
  await mkdir(join(ROOT, 'test-results/screenshots'), { recursive: true });
  for (const size of [
    { width: 1400, height: 900 },
    { width: 800, height: 600 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: join(ROOT, `test-results/screenshots/${name}-${size.width}x${size.height}.png`),
    });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test('two windows share a workspace through the relay: a rename travels, a clash shows in both', async ({
  // Asked for so that A's window is open and signed in.
  workbench: _a,
  page,
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'rw-e2e-team-'));
  const started = await Promise.all([startRelay(join(dir, 'relay')), startServer(join(dir, 'b'))]);
  let relay = started[0];
  const other = started[1];
  const server = `ws://127.0.0.1:${relay.port}`;
  // Each host signs its page in with a cookie for 127.0.0.1: B gets a context of its own.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  try {
    const b = new WorkbenchPage(pageB);
    const [ada] = await Promise.all([
      call<{ id: string }>(page, 'entities.create', { name: 'Ada Lovelace', type: 'person' }),
      pageB.goto(other.url),
    ]);
    // A shares from its window.
    await (await barButton(page, 'Share this workspace…')).click();
    const share = page.getByRole('dialog', { name: 'Share this workspace' });
    // An address refused as typed, said under the field (and checked with axe).
    await share.getByRole('textbox', { name: 'Relay address' }).fill('http://relay.example');
    await expect(share.getByText(/starts with http:\/\//)).toBeVisible();
    await expectNoViolationsInEither(page, 'share dialog');
    await shoot(page, 'team-share');
    // Or through a shared folder: a full path asked for, checked as typed (and with axe).
    await share.getByRole('radio', { name: 'a shared folder' }).check();
    await share.getByRole('textbox', { name: 'Shared folder' }).fill('Sync/team');
    await expect(share.getByText(/is a full path/)).toBeVisible();
    await expectNoViolationsInEither(page, 'share dialog, through a folder');
    await shoot(page, 'team-share-folder');
    await share.getByRole('radio', { name: 'a relay' }).check();
    await share.getByRole('textbox', { name: 'Relay address' }).fill(server);
    await share.getByLabel('Team key').fill(KEY);
    await share.getByRole('button', { name: 'Share' }).click();
    const shareId = await share.getByRole('textbox', { name: 'Share id' }).inputValue();
    await shoot(page, 'team-shared');
    await share.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: /^Synced/ })).toBeVisible();
    // B joins from its own, and has A's entity.
    await (await barButton(pageB, 'Join a shared workspace…')).click();
    const join_ = pageB.getByRole('dialog', { name: 'Join a shared workspace' });
    await join_.getByRole('textbox', { name: 'Share id' }).fill(shareId);
    await join_.getByRole('textbox', { name: 'Relay address' }).fill(server);
    await join_.getByLabel('Team key').fill(KEY);
    await expectNoViolationsInEither(pageB, 'join dialog');
    await shoot(pageB, 'team-join');
    await join_.getByRole('button', { name: 'Join' }).click();
    await expect(b.entityButton(/^Ada Lovelace/)).toBeVisible();
    // A rename in A reaches B's open window through its change events.
    await call(page, 'entities.update', { id: ada.id, patch: { name: 'Ada King' } });
    await expect(b.entityButton(/^Ada King/)).toBeVisible();
    // The relay goes down; each renames; it comes back on the same port.
    await stop(relay.child);
    await call(page, 'entities.update', { id: ada.id, patch: { name: 'Countess Lovelace' } });
    await call(pageB, 'entities.update', { id: ada.id, patch: { name: 'Augusta Ada' } });
    relay = await startRelay(join(dir, 'relay'), relay.port);
    for (const p of [page, pageB]) {
      await expect(p.getByRole('button', { name: /1 conflict$/ })).toBeVisible();
      await p.getByRole('tab', { name: 'Conflicts' }).click();
      const values = p.getByRole('list', { name: /^Values of Entity “.+”, name$/ });
      await expect(values.getByRole('listitem')).toHaveCount(2);
      await expect(values).toContainText('Countess Lovelace');
      await expect(values).toContainText('Augusta Ada');
      // Under it, the record's team history names who changed its name.
      await p.getByRole('button', { name: 'Team history' }).click();
      await expect(
        p.getByRole('list', { name: /^Team history of Entity “.+”, name$/ }),
      ).toContainText(/changed name/);
    }
    await shoot(pageB, 'team-conflicts');
    // One axe run per scheme covers both new screens: the details open over the Conflicts view.
    await page.getByRole('button', { name: /^Synced/ }).click();
    await expect(page.getByRole('dialog', { name: 'Team sharing' })).toBeVisible();
    await expectNoViolationsInEither(page, 'team details over the Conflicts view');
    await shoot(page, 'team-details');
  } finally {
    await contextB.close();
    await stop(other.child);
    await stop(relay.child);
    await rm(dir, { recursive: true, force: true });
  }
});
