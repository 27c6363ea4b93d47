// Highlights painted with the CSS Custom Highlight API: they look the same as the
// span-wrapping fallback (pixels compared in the same run), a click or Tab and Enter opens
// one, adding one changes no text in the reader, and axe passes.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { withoutHighlightApi, type WorkbenchPage } from './workbench-page';

/** Highlights on the sample: two kinds across blocks, and an overlap. */
async function highlightSample(wb: WorkbenchPage): Promise<void> {
  await wb.highlight('To no one’s surprise', 'The challenges regime is facing', 'claim');
  await wb.highlight('Evin prisons', 'into the 1988 massacre', 'evidence');
  await wb.highlight('Gohardasht and Evin prisons', undefined, 'question');
  await wb.highlight('Supreme National Security Council', undefined, 'quote');
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();
}

/** The reader as the user sees it, with nothing selected or focused in it, nor flashing. */
async function readerPixels(wb: WorkbenchPage): Promise<Buffer> {
  await expect
    .poll(() =>
      wb.page.evaluate(
        () => !document.querySelector('.flash') && !CSS.highlights?.has('passage-flash'),
      ),
    )
    .toBe(true);
  await wb.page.evaluate(() => {
    window.getSelection()?.removeAllRanges();
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await wb.page.mouse.move(0, 0);
  return wb.reader.screenshot({ animations: 'disabled', caret: 'hide' });
}

/** The share of pixels that differ between two PNGs of the same size, decoded in the page. */
async function differing(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const decode = async (base64: string): Promise<ImageData> => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(first!), decode(second!)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let differ = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const distance = Math.max(
          Math.abs(x.data[i]! - y.data[i]!),
          Math.abs(x.data[i + 1]! - y.data[i + 1]!),
          Math.abs(x.data[i + 2]! - y.data[i + 2]!),
        );
        if (distance > 48) differ++;
      }
      return differ / (x.width * x.height);
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

test.describe('on a window tall enough to show the whole sample', () => {
  test.use({ viewport: { width: 1400, height: 2400 } });
  test('painted highlights look like the span fallback, and not like no highlights', async ({
    workbench: wb,
    page,
  }) => {
    await highlightSample(wb);
    await wb.clickText('National Security');
    // Painted: no highlight element in the text, the runs registered with the API.
    await expect(wb.reader.locator('mark')).toHaveCount(0);
    await expect.poll(() => wb.paintOf('Evin prisons')).toEqual(['overlap question']);
    const painted = await readerPixels(wb);
    const runs = await wb.runs();

    const blank = await page.evaluate(() => {
      const saved = [...CSS.highlights];
      CSS.highlights.clear();
      return saved.length;
    });
    expect(blank).toBeGreaterThan(0);
    const unpainted = await readerPixels(wb);

    await withoutHighlightApi(page);
    await page.reload();
    await expect(wb.reader.locator('mark.hl').first()).toBeVisible();
    await wb.clickText('National Security');
    await expect(wb.reader.locator('mark.hl-selected')).toHaveText([
      'Supreme National Security Council',
    ]);
    expect(await wb.runs()).toEqual(runs);
    const wrapped = await readerPixels(wb);
    await mkdir('test-results/screenshots', { recursive: true });
    await writeFile('test-results/screenshots/highlights-painted.png', painted);
    await writeFile('test-results/screenshots/highlights-wrapped.png', wrapped);

    const apart = await differing(page, painted, wrapped);
    const missing = await differing(page, painted, unpainted);
    console.log(`pixels apart: painted vs wrapped ${apart}, painted vs none ${missing}`);
    // Text drawn in one run or cut at a mark's edge may be antialiased a little differently;
    // the tolerance is a small fraction of what the highlights themselves change.
    expect(apart).toBeLessThan(0.002);
    expect(missing).toBeGreaterThan(0.01);
  });
});

test('a click on a painted highlight opens it; Tab and Enter open it from the keyboard', async ({
  workbench: wb,
  page,
}) => {
  await highlightSample(wb);
  await wb.clickText('National Security');
  await expect(wb.details.getByRole('blockquote')).toHaveText('Supreme National Security Council');
  await expect.poll(() => wb.paintOf('National Security')).toEqual(['quote selected']);

  // The overlap opens the innermost highlight, the one whose colour it shows.
  await wb.clickText('Evin prisons');
  await expect(wb.details.getByRole('blockquote')).toHaveText('Gohardasht and Evin prisons');
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();

  // A click past the end of a highlighted line opens nothing.
  const end = await wb.reader.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (!text.data.endsWith('violating human rights.')) continue;
      text.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(text, text.length - 1);
      range.setEnd(text, text.length);
      const box = range.getBoundingClientRect();
      return { x: box.right + 40, y: box.top + box.height / 2 };
    }
    throw new Error('paragraph not found');
  });
  await page.mouse.click(end.x, end.y);
  // A click renders what it opens by the next frame: wait two, then look.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  expect(await wb.paintOf('violating human rights')).toEqual(['claim']);
  await expect(wb.details.getByRole('blockquote')).toHaveCount(0);

  // The stops come in reading order, after the text, each named by kind and quote.
  await wb.reader.focus();
  await page.keyboard.press('Tab');
  const first = wb.highlightStop('Supreme National Security Council');
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName('Quote highlight: Supreme National Security Council');
  // Its focus ring is drawn over the highlight's words.
  const ring = await first.boundingBox();
  const words = await wb.reader.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('Supreme National Security Council');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 'Supreme National Security Council'.length);
      const { x, y, width, height } = range.getClientRects()[0]!;
      return { x, y, width, height };
    }
    return null;
  });
  expect(ring).toEqual(words);
  await page.keyboard.press('Enter');
  await expect(wb.details.getByRole('blockquote')).toHaveText('Supreme National Security Council');

  // ] moves to the next highlight in reading order; Space opens it too.
  await first.focus();
  await page.keyboard.press(']');
  const second = wb.highlightStop('To no one’s surprise');
  await expect(second).toBeFocused();
  await expect(second).toHaveAccessibleName(/^Claim highlight: To no one’s surprise/);
  await page.keyboard.press(' ');
  await expect(wb.details.getByRole('blockquote')).toContainText('To no one’s surprise');

  await first.focus();
  await expectNoViolations(page, 'painted highlights', 'article');
});

