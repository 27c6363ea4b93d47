// axe-core on every screen, dialog and empty state of the window, in the light and the
// dark colour scheme: the reader, a highlight, an entity, the new entity form, the
// dossier, co-occurrence, the timeline, the text editor, the details dialog, the paste
// dialog, the export menu, search results, a confirmation, the review queue, a
// right-to-left document, and the narrow window's drawers; then the empty notes,
// co-occurrence, timeline and search results, the shortcut sheet, the command palette,
// the verify and import-annotations dialogs, mentions of all entities and of one (with
// a mention accepted), a draft kept, "same as …?", and a workspace with no document.
// Each must report no violation at all.
import { join } from 'node:path';
import { expectNoViolations as noViolations } from './axe';
import { expect, ROOT, test } from './fixtures';
import { barButton } from './workbench-page';

const PERSIAN =
  'محاکمه حمید نوری در استکهلم\n\nدادگاه استکهلم حمید نوری را به حبس ابد محکوم کرد. او در تابستان ۱۳۶۷ در زندان گوهردشت بود.';

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
      // Checked once drawn: while it loads the dossier has no heading yet.
      await expect(
        page.getByRole('heading', { level: 1, name: /^Supreme National Security Council/ }),
      ).toBeVisible();
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

    test('every dialog and empty state passes axe', async ({ workbench: wb, page }) => {
      test.setTimeout(150_000);
      const tab = (name: string) => page.getByRole('tab', { name, exact: true });
      await wb.reader.locator('li').first().waitFor();
      await tab('Notes').click();
      await expect(page.getByText(/^No notes yet/)).toBeVisible();
      await noViolations(page, 'no notes');
      await tab('Co-occurrence').click();
      await noViolations(page, 'no co-occurrence');
      await tab('Timeline').click();
      await noViolations(page, 'no events');
      await tab('Reader').click();

      const search = page.getByRole('combobox', { name: 'Search the workspace' });
      await search.fill('zzqxv');
      await expect(page.getByText(/No results/)).toBeVisible();
      await noViolations(page, 'no search results');
      await search.press('Escape');
      await search.fill('');

      await wb.reader.focus();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await noViolations(page, 'shortcut sheet');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ControlOrMeta+Shift+P');
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
      await noViolations(page, 'command palette');
      await page.keyboard.press('Escape');

      await (await barButton(page, 'Verify quotes')).click();
      const verify = page.getByRole('dialog', { name: /^Verify/ });
      await verify.waitFor();
      await noViolations(page, 'verify dialog');
      await page.keyboard.press('Escape');
      await barButton(page, 'Import annotations…');
      await page
        .getByLabel('Annotations file to import')
        .setInputFiles(join(ROOT, 'tests/fixtures/interchange/hypothesis-search.json'));
      const imported = page.getByRole('dialog', { name: /^Import annotations from/ });
      await expect(imported).toContainText('7 annotations');
      await noViolations(page, 'import annotations dialog');
      await page.keyboard.press('Escape');

      // Mentions, of all entities and of one, with one accepted (focus moves on).
      await wb.createEntity('Ejei', 'person');
      await wb.entities.getByRole('button', { name: 'Find mentions of all entities' }).click();
      const all = page.getByRole('dialog', { name: 'Mentions of all entities' });
      await expect(all.getByRole('status')).toContainText('3 mentions of 1 entity');
      await noViolations(page, 'mentions of all entities');
      await all
        .getByRole('button', { name: /^Accept: Ejei/ })
        .first()
        .click();
      await expect(all.getByRole('button', { name: /^Accept: Ejei/ }).first()).toBeFocused();
      await expect(all.getByRole('status')).toContainText('1 already tagged');
      await noViolations(page, 'a mention accepted');
      await page.keyboard.press('Escape');
      await wb.details.getByRole('button', { name: 'Open dossier' }).click();
      const dossier = page.getByRole('article', { name: 'Ejei' });
      await dossier.getByRole('button', { name: 'Find mentions' }).click();
      await expect(dossier.getByRole('status')).toContainText('1 already tagged');
      await noViolations(page, 'mentions in the dossier');
      await tab('Reader').click();

      // A draft kept, and a name like another's.
      await wb.details.getByRole('textbox', { name: 'Description' }).fill('Judiciary chief');
      await noViolations(page, 'entity draft');
      await wb.entities.getByRole('button', { name: 'New entity' }).click();
      await wb.details.getByRole('textbox', { name: 'Name' }).fill('EJEI');
      await wb.details.getByRole('button', { name: 'Create entity' }).click();
      await wb.details.getByText('Same as this entity?').waitFor();
      await noViolations(page, 'same as');

      // No document at all: the library and the reader say so.
      await wb.library.getByRole('button', { name: /^Delete “/ }).click();
      await page
        .getByRole('dialog', { name: /^Delete “/ })
        .getByRole('button', { name: 'Delete document' })
        .click();
      await expect(wb.reader).toHaveCount(0);
      await expect(page.getByText('No documents yet.')).toBeVisible();
      await noViolations(page, 'no documents');

      // The check itself can fail: a button with no name is reported.
      await page.evaluate(() => document.body.append(document.createElement('button')));
      await expect(noViolations(page, 'a nameless button')).rejects.toThrow(/button-name/);
    });
  });
}
