// Honest search (issue 21): filters in force show as chips, open or closed, each removable
// and "Clear filters"; an empty list says how many results the filters hide and which
// filter hides them; the results close on Escape (focus goes back where it was) and on a
// click outside, and never cover the top bar's Export button; axe passes on the empty,
// filtered list in light and dark.
import { expectNoViolations as noViolations } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('filters show as chips and an empty list says what they hide', async ({
      workbench: wb,
      page,
    }) => {
      await wb.reader.locator('li').first().waitFor();
      const search = page.getByRole('combobox', { name: 'Search the workspace' });
      const results = page.getByRole('search');
      await search.fill('mullahs');
      await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();

      // Highlights only, of kind Claim: the document's words are hidden by two filters.
      const filters = results.getByRole('group', { name: 'Search filters' });
      await filters.getByRole('button', { name: 'Highlights' }).click();
      await filters.getByRole('combobox', { name: 'Highlight kind' }).selectOption('Claim');
      const chips = results.getByRole('list', { name: 'Filters in force' });
      await expect(chips.getByRole('listitem')).toHaveText(['Highlights×', 'Kind: Claim×']);
      const empty = results.getByRole('status').filter({ hasText: 'No results' });
      await expect(empty).toContainText('No results for “mullahs” with these filters.');
      await expect(empty).toContainText(/\d+ results? hidden by 2 filters\./);
      await expect(
        empty.getByRole('list', { name: 'What each filter hides' }).getByRole('listitem'),
      ).toHaveText([/^Without “Highlights”: \d+ results?$/, 'Without “Kind: Claim”: 0 results']);
      await expect(page.getByRole('listbox', { name: 'Search results' })).toHaveCount(0);
      await noViolations(page, 'empty results with filters');
      await screenshots(page, `search-hidden-by-filters-${colorScheme}`);

      // Closed, the chips stay under the search box.
      await search.press('Escape');
      await expect(empty).toBeHidden();
      await expect(chips.getByRole('listitem')).toHaveCount(2);
      await noViolations(page, 'filters under a closed search');

      // One removed, then the rest cleared, from the closed box: the document's words are
      // found again when the results open.
      await chips.getByRole('button', { name: 'Remove filter Kind: Claim' }).click();
      await expect(chips.getByRole('listitem')).toHaveText(['Highlights×']);
      await results.getByRole('button', { name: 'Clear filters' }).click();
      await expect(chips).toHaveCount(0);
      await wb.reader.focus();
      await search.focus();
      await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
    });
  });
}

test('the results close on Escape and on a click outside, and never cover Export', async ({
  workbench: wb,
  page,
}) => {
  await wb.reader.locator('li').first().waitFor();
  const search = page.getByRole('combobox', { name: 'Search the workspace' });
  const list = page.getByRole('listbox', { name: 'Search results' });
  const exportButton = page.getByRole('button', { name: 'Export…' });

  for (const size of [
    { width: 1400, height: 900 },
    { width: 800, height: 600 },
  ]) {
    await page.setViewportSize(size);
    await search.fill('human rights');
    await expect(list).toBeVisible();
    // In a small window Export is under "More", which must stay reachable.
    const target = (await exportButton.isVisible())
      ? exportButton
      : page.getByRole('button', { name: 'More' });
    const popup = (await page.locator('.search-results').boundingBox())!;
    const button = (await target.boundingBox())!;
    const covers =
      popup.x < button.x + button.width &&
      button.x < popup.x + popup.width &&
      popup.y < button.y + button.height &&
      button.y < popup.y + popup.height;
    expect(covers, `at ${size.width}x${size.height}`).toBe(false);
    await screenshots(page, `search-results-${size.width}`);
    // A click outside closes them; Export (or More) is reachable.
    await target.click();
    await expect(list).toBeHidden();
    await page.keyboard.press('Escape');
    await search.fill('');
  }

  // Opened with Ctrl+K from the document, Escape gives focus back to the document.
  await page.setViewportSize({ width: 1400, height: 900 });
  await wb.reader.focus();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await page.keyboard.type('Shamkhani');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(wb.reader).toBeFocused();
});
