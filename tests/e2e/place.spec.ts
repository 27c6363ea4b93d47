// Where you were: the open document, its scroll position and the open highlight or entity
// survive a reload, and each has a link (the address's hash) that opens it.
import { expect, test } from './fixtures';

test('reload brings back the highlight, the scroll position and the entity; links open them', async ({
  workbench: wb,
  page,
  host,
}) => {
  await wb.highlight('Supreme National Security Council', undefined, 'claim');
  await expect(page).toHaveURL(/#\/document\/[\w-]+\/highlight\/[\w-]+$/);
  const highlightUrl = page.url();

  await page.reload();
  await expect(wb.details.getByRole('blockquote')).toHaveText('Supreme National Security Council');

  // The scroll position of the document is remembered too.
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();
  await expect(page).toHaveURL(/#\/document\/[\w-]+$/);
  const reading = page.locator('.reading');
  await reading.evaluate((el) => el.scrollTo(0, 700));
  await page.waitForTimeout(400);
  await page.reload();
  await wb.reader.locator('li').first().waitFor();
  await expect.poll(() => reading.evaluate((el) => Math.round(el.scrollTop))).toBe(700);

  // An entity has its own address.
  await wb.highlight('Ali Shamkhani', undefined, 'quote');
  await wb.tagNewEntity('Ali Shamkhani', 'person');
  await wb.details
    .getByRole('list', { name: 'Tagged entities' })
    .getByRole('button', { name: 'Ali Shamkhani', exact: true })
    .click();
  await expect(page).toHaveURL(/#\/entity\/[\w-]+$/);
  const entityUrl = page.url();

  // Opening a copied link goes to what it names; a link to something not here says so.
  await page.goto(highlightUrl);
  await expect(wb.details.getByRole('blockquote')).toHaveText('Supreme National Security Council');
  await page.goto(entityUrl);
  await expect(wb.details.getByRole('heading', { name: 'Ali Shamkhani' })).toBeVisible();
  await page.goto(`${host.origin}/#/document/no-such-document`);
  await expect(wb.toasts).toContainText('not in this workspace');
  // A note too: the Notes view with the note open.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Shamkhani’s role');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page).toHaveURL(/#\/note\/[\w-]+$/);
  const noteUrl = page.url();
  await page.goto(highlightUrl);
  await expect(wb.details.getByRole('blockquote')).toHaveText('Supreme National Security Council');
  await page.goto(noteUrl);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Shamkhani’s role');
  // An address that is not a link is ignored: the window opens where the user last was.
  await page.goto(`${host.origin}/#/document/%3Cscript%3E`);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Shamkhani’s role');
});
