// Sources as evidence through the browser host, kept short for CI: a PDF's pages beside
// its text, a highlight made in the text shown on the page and one made on the page shown
// in the text, a citation's "p. N" opening the page; a saved web page's original shown as
// it was, without its scripts; an area of a page highlighted by a drag and by the keyboard,
// each page highlight a button; the notice that a source's details are missing, filled in
// from it. Each screen passes axe. The bundle, the imports and the
// originals' hash checks are tested in tests/integration/evidence-*.test.ts. Screenshots
// only with RW_SCREENSHOTS=1 (they cost seconds CI does not have).
import type { Page } from '@playwright/test';
import { detentionPage } from '../fixtures/node/evidence-html';
import { reportPdf } from '../fixtures/node/pdf';
import { expectNoViolationsInEither as noViolationsInEither } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel('Files to import').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(`✓ ${name}`);
}

/** Selects `text` in a page's text layer, as a drag over it would. */
async function selectOnPage(page: Page, pageNumber: number, text: string): Promise<void> {
  await page.locator(`[data-page="${pageNumber}"] .textLayer span`).first().waitFor();
  await page.evaluate(
    ([n, text]) => {
      const wanted = text ?? '';
      const layer = document.querySelector(`[data-page="${n}"] .textLayer`)!;
      const span = [...layer.querySelectorAll('span')].find((s) => s.textContent?.includes(wanted));
      if (!span?.firstChild) throw new Error(`not on the page: ${wanted}`);
      const at = span.textContent.indexOf(wanted);
      const range = document.createRange();
      range.setStart(span.firstChild, at);
      range.setEnd(span.firstChild, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [String(pageNumber), text],
  );
}

test('a PDF’s pages beside its text: highlights show in both, and "p. N" opens the page', async ({
  workbench: wb,
  page,
}) => {
  const csp: string[] = [];
  page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && csp.push(m.text()));
  await importFile(page, 'report.pdf', 'application/pdf', Buffer.from(await reportPdf()));
  await expect(wb.reader.getByRole('heading', { level: 1 })).toHaveText('Detention Without Trial');
  // A highlight made in the text...
  await wb.highlight('forty former detainees', undefined, 'evidence');
  const source = page.getByRole('region', { name: 'Source' });
  await source.getByRole('button', { name: 'Open original' }).click();
  const pages = page.getByRole('region', { name: 'Pages of Detention Without Trial' });
  await expect(pages.getByRole('region', { name: 'Page 1' }).locator('canvas')).toBeVisible();
  // ...shows on the page, over the words it covers.
  await expect(pages.locator('[data-page="1"] .page-hl.hl-evidence').first()).toBeVisible();
  // A highlight made on the page...
  await selectOnPage(page, 1, 'checked against court records');
  await wb.toolbar.getByRole('button', { name: 'Highlight as question' }).click();
  await expect(wb.details.getByRole('blockquote')).toHaveText('checked against court records');
  await expect(pages.locator('[data-page="1"] .page-hl.hl-question').first()).toBeVisible();
  await screenshots(page, 'evidence-pdf-pages');
  await noViolationsInEither(page, 'page view');
  // ...shows in the text (marked as the open highlight), and its "p. 1" opens the page.
  await pages.getByRole('button', { name: 'Show the text' }).click();
  await expect
    .poll(() => wb.paintOf('checked against court records'))
    .toEqual(['question selected']);
  await wb.details.getByRole('button', { name: /p\. 1: show it on the page/ }).click();
  await expect(pages.getByRole('region', { name: 'Page 1' })).toBeInViewport();
  // pdf.js ran with its worker from the app's own origin, under the same policy.
  expect(csp).toEqual([]);
});

test('a saved web page’s original is shown as it was, with nothing that runs', async ({
  workbench: wb,
  page,
}) => {
  await importFile(page, 'detention.html', 'text/html', Buffer.from(detentionPage()));
  await expect(wb.reader.getByRole('table')).toContainText('Evin');
  await page
    .getByRole('region', { name: 'Source' })
    .getByRole('button', { name: 'Open original' })
    .click();
  const original = page.getByRole('region', { name: /Original of/ });
  await expect(original.getByRole('table')).toContainText('Gohardasht');
  await expect(original).toContainText('Not shown: 1 embedded video');
  await expect(original.locator('script, video, iframe, object, embed')).toHaveCount(0);
  await screenshots(page, 'evidence-web-original');
  await noViolationsInEither(page, 'original web page');
});

test('missing details filled in from the notice; an area highlighted by a drag and by the keyboard', async ({
  workbench: wb,
  page,
}) => {
  await importFile(page, 'report.pdf', 'application/pdf', Buffer.from(await reportPdf()));
  // The PDF says nothing of its publisher or address: the header says so, and fills them in.
  const notice = page.getByRole('note', { name: 'Source details' });
  await expect(notice).toContainText('Source details missing.');
  await notice.getByRole('button', { name: 'Add source details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByRole('textbox', { name: 'Publisher or site' }).fill('Human Rights Watch');
  await dialog.getByRole('textbox', { name: 'Web address' }).fill('https://example.org/report');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(notice).toHaveCount(0);
  await wb.highlight('forty former detainees', undefined, 'evidence');
  await page
    .getByRole('region', { name: 'Source' })
    .getByRole('button', { name: 'Open original' })
    .click();
  const pages = page.getByRole('region', { name: 'Pages of Detention Without Trial' });
  const first = pages.getByRole('region', { name: 'Page 1' });
  await expect(first.locator('canvas')).toBeVisible();
  // A drag in area mode makes an area highlight, shown on the page and opened.
  await pages.getByRole('button', { name: 'Highlight an area' }).click();
  const box = (await first.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 160, { steps: 4 });
  await page.mouse.up();
  await expect(wb.details.getByRole('blockquote')).toHaveText('Area on page 1');
  const areas = pages.getByRole('button', { name: /highlight: an area of page 1/ });
  await expect(areas).toHaveCount(1);
  // The same with the keyboard: a box put on the focused page, moved, and taken.
  await pages.getByRole('button', { name: 'Highlight an area' }).press('Enter');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first.getByRole('status')).toContainText('arrow keys move it');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(areas).toHaveCount(2);
  // A text highlight on the page is a button named by its kind and quote: Enter opens it.
  const evidence = pages.getByRole('button', {
    name: 'Evidence highlight: “forty former detainees”',
  });
  await evidence.focus();
  await page.keyboard.press('Enter');
  await expect(wb.details.getByRole('blockquote')).toHaveText('forty former detainees');
  await expect(evidence).toHaveAttribute('aria-current', 'true');
  // About → Licences, from the palette: citeproc under CPAL 1.0, then every package.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('licences');
  await page.keyboard.press('Enter');
  const licences = page.getByRole('dialog', { name: 'Licences' });
  await expect(licences.getByRole('region', { name: /Copyleft, taken under/ })).toContainText(
    'Common Public Attribution License 1.0',
  );
  await expect(licences.getByRole('row', { name: /^react \S+ MIT$/ })).toHaveCount(1);
  // citeproc's own LICENSE, as the package ships it, opened for the checks below.
  await licences.getByText('citeproc’s own licence notice').click();
  await expect(licences.getByText(/either version 1 of\s+the CPAL/)).toBeVisible();
  await screenshots(page, 'licences');
  await noViolationsInEither(page, 'licences', 'dialog.licences');
});
