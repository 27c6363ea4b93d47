// An annotations import that takes a while, through the browser host and its import worker:
// the dialog shows how many annotations are placed, passes axe in both schemes, and Cancel
// stops the import with nothing stored (screenshots only with RW_SCREENSHOTS=1). The file
// is hundreds of long near-miss quotes on a long document: each needs approximate
// matching, so placing them all would take longer than the import's budget.
import { expectNoViolationsInEither } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';
import { barButton } from './workbench-page';

const SENTENCES = Array.from(
  { length: 4000 },
  (_, i) =>
    `Statement ${i} recorded that the guard of block ${i % 97} met the family of detainee ${i * 31} in ward ${i % 13}.`,
);
const TEXT = SENTENCES.join(' ');

/** How many annotations the file holds: placing them all would take longer than the import's
 * 20 s budget, so the import is still running whenever Cancel is pressed. */
const COUNT = 520;

/**
 * Quotes of 1,900 characters (just under the exact-only length), each its passage with
 * every 100th character changed: none is in the text as it is, and each needs approximate
 * matching, at some tens of them a second.
 */
function annotationsFile(): Buffer {
  const annotations = Array.from({ length: COUNT }, (_, i) => {
    const start = (i * 613) % (TEXT.length - 2_000);
    const exact = [...TEXT.slice(start, start + 1_900)]
      .map((c, k) => (k % 100 === 50 ? (c === 'x' ? 'y' : 'x') : c))
      .join('');
    return {
      type: 'Annotation',
      target: {
        source: 'https://example.org/statements',
        selector: { type: 'TextQuoteSelector', exact },
      },
    };
  });
  return Buffer.from(JSON.stringify(annotations));
}

test('a long annotations import shows its progress and can be cancelled', async ({
  workbench: wb,
  page,
}) => {
  await page.getByLabel('Files to import').setInputFiles({
    name: 'statements.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(TEXT),
  });
  await page
    .getByRole('navigation', { name: 'Documents' })
    .getByRole('button', { name: /^Statement 0 recorded/ })
    .click();
  await expect(wb.reader).toContainText('Statement 3999 recorded');
  // Its dialog opens under "More", where the button is.
  await barButton(page, 'Import annotations…');
  await page.getByLabel('Annotations file to import').setInputFiles({
    name: 'statements-annotations.json',
    mimeType: 'application/json',
    buffer: annotationsFile(),
  });
  const dialog = page.getByRole('dialog', {
    name: 'Import annotations from statements-annotations.json',
  });
  const choose = dialog.getByRole('combobox', {
    name: 'Document for https://example.org/statements',
  });
  const statements = await choose
    .locator('option', { hasText: 'Statement 0 recorded' })
    .textContent();
  await choose.selectOption({ label: statements! });
  await dialog.getByRole('button', { name: `Import ${COUNT} annotations` }).click();

  const status = dialog.getByRole('status');
  await expect(status).toHaveText(/^Placing annotations: \d+ of 520…$/, { timeout: 20_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expectNoViolationsInEither(page, 'import in progress', 'dialog[open]');
  // Screenshots cost CI time: taken when asked for (RW_SCREENSHOTS=1), to be looked at.
  await screenshots(page, 'import-annotations-progress');

  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The import was cancelled; nothing was imported.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Nothing was stored: the document has no highlight.
  await expect.poll(async () => (await wb.runs()).length).toBe(0);
});
