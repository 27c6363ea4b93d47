// The workspace as the core reports it: held by another process (read-only, naming the
// holder) and damaged (each problem named, repaired on request with a report); and
// switching to another workspace from the window and back.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectNoViolationsInEither } from './axe';
import { expect, startServer, stop, test } from './fixtures';
import { barButton } from './workbench-page';

test('a second browser host on the same workspace is read-only and names the holder', async ({
  page,
  host,
}) => {
  const second = await startServer(host.workspace);
  try {
    await expect
      .poll(() => second.output())
      .toContain('Read-only: This workspace is open in the browser host');
    await page.goto(second.url);
    const banner = page.getByRole('status', { name: 'Workspace' });
    await expect(banner).toContainText('Opened read-only');
    await expect(banner).toContainText(/In use by the browser host \(process \d+/);
    await expect(page.getByRole('button', { name: 'Repair workspace…' })).toHaveCount(0);
    // Reading still works.
    await expect(
      page.getByRole('heading', { name: /Iran’s regime is terrified/ }).first(),
    ).toBeVisible();
    for (const [name, width, height] of [
      ['read-only-wide', 1400, 900],
      ['read-only-narrow', 800, 600],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/screenshots/${name}.png` });
    }
  } finally {
    await stop(second.child);
  }
});

test('a damaged document is named, left alone, and repaired only on request', async ({
  page,
  host,
  workbench,
}) => {
  await workbench.highlight('Gohardasht and Evin prisons', undefined, 'quote');
  const [name] = await readdir(join(host.workspace, 'highlights'));
  const file = join(host.workspace, 'highlights', name!);
  const data = JSON.parse(await readFile(file, 'utf8')) as {
    annotations: { target: { position: { start: number; end: number } } }[];
  };
  data.annotations[0]!.target.position.end = 10_000_000;
  const damaged = JSON.stringify(data, null, 2);
  await writeFile(file, damaged);
  await host.restart();
  await page.goto(host.url);

  const banner = page.getByRole('status', { name: 'Workspace' });
  await expect(banner).toContainText(`highlights/${name}`);
  await expect(banner).toContainText('past the end of the text');
  expect(await readFile(file, 'utf8')).toBe(damaged);
  await page.screenshot({ path: 'test-results/screenshots/damaged-banner.png' });

  await page.getByRole('button', { name: 'Repair workspace…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('re-anchor it by its quote');
  await page.screenshot({ path: 'test-results/screenshots/repair-confirm.png' });
  await dialog.getByRole('button', { name: 'Repair workspace' }).click();
  const report = page.getByRole('region', { name: 'Repair report' });
  await expect(report).toContainText(/re-anchor it by its quote \((anchored|moved)\)/);
  await expect(banner).toHaveCount(0);
  await expect.poll(() => workbench.runs()).toHaveLength(1);
  await page.screenshot({ path: 'test-results/screenshots/repair-report.png' });
});

test('a second workspace is created from the window, and the first opened again from the recent list', async ({
  page,
  host,
  workbench: _wb,
}) => {
  const second = `${host.workspace}-second`;
  try {
    await (await barButton(page, 'Workspaces…')).click();
    const dialog = page.getByRole('dialog', { name: 'Workspaces' });
    const folder = dialog.getByRole('textbox', { name: 'Folder (its full path)' });
    await folder.fill('Evin 2026');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect(dialog.getByRole('alert')).toContainText('“Evin 2026” is not a full path');
    await expect(folder).toHaveValue('Evin 2026');
    await expectNoViolationsInEither(page, 'the Workspaces dialog', 'dialog.workspaces');
    await folder.fill(second);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    // The window reloads onto the new, empty workspace, at no document of the old one.
    await expect(page.getByText(`Created the workspace ${second}.`)).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');

    await (await barButton(page, 'Workspaces…')).click();
    await dialog.getByRole('button', { name: `Open ${host.workspace}`, exact: true }).click();
    await expect(
      page.getByRole('heading', { name: /Iran’s regime is terrified/ }).first(),
    ).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(`Workspace: ${host.workspace}`);
  } finally {
    await rm(second, { recursive: true, force: true });
  }
});
