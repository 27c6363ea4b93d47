// axe-core on every screen and dialog of the window, in the light and the dark colour
// scheme: the reader, a highlight, an entity, the new entity form, the dossier,
// co-occurrence, the timeline, the text editor, the details dialog, the paste dialog, the
// export menu, search results, a confirmation, the review queue, a right-to-left
// document, and the narrow window's drawers. Each must report no violation at all.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PERSIAN =
  'محاکمه حمید نوری در استکهلم\n\nدادگاه استکهلم حمید نوری را به حبس ابد محکوم کرد. او در تابستان ۱۳۶۷ در زندان گوهردشت بود.';

async function noViolations(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const found = result.violations.map(
    (v) =>
      `${screen}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('every screen and dialog passes axe', async ({ workbench: wb, page }) => {
      // Twenty axe runs over a full window: slow on a busy two-core machine, not stuck.
      test.setTimeout(150_000);
      await wb.reader.locator('li').first().waitFor();
      await noViolations(page, 'reader');

      await wb.highlight('Supreme National Security Council', undefined, 'claim');
      await noViolations(page, 'highlight panel');
      await wb.tagNewEntity('Supreme National Security Council', 'organization');
      await wb.details.getByRole('button', { name: 'Add note' }).click();
      await noViolations(page, 'note editor');
      await page.keyboard.press('Escape');

      await wb.select('Ali Shamkhani');
      await noViolations(page, 'selection toolbar');
      await page.keyboard.press('2');
      await wb.details.getByRole('heading', { name: 'Highlight', exact: true }).waitFor();

      await wb.details.getByRole('button', { name: 'Delete highlight' }).click();
      await noViolations(page, 'confirm dialog');
      await page.keyboard.press('Escape');

      await wb.entityButton(/^Supreme National Security Council/).click();
      await noViolations(page, 'entity panel');
      await wb.details.getByRole('button', { name: 'Open dossier' }).click();
      await noViolations(page, 'dossier');
      await page.getByRole('tab', { name: 'Co-occurrence' }).click();
      await noViolations(page, 'co-occurrence');
      await page.getByRole('tab', { name: 'Timeline' }).click();
      await noViolations(page, 'timeline');
      await page.getByRole('tab', { name: 'Reader' }).click();

      await wb.entities.getByRole('button', { name: 'New entity' }).click();
      await noViolations(page, 'new entity form');

      const search = page.getByRole('combobox', { name: 'Search the workspace' });
      await search.fill('council');
      await page.getByRole('listbox', { name: 'Search results' }).waitFor();
      await noViolations(page, 'search results');
      await search.press('Escape');
      await search.fill('');

      await page.getByRole('button', { name: 'Export…' }).click();
      await noViolations(page, 'export menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Paste text…' }).click();
      const paste = page.getByRole('dialog', { name: 'Paste text as a new document' });
      await noViolations(page, 'paste dialog');
      await paste.getByRole('textbox', { name: 'Title' }).fill('Nouri verdict');
      await paste.getByRole('textbox', { name: 'Text' }).fill(PERSIAN);
      await paste.getByRole('button', { name: 'Add document' }).click();
      await expect(wb.reader).toContainText('حبس ابد');
      await noViolations(page, 'right-to-left document');

      await page.getByRole('button', { name: 'Edit details' }).click();
      await noViolations(page, 'details dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Edit text' }).click();
      await noViolations(page, 'text editor');
      const editor = page.getByRole('form', { name: 'Edit text' });
      await editor.getByRole('button', { name: 'Cancel' }).click();

      await page.setViewportSize({ width: 800, height: 600 });
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      await noViolations(page, 'library drawer');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Details', exact: true }).click();
      await noViolations(page, 'details drawer');
    });
  });
}
