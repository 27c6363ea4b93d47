// Smaller end-to-end checks around the journey: the keyboard route, a corrupt workspace
// file reported without losing it, and the dark theme.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a double-clicked word is highlighted from the keyboard', async ({ workbench: wb, page }) => {
  await wb.reader.locator('li').first().waitFor();
  // Where the word "Noury" is on screen, so the mouse can double-click it like a user.
  const box = await wb.reader.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('Noury');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at + 1);
      range.setEnd(n, at + 3);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    throw new Error('word not found');
  });
  await page.mouse.dblclick(box.x, box.y);
  await expect(wb.toolbar).toBeVisible();
  const selected = await page.evaluate(() => window.getSelection()?.toString().trim());
  expect(selected).toBe('Noury');
  await page.keyboard.press('3');
  await expect(wb.details.getByRole('heading', { name: 'Highlight', exact: true })).toBeVisible();
  await expect(wb.details.getByRole('blockquote')).toHaveText(selected!);
  await expect(wb.details.getByRole('radio', { name: 'Evidence' })).toBeChecked();
  await expect.poll(() => wb.runs()).toEqual([{ text: selected, paint: 'evidence selected' }]);
});

test('a corrupt workspace.json is reported by name and left untouched', async ({ host, page }) => {
  const file = join(host.workspace, 'workspace.json');
  const corrupt = '{"schemaVersion": 1, "entities": [ this is not json';
  await writeFile(file, corrupt);
  await host.restart();
  await page.goto(host.url);
  const banner = page.getByRole('status', { name: 'Workspace' });
  await expect(banner).toContainText('Opened read-only');
  await expect(banner).toContainText('workspace.json');
  await expect(banner).toContainText('not valid JSON');
  await expect(page.getByRole('article')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New entity' })).toHaveCount(0);
  expect(await readFile(file, 'utf8')).toBe(corrupt);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('follows the system', async ({ workbench: wb, page }) => {
    await wb.highlight('Supreme National Security Council', undefined, 'claim');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(24, 24, 22)');
    await page.screenshot({ path: 'test-results/screenshots/reader-dark.png' });
  });
});

test('deleting a document asks first, says how many highlights go with it, and keeps the file in trash', async ({
  workbench: wb,
  host,
  page,
}) => {
  await wb.highlight('Supreme National Security Council', undefined, 'claim');
  await wb.library.getByRole('button', { name: /^Delete “Why Iran’s regime/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete “Why Iran’s regime/ });
  await expect(dialog).toContainText('1 highlight will be deleted with it');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(wb.reader).toBeVisible();
  await wb.library.getByRole('button', { name: /^Delete “Why Iran’s regime/ }).click();
  await dialog.getByRole('button', { name: 'Delete document' }).click();
  await expect(page.getByText('No documents yet.')).toBeVisible();
  // A change is durable when it answers; its files are put in place just after.
  await expect.poll(() => readdir(join(host.workspace, 'trash'))).toHaveLength(1);
  await expect.poll(() => readdir(join(host.workspace, 'documents'))).toEqual([]);
});
