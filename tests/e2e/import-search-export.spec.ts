// Issue 3's journey: import a saved web page through the UI, highlight in it, find the
// highlight by search, and export Markdown notes that quote and cite it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, ROOT, test } from './fixtures';

const PAGE = join(ROOT, 'tests/fixtures/import/hostile-article.html');

test('import a web page, highlight, search, and export cited notes', async ({
  workbench: wb,
  page,
}) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  await page
    .getByLabel('Files to import')
    .setInputFiles([PAGE, join(ROOT, 'tests/fixtures/import/briefing.md')]);
  const results = page.getByRole('status', { name: 'Import results' });
  await expect(results).toContainText(
    '✓ hostile-article.html: added “Court hears testimony on Gohardasht prison”',
  );
  await expect(results).toContainText('✓ briefing.md: added “Briefing: the 1988 massacre”');

  // The imported page opens (the last file imported is shown): open the web page.
  await wb.library
    .getByRole('button', { name: /^Court hears testimony on Gohardasht prison/ })
    .click();
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText(
    'Court hears testimony on Gohardasht prison',
  );
  await expect(wb.reader.getByRole('link', { name: 'Hamid Noury' })).toHaveAttribute(
    'href',
    'https://en.wikipedia.org/wiki/Hamid_Nouri',
  );
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(wb.reader.locator('script, iframe, img, form, svg')).toHaveCount(0);

  await wb.highlight('guards at Gohardasht prison read out names', undefined, 'evidence');
  await wb.tagNewEntity('Gohardasht prison', 'place');
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();

  // Search finds the highlight (typing a prefix, without the accent-free care), grouped.
  const search = page.getByRole('combobox', { name: 'Search the workspace' });
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await search.fill('read out nam');
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(list.getByRole('group', { name: 'Highlights' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/search-results.png' });
  const filters = page.getByRole('group', { name: 'Search filters' });
  await filters.getByRole('button', { name: 'Highlights' }).click();
  await expect(filters.getByRole('button', { name: 'Highlights' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(list.getByRole('group')).toHaveCount(1);
  // Without the kind filter the passage shows too; filtering by the tagged entity keeps
  // only the highlight.
  await filters.getByRole('button', { name: 'Highlights' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);
  const entityFilter = filters.getByRole('combobox', { name: 'Tagged entity' });
  await entityFilter.selectOption({ label: 'Gohardasht prison' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await entityFilter.selectOption({ label: 'Any entity' });
  await list.getByRole('option').first().click();
  await expect(wb.details.getByRole('blockquote')).toHaveText(
    'guards at Gohardasht prison read out names',
  );

  // A passage result opens its document and flashes the passage.
  await wb.library.getByRole('button', { name: /^Why Iran’s regime/ }).click();
  await search.fill('Ebrahim Raisi');
  await filters.getByRole('button', { name: 'Passages' }).click();
  await list.getByRole('option').first().click();
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText(
    'Briefing: the 1988 massacre',
  );
  await page.screenshot({ path: 'test-results/screenshots/passage-flash.png' });

  // Export Markdown research notes: the quote with its citation.
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Research notes (Markdown)' }).click(),
  ]);
  const notes = await readFile(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toMatch(/^research-notes-\d{4}-\d{2}-\d{2}\.md$/);
  // Paste-ready: the quote cited in the notes' style (Chicago author-date by default, body
  // paragraphs counted as a reader counts them), the source once in the list of sources,
  // the entity listed under its type with a link to the quote.
  expect(notes).toContain(
    '> guards at Gohardasht prison read out names\n\n(Ahmadi 2022, para. 2). *Evidence.*',
  );
  expect(notes).toContain(
    '- Ahmadi, Leila. 2022. “Court Hears Testimony on Gohardasht Prison.” Rights Monitor. March 14, 2022. <https://rights-monitor.example/2022/03/gohardasht-testimony>.',
  );
  expect(notes).toContain('### Places\n\n#### Gohardasht prison\n\nQuotes: [Quote 1](#quote-1)');
});

test('paste text as a document, and see why a bad file was refused', async ({
  workbench: wb,
  page,
}) => {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as a new document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Hearing notes');
  await dialog
    .getByRole('textbox', { name: 'Text' })
    .fill('گزارش زندان اوین\n\nThe witness named the prosecutor.');
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText('گزارش زندان اوین');
  await expect(wb.reader.getByRole('paragraph')).toHaveText(['The witness named the prosecutor.']);
  await expect(wb.library.getByRole('button', { name: /^Hearing notes/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await page.getByLabel('Files to import').setInputFiles({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7'),
  });
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
    '✗ scan.pdf could not be imported: it is not a readable PDF',
  );

  // Persian typed with Arabic letters finds the Persian text.
  await page.getByRole('combobox', { name: 'Search the workspace' }).fill('زندان اوين');
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
  ).toContainText('اوین');
});

test('files dropped on the window are imported', async ({ workbench: wb, page }) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  const markdown = await readFile(join(ROOT, 'tests/fixtures/import/briefing.md'), 'utf8');
  // A real drop: a DataTransfer holding a File, dispatched on the window's content.
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'briefing.md', { type: 'text/markdown' }));
    return data;
  }, markdown);
  await page.locator('.app').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
    '✓ briefing.md: added “Briefing: the 1988 massacre”',
  );
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText(
    'Briefing: the 1988 massacre',
  );
});
