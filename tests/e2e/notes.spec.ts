// Notes and tags on the sample article, in Chromium against the browser host: a note that
// names [[Evin prison]] shows on the entity's panel and opens from there; a highlight gets
// tags with autocomplete and the library counts them; a tag lists its highlights across
// documents; a note is deleted and brought back with Undo; and a note is found by search.
// The notes view and the tag view are checked with axe in light and dark, and the notes
// view is photographed (writing and preview) at two window sizes.
import type { Page } from '@playwright/test';
import { expectNoViolationsInEither } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const accessible = (page: Page): Promise<void> => expectNoViolationsInEither(page, 'notes');

test('notes link entities by [[name]], tags are counted and listed, a deleted note comes back', async ({
  workbench: wb,
  page,
}) => {
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  const notes = page.getByRole('region', { name: 'Notes', exact: true });
  const editor = page.getByRole('article', { name: /^Note: / });

  // The entity, then a note that names it in its text.
  await wb.createEntity('Evin prison', 'place');
  await tab('Notes').click();
  await expect(notes.getByText('No notes yet.')).toBeVisible();
  await notes.getByRole('button', { name: 'New note' }).click();
  await expect(editor.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await editor.getByRole('textbox', { name: 'Title' }).fill('Evin transfers');
  await editor
    .getByRole('textbox', { name: 'Body (Markdown)' })
    .fill(
      'Noury worked at [[Evin prison]] in **1988**.\n\nAsk whether prisoners went on to [[Qezel Hesar]].',
    );
  await expect(editor.getByRole('status')).toHaveText('Unsaved changes, kept as a draft');
  await editor.getByRole('button', { name: 'Save note' }).click();
  await expect(editor.getByRole('status')).toHaveText('');
  await expect(notes.getByRole('button', { name: /^Evin transfers/ })).toContainText(
    '1 entity · 0 documents · 0 highlights',
  );
  await screenshots(page, 'notes-edit');
  await accessible(page);

  // The preview: the known name is a link, the unknown one says it resolves to nothing.
  await editor.getByRole('tab', { name: 'Preview' }).click();
  const preview = editor.getByRole('tabpanel');
  await expect(preview.getByText('1988')).toHaveCSS('font-weight', '700');
  await expect(preview.getByText('Qezel Hesar (unresolved link)')).toBeVisible();
  await screenshots(page, 'notes-preview');
  await accessible(page);

  // From the link to the entity, and from the entity's backlinks back to the note.
  await preview.getByRole('button', { name: 'Evin prison' }).click();
  await expect(wb.details.getByRole('heading', { level: 2, name: 'Evin prison' })).toBeVisible();
  const backlinks = wb.details.getByRole('region', { name: 'Linked notes' });
  await tab('Reader').click();
  await backlinks.getByRole('button', { name: 'Evin transfers' }).click();
  await expect(tab('Notes')).toHaveAttribute('aria-selected', 'true');
  await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('Evin transfers');

  // Linking the document by hand: the reader's header then lists the note.
  const linkDocument = editor.getByRole('form', { name: 'Link a document' });
  await linkDocument.getByRole('combobox', { name: 'Document to link' }).selectOption({ index: 1 });
  await linkDocument.getByRole('button', { name: 'Link' }).click();
  const linkedDocuments = editor.getByRole('list', { name: 'Linked documents' });
  await expect(linkedDocuments.getByRole('button', { name: /^Why Iran/ })).toBeVisible();
  await linkedDocuments.getByRole('button', { name: /^Why Iran/ }).click();
  await expect(tab('Reader')).toHaveAttribute('aria-selected', 'true');
  const source = page.getByRole('region', { name: 'Source' });
  await expect(
    source.getByRole('list', { name: 'Notes linking this' }).getByRole('button'),
  ).toHaveText(['Evin transfers']);

  // Tags on two highlights, the second picked from what the first one used.
  await wb.highlight('Hamid Noury', undefined, 'quote');
  const addTag = wb.details.getByRole('combobox', { name: 'Add a tag' });
  await addTag.fill('trial');
  await wb.details.getByRole('option', { name: 'Add tag “trial”' }).click();
  await expect(wb.details.getByRole('list', { name: 'Tags' })).toContainText('trial');
  const tags = wb.library.getByRole('region', { name: 'Tags' });
  await expect(tags.getByRole('button', { name: 'trial, 1 highlight' })).toBeVisible();
  await wb.highlight('Gohardasht', undefined, 'evidence');
  await addTag.fill('TRI');
  await wb.details.getByRole('option', { name: 'trial (1 highlight)' }).click();
  await expect(tags.getByRole('button', { name: 'trial, 2 highlights' })).toBeVisible();
  await screenshots(page, 'highlight-tags');

  // A note about this highlight, made from its panel, lists the highlight.
  await wb.details
    .getByRole('region', { name: 'Linked notes' })
    .getByRole('button', { name: 'New note about this' })
    .click();
  await expect(tab('Notes')).toHaveAttribute('aria-selected', 'true');
  await expect(
    editor.getByRole('list', { name: 'Linked highlights' }).getByRole('button').first(),
  ).toContainText('Gohardasht');

  // A title typed and not saved is saved when the user opens another note.
  await editor.getByRole('textbox', { name: 'Title' }).fill('Gohardasht');
  await notes.getByRole('button', { name: /^Evin transfers/ }).click();
  await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('Evin transfers');
  await expect(notes.getByRole('button', { name: /^Gohardasht/ })).toContainText(
    '0 entities · 1 document · 1 highlight',
  );

  // The tag's highlights across the workspace; each opens in the reader.
  await tags.getByRole('button', { name: 'trial, 2 highlights' }).click();
  const tagView = page.getByRole('article', { name: 'Tagged “trial”' });
  await expect(tagView.getByText('2 highlights in 1 document')).toBeVisible();
  await accessible(page);
  await screenshots(page, 'tag-view');
  await tagView.getByRole('button', { name: /Hamid Noury/ }).click();
  await expect(tab('Reader')).toHaveAttribute('aria-selected', 'true');
  await expect(wb.details.getByRole('blockquote')).toHaveText('Hamid Noury');

  // Delete a note, then take it back from the toast.
  await tab('Notes').click();
  await notes.getByRole('button', { name: /^Evin transfers/ }).click();
  // Deleting a note with changes not saved discards them: nothing tries to save a deleted note.
  await editor.getByRole('textbox', { name: 'Body (Markdown)' }).fill('A draft not saved.');
  await editor.getByRole('button', { name: 'Delete note' }).click();
  await page
    .getByRole('dialog', { name: 'Delete “Evin transfers”?' })
    .getByRole('button', { name: 'Delete note' })
    .click();
  await expect(notes.getByRole('button', { name: /^Evin transfers/ })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await wb.toasts.getByRole('button', { name: 'Undo' }).click();
  await expect(wb.toasts).toContainText('Undone: Delete note.');
  await expect(notes.getByRole('button', { name: /^Evin transfers/ })).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('Evin transfers');
  await expect(editor.getByRole('textbox', { name: 'Body (Markdown)' })).toHaveValue(/^Noury/);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Found by a word of its body. Needs the search core's note hits (another branch); until
  // they land, the results say "No results" and this step fails here.
  await tab('Reader').click();
  await page.getByRole('combobox', { name: 'Search the workspace' }).fill('Qezel');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Notes' })).toBeVisible();
  await results.getByRole('group', { name: 'Notes' }).getByRole('option').first().click();
  await expect(tab('Notes')).toHaveAttribute('aria-selected', 'true');
  await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('Evin transfers');
});
