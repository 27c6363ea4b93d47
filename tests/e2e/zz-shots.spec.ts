import { test } from './fixtures';
test.use({ viewport: { width: 800, height: 600 } });
test('readme shot', async ({ workbench: wb, page }) => {
  await wb.reader.locator('li').first().waitFor();
  await wb.highlight('Supreme National Security Council Secretary Ali Shamkhani', undefined, 'claim');
  await wb.tagNewEntity('Ali Shamkhani', 'person');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/narrow.png' });
});
