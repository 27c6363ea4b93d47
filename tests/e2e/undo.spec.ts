// Undo and redo from the keyboard and from the toast after a delete, against the real
// core: the history lives there, so it also survives a reload of the window.
import { expect, test } from './fixtures';

const PASSAGE = 'Supreme National Security Council';

test('delete a highlight, press Ctrl+Z, it is back with its note', async ({
  workbench: wb,
  page,
}) => {
  await wb.select(PASSAGE);
  await wb.toolbar.getByRole('button', { name: 'Add note…' }).click();
  await wb.details
    .getByRole('textbox', { name: 'Note (Markdown)' })
    .fill('Chaired by **Shamkhani** until 2023.');
  await wb.details.getByRole('button', { name: 'Save note' }).click();
  await expect(wb.details.locator('.markdown strong')).toHaveText('Shamkhani');

  await wb.deleteOpenHighlight();
  await expect.poll(() => wb.paintOf(PASSAGE)).toHaveLength(0);
  await expect(wb.toasts).toContainText('Highlight deleted.');
  await expect(wb.undoButton()).toBeEnabled();

  // Focus is on no text field (the dialog closed), so the keys mean undo and redo.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => wb.paintOf(PASSAGE)).toHaveLength(1);
  await expect(wb.toasts).toContainText('Undone:');
  await wb.clickText(PASSAGE);
  await expect(wb.details.getByRole('blockquote')).toHaveText(PASSAGE);
  await expect(wb.details.locator('.markdown')).toHaveText('Chaired by Shamkhani until 2023.');

  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => wb.paintOf(PASSAGE)).toHaveLength(0);

  // The history is the core's: after a reload, undo still brings the highlight back.
  await page.reload();
  await expect(wb.reader).toBeVisible();
  await expect(wb.undoButton()).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => wb.paintOf(PASSAGE)).toHaveLength(1);
  await page.screenshot({ path: 'test-results/screenshots/undo-toast.png' });
});

test('Ctrl+Z in a note being written undoes typing, not the last change', async ({
  workbench: wb,
}) => {
  await wb.highlight(PASSAGE, undefined, 'claim');
  await wb.details.getByRole('button', { name: 'Add note' }).click();
  const note = wb.details.getByRole('textbox', { name: 'Note (Markdown)' });
  await note.fill('A draft');
  await note.press('ControlOrMeta+z');
  await expect.poll(() => wb.paintOf(PASSAGE)).toHaveLength(1);
  await expect(wb.toasts).not.toContainText('Undone');
});

test('the Undo in the toast after deleting an entity brings it back with its tag', async ({
  workbench: wb,
  page,
}) => {
  await wb.highlight(PASSAGE, undefined, 'quote');
  await wb.tagNewEntity(PASSAGE, 'organization');
  await wb.entityButton(`${PASSAGE}, 1 highlight`).click();
  await wb.details.getByRole('button', { name: 'Delete entity' }).click();
  await page
    .getByRole('dialog', { name: `Delete “${PASSAGE}”?` })
    .getByRole('button', { name: 'Delete entity' })
    .click();
  await expect(wb.entityButton(new RegExp(`^${PASSAGE}`))).toHaveCount(0);
  await wb.toasts.getByRole('button', { name: 'Undo' }).click();
  await expect(wb.entityButton(`${PASSAGE}, 1 highlight`)).toBeVisible();
});