test('adding a highlight changes no text node in the reader', async ({ workbench: wb, page }) => {
  await highlightSample(wb);
  await page.evaluate(() => {
    const article = document.querySelector('article')!;
    const w = window as unknown as { textChanges: number };
    w.textChanges = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        // The Tab stops' layer gains a button; the text must not change at all.
        if ((record.target as Element).closest?.('.highlight-stops')) continue;
        w.textChanges++;
      }
    }).observe(article, { subtree: true, childList: true, characterData: true });
  });
  await wb.select('Ejei talked of');
  await page.keyboard.press('2');
  await expect.poll(() => wb.paintOf('Ejei talked of')).toEqual(['claim selected']);
  await wb.clickText('National Security');
  await expect.poll(() => wb.paintOf('National Security')).toEqual(['quote selected']);
  await wb.deleteOpenHighlight();
  await expect.poll(() => wb.paintOf('National Security')).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { textChanges: number }).textChanges),
  ).toBe(0);
  await expect(wb.highlightStop('Ejei talked of')).toHaveCount(1);
  await expect(wb.highlightStop('Supreme National Security Council')).toHaveCount(0);
});

test('a new highlight is painted on the key press, before the core answers, and only once', async ({
  workbench: wb,
  page,
}) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  // The core's answer is held back until the test lets it go.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/annotations.create', async (route) => {
    await held;
    await route.continue();
  });
  await wb.select('Ejei talked of');
  await page.keyboard.press('3');
  await expect.poll(() => wb.paintOf('Ejei talked of')).toEqual(['evidence']);
  await expect(wb.highlightStop('Ejei talked of')).toHaveCount(0); // not saved yet
  release();
  // Saved: painted by the stored highlight, open, with no second painting left behind.
  await expect(wb.highlightStop('Ejei talked of')).toHaveCount(1);
  await expect.poll(() => wb.paintOf('Ejei talked of')).toEqual(['evidence selected']);
  const runs = await wb.runs();
  expect(runs.filter((r) => r.text.includes('Ejei talked of'))).toHaveLength(1);
});

test('a highlight the core refuses is taken away again', async ({ workbench: wb, page }) => {
  await expect(wb.reader.getByRole('heading', { level: 1 })).toBeVisible();
  await page.route('**/api/annotations.create', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'refused' } }),
    }),
  );
  await wb.select('Ejei talked of');
  await page.keyboard.press('3');
  await expect(page.getByRole('alert')).toContainText('refused');
  await expect.poll(() => wb.paintOf('Ejei talked of')).toEqual([]);
});
