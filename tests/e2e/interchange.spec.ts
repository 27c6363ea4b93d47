// Issue 11's interchange journey through the browser host: import a web page, then a saved
// Hypothesis API result made on it; choose the document for the one address no document
// has and make tags entities; read the per-annotation report; then verify every quote.
// Each dialog is checked with axe-core and must have no violations.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoViolations, expectNoViolationsInEither } from './axe';
import { expect, ROOT, test } from './fixtures';
import { screenshots } from './screenshots';
import { barButton } from './workbench-page';

const FIXTURES = join(ROOT, 'tests/fixtures/interchange');
const MIRROR = 'https://mirror.example.net/detention-briefing';
const TITLE = 'Detention conditions in 2023: a briefing';

const noViolations = (page: Page): Promise<void> =>
  expectNoViolations(page, 'the open dialog', 'dialog[open]');

test('import Hypothesis annotations onto an imported page, verify the quotes, cite both pages', async ({
  workbench: wb,
  page,
}) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel('Files to import').setInputFiles(join(FIXTURES, 'detention-report.html'));
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  await expect(await barButton(page, 'Import annotations…')).toBeVisible();
  await page
    .getByLabel('Annotations file to import')
    .setInputFiles(join(FIXTURES, 'hypothesis-search.json'));
  const dialog = page.getByRole('dialog', {
    name: 'Import annotations from hypothesis-search.json',
  });
  await expect(dialog).toContainText('7 annotations from Hypothesis, on 3 pages.');
  // The page's own address (and its http:// variant) matched the imported document.
  await expect(
    dialog.getByRole('combobox', {
      name: 'Document for https://rights.example.org/reports/detention-2023',
    }),
  ).toHaveValue(/^doc_/);
  const mirror = dialog.getByRole('combobox', { name: `Document for ${MIRROR}` });
  await expect(mirror).toHaveValue('');
  await noViolations(page);

  await mirror.selectOption({ label: TITLE });
  await dialog.getByRole('radio', { name: 'Entities (found by name, or created)' }).check();
  await dialog.getByRole('button', { name: 'Import 7 annotations' }).click();

  await expect(dialog.getByRole('status')).toHaveText(
    /^3 anchored, 1 fuzzy and 1 orphaned \(kept, to review in the review queue\), 0 already here, 2 not imported\. New entities: /,
  );
  const report = dialog.getByRole('list', { name: 'What became of each annotation' });
  await expect(report.getByRole('listitem')).toHaveCount(7);
  await expect(report.getByRole('listitem').nth(2)).toContainText('Fuzzy: review it');
  await expect(report.getByRole('listitem').nth(3)).toContainText(
    `its quote was not found in “${TITLE}”`,
  );
  await expect(report.getByRole('listitem').nth(5)).toContainText('a reply to another annotation');
  await noViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The highlights are in the reader, and the tags became entities in the library.
  await expect.poll(async () => (await wb.runs()).length).toBeGreaterThan(0);
  await expect(wb.library).toContainText('overcrowding');

  await (await barButton(page, 'Verify quotes')).click();
  const verify = page.getByRole('dialog', { name: 'Verify quotes' });
  await expect(verify.getByRole('status')).toHaveText(
    /^Every quote matches its text\. 2 documents, 5 highlights: 3 confirmed, 2 fuzzy or orphaned/,
  );
  await noViolations(page);
  await verify.getByRole('button', { name: 'Close' }).click();
  await expect(verify).toBeHidden();

  // A bibliography from the palette: the open page is ticked, the sample is ticked too,
  // APA is picked, and the entries are formatted by the core in that style.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('bibliography');
  await page.keyboard.press('Enter');
  const bibliography = page.getByRole('dialog', { name: 'Bibliography of sources' });
  const entries = bibliography.getByRole('region', { name: 'Bibliography' });
  await expect(bibliography.getByRole('checkbox', { name: TITLE })).toBeChecked();
  await bibliography.getByRole('checkbox', { name: /^Why Iran’s regime is terrified/ }).check();
  await bibliography.getByRole('combobox', { name: 'Citation style' }).selectOption({
    label: 'APA (7th edition)',
  });
  await expect(bibliography.getByRole('group', { name: 'Sources (2 chosen)' })).toBeVisible();
  await expect(entries.getByRole('paragraph')).toHaveCount(2);
  await expect(entries).toContainText(`${TITLE}.`);
  await expect(entries).toContainText('Why Iran’s regime is terrified');
  await expect(bibliography.getByRole('button', { name: 'Copy bibliography' })).toBeEnabled();
  await screenshots(page, 'bibliography');
  await expectNoViolationsInEither(page, 'bibliography', 'dialog.bibliography');
  await bibliography.getByRole('button', { name: 'Close' }).click();
  await expect(bibliography).toBeHidden();
});
