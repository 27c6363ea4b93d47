// Issue 8's journeys: a source's provenance in its header (and given to pasted text), its
// text corrected in the block editor without losing a highlight, an orphan re-attached
// from the review queue, and a newer version of a page imported onto the same document.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';

const PAGE = join(ROOT, 'tests/fixtures/import/hostile-article.html');
const SHOTS = 'test-results/screenshots';
const QUOTE = 'suggested expanding and empowering the so-called';
const ORPHAN = 'Here are a few events that are worth mentioning';

/** Screenshots at the two window sizes researchers use, then back to the large one. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}-1400x900.png` });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.screenshot({ path: `${SHOTS}/${name}-800x600.png` });
  await page.setViewportSize({ width: 1400, height: 900 });
}

test('the header shows where a source came from; pasted text gets a URL and author', async ({
  workbench: wb,
  page,
}) => {
  await page.getByLabel('Files to import').setInputFiles(PAGE);
  const header = page.getByRole('region', { name: 'Source' });
  await expect(header.getByRole('heading')).toHaveText(
    'Court hears testimony on Gohardasht prison',
  );
  await expect(header).toContainText('Leila Ahmadi');
  await expect(header).toContainText('Rights Monitor');
  await expect(header).toContainText('2022');
  await expect(
    header.getByRole('link', {
      name: 'https://rights-monitor.example/2022/03/gohardasht-testimony',
    }),
  ).toHaveAttribute('target', '_blank');
  await expect(header.getByRole('button', { name: 'Copy SHA-256' })).toBeVisible();
  await shoot(page, 'document-header');

  // Correct a detail: one undoable command.
  await header.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Document details' });
  await form.getByRole('textbox', { name: 'Publisher or site' }).fill('Rights Monitor (Geneva)');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(header).toContainText('Rights Monitor (Geneva)');
  await expect(wb.undoButton()).toHaveAccessibleName('Undo Edit document details');

  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as a new document' });
  await paste.getByRole('textbox', { name: 'Title' }).fill('Families’ statement');
  await paste.getByRole('textbox', { name: 'Author' }).fill('Justice for Victims');
  await paste
    .getByRole('textbox', { name: 'Web address' })
    .fill('https://justice.example/statement');
  await paste.getByRole('textbox', { name: 'Text' }).fill('We ask for an independent inquiry.');
  await paste.getByRole('button', { name: 'Add document' }).click();
  await expect(header.getByRole('heading')).toHaveText('Families’ statement');
  await expect(header).toContainText('Justice for Victims');
  await expect(
    header.getByRole('link', { name: 'https://justice.example/statement' }),
  ).toBeVisible();
});

test('a corrected text keeps its highlights; an orphan is re-attached from the review queue', async ({
  workbench: wb,
  page,
}) => {
  await wb.reader.locator('li').first().waitFor();
  await wb.highlight(QUOTE, undefined, 'claim');
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();
  await wb.highlight(ORPHAN, undefined, 'quote');
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();

  await page.getByRole('button', { name: 'Edit text' }).click();
  const editor = page.getByRole('form', { name: 'Edit text' });
  // A typo introduced into the highlighted passage, then the "You May Also Like" teaser and
  // the paragraph holding the second highlight deleted, one click each.
  const labelOf = (value: string) =>
    editor.evaluate(
      (form, v) =>
        [...form.querySelectorAll('textarea')].find((t) => t.value.startsWith(v))?.ariaLabel ?? '',
      value,
    );
  const withQuote = editor.getByRole('textbox', { name: await labelOf('Shamkhani also lamented') });
  const text = await withQuote.inputValue();
  await withQuote.fill(text.replace('expanding and empowering', 'expanding and empowring'));
  for (const start of ['You May Also Like', ORPHAN]) {
    const label = await labelOf(start);
    await editor.getByRole('button', { name: `Delete ${label.toLowerCase()}` }).click();
  }
  await shoot(page, 'edit-mode');
  await editor.getByRole('button', { name: 'Save text' }).click();

  await expect(wb.toasts).toContainText('Text saved as revision 2; 2 highlights to review.');
  const queue = wb.details.getByRole('list', { name: 'Highlights to review' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await expect(queue).toContainText(/Fuzzy match, \d+ % confidence/);
  await expect(queue).toContainText('Orphaned: the passage is no longer in the text');
  await expect
    .poll(async () => (await wb.runs()).filter((run) => run.paint.includes('fuzzy')))
    .toEqual([
      expect.objectContaining({ text: expect.stringContaining('expanding and empowring') }),
    ]);
  await expect(wb.reader).not.toContainText('You May Also Like');
  await shoot(page, 'review-queue');

  // Re-attach the orphan to a new selection.
  await queue.getByRole('button', { name: `Re-attach “${ORPHAN}”` }).click();
  await wb.select('The question is, what is the regime worried about');
  await wb.toolbar.getByRole('button', { name: 'Re-attach here' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect
    .poll(() => wb.paintOf('The question is, what is the regime worried about'))
    .toHaveLength(1);
  await expect(wb.undoButton()).toHaveAccessibleName('Undo Re-attach highlight');

  // Accept the fuzzy one where it was found; undo brings it back to the queue.
  await queue.getByRole('button', { name: /^Accept/ }).click();
  await expect(wb.details).toContainText('Nothing to review');
  await wb.undoButton().click();
  await expect(queue.getByRole('listitem')).toHaveCount(1);

  // The highlight list says what became of each highlight.
  await wb.details.getByRole('button', { name: 'Close review' }).click();
  await expect(
    wb.details.getByRole('button', {
      name: `Highlight: ${QUOTE.replace('empowering', 'empowering')}`,
    }),
  ).toContainText(/fuzzy \d+ %/);
});

test('a newer version of a page updates its document after asking; identical bytes are recognised', async ({
  workbench: wb,
  page,
}) => {
  const input = page.getByLabel('Files to import');
  await input.setInputFiles(PAGE);
  const results = page.getByRole('status', { name: 'Import results' });
  await expect(results).toContainText('added “Court hears testimony on Gohardasht prison”');
  await wb.highlight('guards at Gohardasht prison read out names', undefined, 'evidence');

  await input.setInputFiles(PAGE);
  await expect(results).toContainText(
    'already here as “Court hears testimony on Gohardasht prison”',
  );

  const dir = await mkdtemp(join(tmpdir(), 'rw-e2e-'));
  const newer = join(dir, 'hostile-article.html');
  const html = await readFile(PAGE, 'utf8');
  await writeFile(
    newer,
    html.replace('<p>', '<p>Updated on 15 March with the court’s schedule.</p><p>'),
  );
  await input.setInputFiles(newer);
  const dialog = page.getByRole('dialog', {
    name: 'Update “Court hears testimony on Gohardasht prison”?',
  });
  await dialog.getByRole('button', { name: 'Update document' }).click();
  await expect(results).toContainText(
    'updated “Court hears testimony on Gohardasht prison” to revision 2',
  );
  await expect(wb.reader).toContainText('Updated on 15 March');
  await expect.poll(() => wb.paintOf('guards at Gohardasht prison read out names')).toHaveLength(1);
  await expect(wb.library.getByRole('button', { name: /^Court hears testimony/ })).toHaveCount(1);
});
