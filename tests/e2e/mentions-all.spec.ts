// Find the mentions of all entities on the sample article, from the library's Entities
// section: a review list grouped by entity, accepted all at once as highlights tagged to
// each entity, undone in one step; the review list passes axe-core with no violations.
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import type { WorkbenchPage } from './workbench-page';

async function createEntity(wb: WorkbenchPage, name: string): Promise<void> {
  await wb.entities.getByRole('button', { name: 'New entity' }).click();
  const form = wb.details.getByRole('region', { name: 'New entity' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('combobox', { name: 'Type' }).selectOption('person');
  await form.getByRole('button', { name: 'Create entity' }).click();
  await expect(wb.details.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('find mentions of all entities, review, accept all, undo', async ({ workbench: wb, page }) => {
  await createEntity(wb, 'Ejei');
  await createEntity(wb, 'Shamkhani');
  await wb.entities.getByRole('button', { name: 'Find mentions of all entities' }).click();

  const review = page.getByRole('dialog', { name: 'Mentions of all entities' });
  await expect(review.getByRole('status')).toHaveText(
    '5 mentions of 2 entities in 1 of 1 document; 0 already tagged.',
  );
  const ejei = review.getByRole('region', { name: /^Ejei/ });
  const shamkhani = review.getByRole('region', { name: /^Shamkhani/ });
  await expect(ejei.getByRole('heading')).toHaveText('Ejei 3 mentions, 3 not tagged');
  await expect(shamkhani.getByRole('heading')).toHaveText('Shamkhani 2 mentions, 2 not tagged');
  await expect(ejei.getByRole('checkbox', { name: /^Choose: Ejei in / })).toHaveCount(3);

  await expectNoViolations(page, 'mentions of all entities', 'dialog.all-mentions');

  // Choosing one group enables "Accept selected" with its count.
  await shamkhani.getByRole('checkbox', { name: 'Select all of Shamkhani' }).check();
  await expect(review.getByRole('button', { name: 'Accept selected (2)' })).toBeEnabled();

  await review.getByRole('button', { name: 'Accept all 5' }).click();
  await expect(review.getByRole('status')).toHaveText(
    '5 mentions of 2 entities in 1 of 1 document; 5 already tagged.',
  );
  await review.getByRole('button', { name: 'Close' }).click();
  await expect(review).toBeHidden();
  await expect(wb.entityButton('Ejei, 3 highlights')).toBeVisible();
  await expect(wb.entityButton('Shamkhani, 2 highlights')).toBeVisible();
  // Each mention became its sentence (the setting's default): one highlight holds two.
  await expect
    .poll(async () => (await wb.runs()).map((run) => run.text.split(' ').slice(0, 3).join(' ')))
    .toEqual([
      'Judiciary Chief Gholam',
      'Ejei talked of',
      'Ejei then stressed',
      'Shamkhani also lamented',
    ]);
  // A sentence already highlighted is tagged, not highlighted again.
  await expect(wb.toasts).toContainText('5 mentions of 2 entities tagged: 4 highlights made');

  // One undo takes back every highlight the accept made.
  await expect(wb.undoButton()).toHaveAccessibleName('Undo Tag 5 mentions of 2 entities');
  await wb.undoButton().click();
  await expect.poll(() => wb.runs()).toEqual([]);
  await expect(wb.entityButton('Ejei, 0 highlights')).toBeVisible();
});
