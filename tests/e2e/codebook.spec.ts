// Issue 20's codebook and references through the browser host, in one short flow: a kind
// of the user's own added in the Codebook view reaches the selection toolbar and paints a
// highlight; codes are filed under a parent; a Zotero RIS file brings the references
// dialog, which adds the page it names as a source without text; with the originals ticked
// in the export options, the workspace backup downloads as the host's zip. The Codebook view, the export
// options and the references dialog each pass axe in the light and the dark scheme.
// Screenshots (1400x900 and 800x600) only with RW_SCREENSHOTS=1, so CI does not pay for them.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoViolationsInEither } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/** No axe violation, in the light scheme and then the dark one. */
async function noViolations(page: Page, screen: string): Promise<void> {
  await expectNoViolationsInEither(page, screen);
  await screenshots(page, `interchange-${screen}`);
}

test('a kind and codes of the user own, and references from Zotero', async ({
  workbench: wb,
  page,
}) => {
  await wb.reader.locator('li').first().waitFor();
  await page.getByRole('tab', { name: 'Codebook' }).click();
  const view = page.getByRole('region', { name: 'Codebook' });
  await view.getByRole('textbox', { name: 'Name of a new kind' }).fill('Testimony');
  await view.getByRole('button', { name: 'Add kind' }).click();
  await expect(view.getByRole('textbox', { name: 'Name of the kind Testimony' })).toBeVisible();

  await view.getByRole('textbox', { name: 'Name of a new code' }).fill('Accountability');
  await view.getByRole('button', { name: 'Add code' }).click();
  await view.getByRole('textbox', { name: 'Name of a new code' }).fill('Trial');
  await view
    .getByRole('combobox', { name: 'File the new code under' })
    .selectOption('Accountability');
  await view.getByRole('button', { name: 'Add code' }).click();
  await expect(
    view.getByRole('list', { name: 'Codes under Accountability' }).getByRole('button'),
  ).toHaveText(/^Trial/);
  await noViolations(page, 'codebook');

  await page.getByRole('tab', { name: 'Reader' }).click();
  await wb.select('Supreme National Security Council');
  await wb.toolbar.getByRole('button', { name: 'Highlight as testimony' }).click();
  await expect(wb.details.getByText('Testimony', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('menuitem', { name: /^Export options/ }).click();
  const options = page.getByRole('dialog', { name: 'Export options' });
  await options.getByRole('combobox', { name: 'Citation style of the research notes' }).waitFor();
  await noViolations(page, 'export-options');
  // With the originals the backup is the core's zip, streamed by the host as a download.
  await options.getByRole('checkbox', { name: /original files in the workspace backup/ }).check();
  await options.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const [archive] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Workspace backup with originals (.zip)' }).click(),
  ]);
  expect(archive.suggestedFilename()).toMatch(/^workspace-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile(await archive.path());
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  expect(zip.includes('backup.json')).toBe(true);
  // Given back to the window, the zip goes to the host's restore route and the core, whose
  // answer the import report shows (here: every record is already in this workspace).
  await page.getByLabel('Files to import').setInputFiles({
    name: 'case.zip',
    mimeType: 'application/zip',
    buffer: zip,
  });
  await expect(page.getByText(/case\.zip.*already in this workspace/)).toBeVisible();

  const ris = ['TY  - ELEC', 'TI  - A page from Zotero', 'AU  - Karimi, Leila', 'ER  - ', ''];
  await page.getByLabel('Files to import').setInputFiles({
    name: 'zotero.ris',
    mimeType: 'application/x-research-info-systems',
    buffer: Buffer.from(ris.join('\r\n')),
  });
  const dialog = page.getByRole('dialog', { name: 'Import references from zotero.ris' });
  await expect(dialog.getByRole('list', { name: 'References' })).toContainText(
    'A page from Zotero',
  );
  await noViolations(page, 'references');
  await dialog.getByRole('radio', { name: /add the others as sources without text/ }).check();
  await dialog.getByRole('button', { name: 'Import references' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/1 added/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(wb.library).toContainText('A page from Zotero');
});
