// The window at the sizes people use: a large monitor, a laptop, a small window, a laptop
// at 200 % zoom and at 400 % (320 x 256 CSS pixels, WCAG 1.4.10). At each the page never
// scrolls sideways, the reader keeps at least 45 characters a line (30 when narrower than
// 400), the top bar is one row and both side panels can be reached; at 400 % the rest is
// under "More", a drawer takes the whole width and nothing is painted over another
// thing. Screenshots are kept.
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';

const SIZES = [
  { name: '1400x900', width: 1400, height: 900, scale: 1 },
  { name: '1024x700', width: 1024, height: 700, scale: 1 },
  { name: '800x600', width: 800, height: 600, scale: 1 },
  // 200 % zoom of a 1280 x 800 window: half the CSS pixels, twice the device pixels.
  { name: 'zoom-200', width: 640, height: 400, scale: 2 },
  { name: '320', width: 320, height: 640, scale: 1 },
  // 400 % zoom of a 1280 x 1024 window.
  { name: 'zoom-400', width: 320, height: 256, scale: 4 },
];

/** Characters of the reader's font that fit on one of its lines. */
async function readerCharacters(page: Page): Promise<number> {
  return page.getByRole('article').evaluate((article) => {
    const probe = document.createElement('span');
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    probe.style.whiteSpace = 'nowrap';
    article.append(probe);
    const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
    probe.remove();
    return article.clientWidth / perChar;
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
    });

    test('reflows: no sideways scroll, a readable reader, both panels reachable', async ({
      workbench: wb,
      page,
    }) => {
      await wb.reader.locator('li').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // The top bar is one row at every size (at 1400 px it wrapped to three, 128 px).
      expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(56);
      expect(await readerCharacters(page)).toBeGreaterThanOrEqual(size.width >= 400 ? 45 : 30);
      await page.screenshot({ path: `test-results/screenshots/layout-${size.name}.png` });

      for (const side of ['Library', 'Details'] as const) {
        const toggle = page.getByRole('button', { name: side, exact: true });
        const panel = page.getByRole('complementary', { name: side });
        if (!(await panel.isVisible())) await toggle.click();
        await expect(panel).toBeVisible();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `test-results/screenshots/layout-${size.name}-${side.toLowerCase()}.png`,
        });
        await expectNoViolations(page, `${size.name}, ${side} open`);
      }
    });
  });
}

test('panels collapse and resize, and the window remembers it', async ({ workbench: wb, page }) => {
  await wb.reader.locator('li').first().waitFor();
  // With both side panels open, a 1,100-pixel window still shows the views on one row.
  await page.setViewportSize({ width: 1100, height: 800 });
  const tabTops = await page
    .getByRole('tablist', { name: 'Views' })
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
  expect(new Set(tabTops).size).toBe(1);
  await page.setViewportSize({ width: 1400, height: 900 });
  const library = page.getByRole('complementary', { name: 'Library' });
  const divider = page.getByRole('separator', { name: 'Resize the library panel' });
  const before = (await library.boundingBox())!.width;
  await divider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', String(Math.round(before) + 32));
  await page.getByRole('button', { name: 'Details', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Details' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('slider', { name: /Text size/ }).fill('24');
  const fontSize = await wb.reader.evaluate((el) => getComputedStyle(el).fontSize);
  expect(fontSize).toBe('24px');

  await page.reload();
  await wb.reader.locator('li').first().waitFor();
  await expect(page.getByRole('complementary', { name: 'Details' })).toHaveCount(0);
  await expect(page.getByRole('separator', { name: 'Resize the library panel' })).toHaveAttribute(
    'aria-valuenow',
    String(Math.round(before) + 32),
  );
  expect(await wb.reader.evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
});

test.describe('narrow window', () => {
  test.use({ viewport: { width: 800, height: 600 } });
  test('the library is a drawer that Escape closes, giving focus back', async ({
    workbench: wb,
    page,
  }) => {
    await wb.reader.locator('li').first().waitFor();
    // The top bar is one row here too (it wrapped to four, 162 px of the 600).
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(48);
    const toggle = page.getByRole('button', { name: 'Library', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const library = page.getByRole('complementary', { name: 'Library' });
    await expect(library).toBeVisible();
    // Focus went into the drawer, never to the page's body.
    expect(await library.evaluate((el) => el.parentElement?.contains(document.activeElement))).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await expect(library).toHaveCount(0);
    await expect(toggle).toBeFocused();
  });
});

test.describe('at 400 % zoom (320 x 256)', () => {
  test.use({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 2 });
  test('one row of top bar, everything else under More, drawers the whole width', async ({
    workbench: wb,
    page,
  }) => {
    await wb.reader.locator('li').first().waitFor();
    const bar = page.getByRole('banner');
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(48);
    const more = page.getByRole('button', { name: 'More' });
    await expect(page.getByRole('button', { name: 'Paste text…' })).toBeHidden();
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const paste = page.getByRole('button', { name: 'Paste text…' });
    await expect(paste).toBeVisible();
    // The menu lies over the page under the bar, inside the window.
    const box = (await page.locator('#topbar-more').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, 'the More menu at 400 %');
    await page.screenshot({ path: 'test-results/screenshots/layout-zoom-400-more.png' });
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();

    for (const side of ['Library', 'Details'] as const) {
      await page.getByRole('button', { name: side, exact: true }).click();
      const drawer = page.getByRole('complementary', { name: side });
      await expect(drawer).toBeVisible();
      const drawn = (await drawer.boundingBox())!;
      expect(drawn.width).toBe(320);
      // The drawer starts under the bar: nothing of it is painted over the bar's buttons.
      expect(drawn.y).toBeGreaterThanOrEqual((await bar.boundingBox())!.height - 1);
      await page.keyboard.press('Escape');
    }

    // Search results fit the window too.
    const search = page.getByRole('combobox', { name: 'Search the workspace' });
    await search.fill('council');
    const results = page.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/screenshots/layout-zoom-400-search.png' });
  });
});
