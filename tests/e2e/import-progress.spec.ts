// An annotations import that takes a while, through the browser host and its import worker:
// the dialog shows how many annotations are placed, passes axe in both schemes, and Cancel
// stops the import with nothing stored (screenshots only with RW_SCREENSHOTS=1). The file
// is thousands of long near-miss quotes on a long document: each needs approximate
// matching, so placing them all takes seconds.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const SENTENCES = Array.from(
  { length: 4000 },
  (_, i) =>
    `Statement ${i} recorded that the guard of block ${i % 97} met the family of detainee ${i * 31} in ward ${i % 13}.`,
);
const TEXT = SENTENCES.join(' ');

/** Quotes of a thousand characters, each with a word changed: none is in the text as it is. */
function annotationsFile(): Buffer {
  const annotations = Array.from({ length: 4000 }, (_, i) => {
    const start = TEXT.indexOf(SENTENCES[(i * 7) % 3990]!);
    const exact = TEXT.slice(start, start + 1000).replace('guard', 'warden');
    return {
      type: 'Annotation',
      target: {
        source: 'https://example.org/statements',
        selector: { type: 'TextQuoteSelector', exact: `${exact} ${i}` },
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
  await expect(wb.reader.getByRole('heading', { level: 1 })).toContainText('Statement 0');
  await page.getByLabel('Annotations file to import').setInputFiles({
    name: 'statements-annotations.json',
    mimeType: 'application/json',
    buffer: annotationsFile(),
  });
  const dialog = page.getByRole('dialog', {
    name: 'Import annotations from statements-annotations.json',
  });
  await dialog
    .getByRole('combobox', { name: 'Document for https://example.org/statements' })
    .selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Import 4000 annotations' }).click();

  const status = dialog.getByRole('status');
  await expect(status).toHaveText(/^Placing annotations: [\d,]+ of 4,000…$/, { timeout: 20_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Screenshots cost CI time: taken when asked for (RW_SCREENSHOTS=1), to be looked at.
  if (process.env.RW_SCREENSHOTS) await screenshots(page, 'import-annotations-progress');

  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The import was cancelled; nothing was imported.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Nothing was stored: the document has no highlight.
  await expect.poll(async () => (await wb.runs()).length).toBe(0);
});
