// Issue 11's PDF journey through the browser host: import a generated three-page report,
// highlight from the foot of page 2 across the page break into page 3, export Markdown
// notes, and the quote is cited to the page it starts on, "p. 2".
import { readFile } from 'node:fs/promises';
import { reportPdf } from '../fixtures/node/pdf';
import { expect, test } from './fixtures';

test('import a PDF, highlight across a page break, and cite its page', async ({
  workbench: wb,
  page,
}) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel('Files to import').setInputFiles({
    name: 'report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(await reportPdf()),
  });
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
    '✓ report.pdf: added “Detention Without Trial”',
  );
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText('Detention Without Trial');
  // The running head and the page numbers are not in the text.
  await expect(wb.reader).not.toContainText('Annual Report on Detention');
  await expect(wb.reader).not.toContainText('Page 2 of 3');
  // Where each printed page begins is shown in the reader, outside the document's text.
  const pageStarts = wb.reader.locator('[data-page-start]');
  await expect(pageStarts).toHaveCount(3);
  expect(
    await pageStarts.evaluateAll((els) => els.map((e) => e.getAttribute('data-page-start'))),
  ).toEqual(['1', '2', '3']);
  await pageStarts.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/pdf-page-boundary.png' });

  await wb.highlight('the visiting rules', 'The authorities did not answer', 'quote');
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Research notes (Markdown)' }).click(),
  ]);
  const notes = await readFile(await download.path(), 'utf8');
  // Cited from the page it starts on; no date, since a PDF's own dates are the file's.
  expect(notes).toContain('> the visiting rules of the women’s ward.');
  expect(notes).toContain('(Rights Monitor Research Unit n.d., 2, ¶ 2). *Quote.*');
});
