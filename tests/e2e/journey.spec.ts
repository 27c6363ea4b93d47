// The whole researcher's journey of the foundation issue, in a real Chromium against the
// browser host and a real workspace folder: read, highlight (across blocks, overlapping),
// tag, note, browse entities, edit, delete, reload, restart, and check the files on disk.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentRecordFile, HighlightsFile, WorkspaceFile } from '../../src/shared/model';
import { expect, test } from './fixtures';

const TITLE = 'Why Iran’s regime is terrified of growing focus on its human rights record';

test('a researcher highlights, tags, annotates and finds everything again after a restart', async ({
  workbench: wb,
  host,
  page,
}) => {
  // 1–2. The sample article opens in the reader, with its list kept as a list.
  await expect(wb.reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(wb.library.getByRole('button', { name: new RegExp(`^${TITLE}`) })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(wb.reader.getByRole('listitem')).toHaveCount(6);

  // 3–4. Highlight a name and tag it to a new person with aliases.
  await wb.select('Gholam Hossein Mohseni Ejei');
  await wb.toolbar.getByRole('button', { name: 'Tag entity…' }).click();
  await expect(wb.picker()).toBeFocused();
  await wb.tagNewEntity('Gholam Hossein Mohseni Ejei', 'person', 'Ejei, Judiciary Chief');

  // A highlight across two paragraphs, as a claim.
  await wb.highlight('To no one’s surprise', 'The challenges regime is facing', 'claim');
  // Painted in both blocks, underlined as the open highlight.
  await expect.poll(() => wb.paintOf('To no one’s surprise')).toEqual(['claim selected']);
  await expect
    .poll(() => wb.paintOf('The challenges regime is facing'))
    .toEqual(['claim selected']);

  // A highlight across list items, tagged to a place and an event.
  await wb.highlight('Evin prisons', 'into the 1988 massacre', 'evidence');
  await wb.tagNewEntity('Evin prison', 'place');
  await wb.tagNewEntity('1988 massacre', 'event');

  // A highlight that overlaps its start: the shared words show the inner one's colour,
  // underlined as an overlap once it is no longer the open one.
  await wb.highlight('Gohardasht and Evin prisons', undefined, 'question');
  await expect.poll(() => wb.paintOf('Gohardasht and')).toEqual(['question selected']);
  await expect.poll(() => wb.paintOf(', involved in the 1988 massacre')).toEqual(['evidence']);

  // Tag an existing entity by typing part of an alias.
  await wb.highlight('Ejei talked of', undefined, 'quote');
  await wb.picker().fill('judiciary ch');
  await wb.details
    .getByRole('listbox', { name: 'Entities' })
    .getByRole('option', { name: /Gholam Hossein Mohseni Ejei/ })
    .click();
  await expect(
    wb.details.getByRole('button', { name: 'Remove Gholam Hossein Mohseni Ejei' }),
  ).toBeVisible();
  await expect
    .poll(async () => (await wb.runs()).filter((run) => run.paint.includes('overlap')))
    .toEqual([{ text: 'Evin prisons', paint: 'overlap question' }]);

  // 5. A Markdown note on a highlight renders as formatting, never as HTML.
  await wb.select('Supreme National Security Council');
  await wb.toolbar.getByRole('button', { name: 'Add note…' }).click();
  await wb.details
    .getByRole('textbox', { name: 'Note (Markdown)' })
    .fill(
      'Chaired by **Shamkhani**. <img src=x onerror="window.__pwned=1"> [link](javascript:window.__pwned=2)',
    );
  await wb.details.getByRole('button', { name: 'Save note' }).click();
  await expect(wb.details.locator('.markdown strong')).toHaveText('Shamkhani');
  await expect(wb.details.locator('.markdown img')).toHaveCount(0);
  await expect(wb.details.getByRole('link', { name: 'link' })).not.toHaveAttribute(
    'href',
    /javascript/,
  );
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await wb.tagNewEntity('Supreme National Security Council', 'organization');

  // 7. Click a highlight to see it; change its kind.
  await wb.details.getByRole('button', { name: 'Close highlight' }).click();
  await wb.clickText('Ejei talked of');
  await expect(wb.details.getByRole('blockquote')).toHaveText('Ejei talked of');
  // The kind changes once it is saved, so click and wait rather than check().
  await wb.details.getByRole('radio', { name: 'Claim' }).click();
  await expect(wb.details.getByRole('radio', { name: 'Claim' })).toBeChecked();
  await expect.poll(() => wb.paintOf('Ejei talked of')).toEqual(['claim selected']);

  await page.screenshot({ path: 'test-results/screenshots/reader-with-highlights.png' });

  // 6. The entities panel groups by type and counts highlights; edit an entity.
  await expect(wb.entities.getByRole('region', { name: 'People' })).toBeVisible();
  await wb.entityButton('Gholam Hossein Mohseni Ejei, 2 highlights').click();
  await wb.details
    .getByRole('textbox', { name: 'Description' })
    .fill('Head of the judiciary since 2021.');
  await wb.details.getByRole('button', { name: 'Save entity' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(
    wb.details.getByRole('list', { name: /Passages tagged to/ }).getByRole('listitem'),
  ).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/entities-panel.png' });

  // Jump from a passage to the reader.
  await wb.details.getByRole('button', { name: /Show in reader: Ejei talked of/ }).click();
  await expect(wb.details.getByRole('blockquote')).toHaveText('Ejei talked of');
  await expect.poll(() => wb.paintOf('Ejei talked of')).toEqual(['claim selected']);

  // Deleting a used entity asks first and says how many highlights use it.
  await wb.entityButton(/^Evin prison, 1 highlight$/).click();
  await wb.details.getByRole('button', { name: 'Delete entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Evin prison”?' });
  await expect(dialog).toContainText('tagged on 1 highlight');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(wb.entityButton(/^Evin prison/)).toBeVisible();

  // Delete a highlight.
  await wb.clickText('Supreme National Security Council');
  await wb.details.getByRole('button', { name: 'Delete highlight' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this highlight?' })
    .getByRole('button', { name: 'Delete highlight' })
    .click();
  await expect.poll(() => wb.paintOf('Supreme National Security Council')).toEqual([]);
  await expect(wb.highlightStop('Supreme National Security Council')).toHaveCount(0);
  await expect(wb.entityButton('Supreme National Security Council, 0 highlights')).toBeVisible();

  // 8. Reload, then restart the host: everything is there, exactly.
  const before = await wb.runs();
  expect(before.length).toBeGreaterThan(5);
  await page.reload();
  await expect.poll(() => wb.runs()).toEqual(before);
  await host.restart();
  await page.goto(host.url);
  await expect.poll(() => wb.runs()).toEqual(before);
  await wb.entityButton('Gholam Hossein Mohseni Ejei, 2 highlights').click();
  await expect(wb.details.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Head of the judiciary since 2021.',
  );

  // The lowdb files on disk hold what the UI showed.
  const ws = WorkspaceFile.parse(
    JSON.parse(await readFile(join(host.workspace, 'workspace.json'), 'utf8')),
  );
  expect(ws.entities.map((e) => e.name).sort()).toEqual(
    [
      '1988 massacre',
      'Evin prison',
      'Gholam Hossein Mohseni Ejei',
      'Supreme National Security Council',
    ].sort(),
  );
  expect(ws.entities.find((e) => e.name === 'Gholam Hossein Mohseni Ejei')?.aliases).toEqual([
    'Ejei',
    'Judiciary Chief',
  ]);
  const [docName] = await readdir(join(host.workspace, 'documents'));
  const readIn = async (folder: string): Promise<unknown> =>
    JSON.parse(await readFile(join(host.workspace, folder, docName!), 'utf8')) as unknown;
  const doc = {
    ...DocumentRecordFile.parse(await readIn('documents')),
    ...HighlightsFile.parse(await readIn('highlights')),
  };
  const quotes = doc.annotations.map((a) => a.target.quote.exact);
  expect(quotes).toHaveLength(5);
  expect(quotes).toContain('Gohardasht and Evin prisons');
  expect(quotes).toContain('Ejei talked of');
  expect(quotes.find((q) => q.startsWith('To no one’s surprise'))).toMatch(
    /\n\nThe challenges regime is facing$/,
  );
  expect(quotes.find((q) => q.startsWith('Evin prisons'))).toMatch(
    /1988 massacre of[\s\S]*\nA resolution[\s\S]*into the 1988 massacre$/,
  );
  const ejei = doc.annotations.find((a) => a.target.quote.exact === 'Ejei talked of');
  expect(ejei?.kind).toBe('claim');
  for (const a of doc.annotations) {
    expect(doc.document.text.slice(a.target.position.start, a.target.position.end)).toBe(
      a.target.quote.exact,
    );
  }
});
