// The first hour of issue 21, in Chromium against the browser host: nothing typed is lost
// (a highlight's note closed with Esc and the page reloaded, an entity's description left
// for another panel, both saved with Ctrl+S / Ctrl+Enter, and the shortcut sheet says
// so); names across scripts (a Persian name typed with a space for its ZWNJ is offered,
// first and chosen, not "Create"; a near-duplicate name asks "same as …?"). Axe runs on
// every new state; screenshots at three sizes.
import { expectNoViolations as noViolations } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const SENTENCE = 'Ejei then stressed that the regime should not have a “passive approach”';

test('nothing typed is lost: Esc, another panel and a reload keep drafts; Ctrl+S saves', async ({
  workbench: wb,
  page,
}) => {
  await wb.highlight(SENTENCE, undefined, 'claim');
  await wb.details.getByRole('button', { name: 'Add note' }).click();
  const note = wb.details.getByRole('textbox', { name: 'Note (Markdown)' });
  await note.fill('Compare with the minutes of the session; ask the Geneva office.');
  await expect(wb.details.getByText('Ctrl+S or Ctrl+Enter saves.')).toBeVisible();
  await note.press('Escape');

  // Closed, the draft stays under the note, marked, with a way back and a way out.
  const draft = wb.details.getByRole('group', { name: 'Unsaved draft of the note' });
  await expect(draft).toContainText('Draft, not saved: Compare with the minutes');
  const resume = wb.details.getByRole('button', { name: 'Continue draft' });
  await expect(resume).toBeFocused();
  await noViolations(page, 'draft kept');
  await screenshots(page, 'draft-kept', draft);

  // A reload (or a crash of the window) gives it back.
  await page.reload();
  await wb.details.getByRole('heading', { name: 'Highlight', exact: true }).waitFor();
  await expect(draft).toContainText('Compare with the minutes');
  await resume.click();
  await expect(note).toHaveValue('Compare with the minutes of the session; ask the Geneva office.');
  await note.press('ControlOrMeta+s');
  await expect(wb.details.getByRole('button', { name: 'Edit note' })).toBeFocused();
  await expect(wb.details).toContainText('ask the Geneva office');
  await expect(draft).toHaveCount(0);

  // Discarding a draft asks first.
  await wb.details.getByRole('button', { name: 'Edit note' }).click();
  await note.fill('A second thought');
  await note.press('Escape');
  await wb.details.getByRole('button', { name: 'Discard draft' }).click();
  const ask = page.getByRole('dialog', { name: 'Discard this draft?' });
  await noViolations(page, 'discard draft dialog');
  await ask.getByRole('button', { name: 'Discard draft' }).click();
  await expect(draft).toHaveCount(0);
  await expect(wb.details).toContainText('ask the Geneva office');

  // An entity's description survives opening something else, and Ctrl+Enter saves it.
  await wb.createEntity('Evin prison', 'place');
  const description = wb.details.getByRole('textbox', { name: 'Description' });
  await description.fill('Tehran; political prisoners since 1972.');
  await expect(wb.details.getByText('Draft: not saved yet, kept on this machine.')).toBeVisible();
  await page.keyboard.press('Escape');
  await wb.entityButton(/^Evin prison/).click();
  await expect(description).toHaveValue('Tehran; political prisoners since 1972.');
  await description.press('ControlOrMeta+Enter');
  await expect(wb.details.getByText('Draft: not saved yet, kept on this machine.')).toHaveCount(0);
  await page.reload();
  await wb.entityButton(/^Evin prison/).click();
  await expect(description).toHaveValue('Tehran; political prisoners since 1972.');

  // The shortcut sheet says how to save.
  await wb.reader.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const editors = sheet.getByRole('region', { name: /^In an editor/ });
  await expect(editors).toContainText('Ctrl+S');
  await expect(editors).toContainText('Ctrl+Enter');
  await noViolations(page, 'shortcut sheet');
});

test('names across scripts: a ZWNJ typed as a space finds the entity; a near duplicate asks', async ({
  workbench: wb,
  page,
}) => {
  await wb.highlight('Judiciary Chief Gholam Hossein Mohseni Ejei', undefined, 'quote');
  await wb.tagNewEntity('اژه‌ای', 'person', 'Mohseni Ejei');
  await wb.highlight('Ejei talked of', undefined, 'quote');

  // Typed with a space for the ZWNJ: the existing entity is offered first, chosen by Enter.
  await wb.picker().fill('اژه ای');
  const options = wb.details.getByRole('listbox', { name: 'Entities' }).getByRole('option');
  const existing = options.filter({ hasText: 'اژه‌ای' });
  await expect(existing).toHaveAttribute('aria-selected', 'true');
  await expect(options.filter({ hasText: 'Create' })).toHaveCount(0);
  await noViolations(page, 'picker across scripts');
  await wb.picker().press('Enter');
  const tagged = wb.details.getByRole('list', { name: 'Tagged entities' });
  await expect(tagged.getByRole('button', { name: 'اژه‌ای', exact: true })).toBeVisible();
  await expect(wb.entityButton(/^اژه‌ای, 2 highlights/)).toBeVisible();

  // The passage's own entities come first when nothing is typed.
  await wb.highlight('Shamkhani also lamented', undefined, 'quote');
  await wb.tagNewEntity('Ali Shamkhani', 'person', 'Shamkhani');
  await wb.highlight('Ejei then stressed', undefined, 'quote');
  await wb.picker().focus();
  await expect(options.first()).toHaveAccessibleName(/^اژه‌ای/);

  // A new name one letter from an existing one: "same as …?", and the names join it.
  await wb.createEntity('Hamid Noury', 'person');
  await wb.entities.getByRole('button', { name: 'New entity' }).click();
  const form = wb.details.getByRole('region', { name: 'New entity' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Hamid Nouri');
  await form.getByRole('button', { name: 'Create entity' }).click();
  const same = form.getByRole('status').filter({ hasText: 'Same as this entity?' });
  await expect(same).toContainText(
    '“Hamid Noury” (person, 0 highlights) is one letter from “Hamid Nouri”.',
  );
  await expect(form.getByRole('button', { name: 'Create entity anyway' })).toBeVisible();
  await noViolations(page, 'same as');
  await screenshots(page, 'same-as', same);
  await same.getByRole('button', { name: 'Same: add the names to “Hamid Noury”' }).click();
  await expect(wb.details.getByRole('heading', { level: 2, name: 'Hamid Noury' })).toBeVisible();
  await expect(wb.details.getByRole('textbox', { name: 'Aliases (comma-separated)' })).toHaveValue(
    'Hamid Nouri',
  );
  await expect(wb.entityButton(/^Hamid Nouri\b/)).toHaveCount(0);
});
