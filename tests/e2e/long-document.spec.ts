// A long document (a report of hundreds of paragraphs): only the blocks near the view are
// laid out and painted, yet the whole text stays in the page, so find-in-page finds text
// far below, a selection across blocks far down becomes a highlight at exactly its offsets,
// and the document reopens at the paragraph the reader left it at.
import { call } from './api';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const PARAGRAPHS = Array.from(
  { length: 600 },
  (_, i) => `Paragraph ${i} tells of witness ${i} at Evin, heard in session ${i} of the tribunal.`,
);
const TEXT = PARAGRAPHS.join('\n\n');

interface Stored {
  annotations: { target: { position: { start: number; end: number }; quote: { exact: string } } }[];
}

test('a long document lays out what is near the view, and still finds, selects and reopens exactly', async ({
  page,
  workbench: wb,
}) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  const { documentId } = await call<{ documentId: string }>(page, 'documents.paste', {
    title: 'Long report',
    text: TEXT,
  });
  await wb.library.getByRole('button', { name: /^Long report/ }).click();
  await expect(wb.reader).toHaveAccessibleName('Document: Long report');
  await expect(wb.reader).toHaveClass(/reader-long/);
  const far = wb.reader.getByText('Paragraph 580 tells', { exact: false });
  const farBlock = (el: Element): string =>
    getComputedStyle(el.closest('[data-block-start]')!).contentVisibility;
  expect(await far.evaluate(farBlock)).toBe('auto');

  // Find-in-page reaches text far below the view (window.find is what Ctrl+F uses).
  // (Non-standard, so not in TypeScript's DOM types.)
  const found = await page.evaluate(() =>
    (window as unknown as { find(text: string): boolean }).find('witness 598 at Evin'),
  );
  expect(found).toBe(true);
  await page.evaluate(() => window.getSelection()?.removeAllRanges());

  // A selection across two blocks far down is stored at exactly its offsets.
  await wb.select('heard in session 450', 'Paragraph 451 tells');
  await wb.toolbar.getByRole('button', { name: 'Highlight as quote' }).click();
  await wb.details.getByRole('blockquote').filter({ hasText: 'heard in session 450' }).waitFor();
  const start = TEXT.indexOf('heard in session 450');
  const end = TEXT.indexOf('Paragraph 451 tells') + 'Paragraph 451 tells'.length;
  const stored = await call<Stored>(page, 'documents.get', { id: documentId });
  const positions = stored.annotations.map(({ target: { position: p } }) => [p.start, p.end]);
  expect(positions).toEqual([[start, end]]);
  expect(stored.annotations[0]!.target.quote.exact).toBe(TEXT.slice(start, end));
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();

  // Reopened at the paragraph it was left at, though the blocks above were never laid out.
  const reading = page.locator('.reading');
  const block = wb.reader.getByText('Paragraph 300 tells', { exact: false });
  // Read down to it, so the blocks passed are laid out at their real heights: after a
  // reload they are estimates again, and a position kept in pixels would land elsewhere.
  await block.evaluate(async (el) => {
    const column = el.closest('.reading')!;
    const frame = (): Promise<unknown> => new Promise((r) => requestAnimationFrame(r));
    while (el.getBoundingClientRect().top - column.getBoundingClientRect().top > 400) {
      column.scrollBy(0, 500);
      await frame();
      await frame();
    }
    el.scrollIntoView({ block: 'start' });
  });
  const offsetFromTop = (): Promise<number> =>
    block.evaluate((el) => {
      const column = el.closest('.reading')!.getBoundingClientRect().top;
      return Math.round(el.getBoundingClientRect().top - column) + 0; // never -0
    });
  const before = await offsetFromTop();
  await page.waitForTimeout(400);
  await page.reload();
  await expect(wb.reader).toHaveAccessibleName('Document: Long report');
  // Back at the same place, to the pixel (rounding of fractional layout may move it one).
  await expect.poll(async () => Math.abs((await offsetFromTop()) - before)).toBeLessThanOrEqual(1);
  expect(await reading.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await expectNoViolations(page, 'a long document', 'article');
  await screenshots(page, 'long-document');
});
