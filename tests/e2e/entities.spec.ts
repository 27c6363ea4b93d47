// The entities journey of issue 9 on the sample article, in Chromium against the browser
// host: two spellings of one person merged, every mention of Ejei found and accepted, his
// dossier with Shamkhani beside him, the co-occurrence matrix and graph, and the event
// "1988 massacre" at Evin prison on the timeline. Screenshots of the four research views
// at two window sizes are kept under test-results/screenshots.
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

test('merge, find mentions, dossier, co-occurrence and an event on the timeline', async ({
  workbench: wb,
  page,
}) => {
  const tab = (name: string) => page.getByRole('tab', { name });

  // Two spellings of one person, merged: the other spelling becomes an alias.
  await wb.createEntity('Hamid Nouri', 'person');
  await wb.createEntity('Hamid Noury', 'person', true);
  await wb.details.getByRole('button', { name: 'Merge…' }).click();
  const merge = wb.details.getByRole('region', { name: 'Merge with another entity' });
  await merge
    .getByRole('combobox', { name: 'Merge with' })
    .selectOption({ label: 'Hamid Nouri (person)' });
  await merge.getByRole('radio', { name: 'Hamid Nouri' }).check();
  await expect(merge.getByText('Aliases after the merge: Hamid Noury.')).toBeVisible();
  await merge.getByRole('button', { name: 'Merge entities' }).click();
  await expect(wb.toasts.getByText('Merged into “Hamid Nouri”.')).toBeVisible();
  await expect(wb.entityButton(/^Hamid Noury/)).toHaveCount(0);
  await expect(wb.details.getByRole('textbox', { name: 'Aliases (comma-separated)' })).toHaveValue(
    'Hamid Noury',
  );

  // Find every mention of Ejei and accept them all, from his dossier.
  await wb.createEntity('Ejei', 'person');
  await wb.details.getByRole('button', { name: 'Open dossier' }).click();
  await expect(tab('Dossier')).toHaveAttribute('aria-selected', 'true');
  const dossier = page.getByRole('article', { name: 'Ejei' });
  await dossier.getByRole('button', { name: 'Find mentions' }).click();
  await expect(dossier.getByRole('status')).toHaveText('3 mentions of Ejei; 0 already tagged.');
  await dossier.getByRole('button', { name: 'Accept all 3' }).click();
  await expect(dossier.getByRole('status')).toHaveText('3 mentions of Ejei; 3 already tagged.');
  await expect(wb.entityButton('Ejei, 3 highlights')).toBeVisible();

  // Shamkhani, suggested from the text, is added with his mention in one click.
  await wb.library.getByRole('button', { name: 'Suggest' }).click();
  await wb.library.getByRole('button', { name: /^Add Ali Shamkhani as person/ }).click();
  await expect(wb.entityButton('Ali Shamkhani, 1 highlight')).toBeVisible();
  const together = dossier.getByRole('region', { name: 'Appears with' });
  await expect(together.getByRole('button', { name: 'Ali Shamkhani' })).toBeVisible();
  await expect(together).toContainText('1 paragraph, 1 document');
  await expect(
    dossier.getByRole('region', { name: 'Passages by source' }).getByRole('blockquote'),
  ).toHaveCount(3);
  await screenshots(page, 'dossier');

  // Co-occurrence: the matrix shows the count, a cell lists the connecting passages.
  await tab('Co-occurrence').click();
  const view = page.getByRole('region', { name: 'Co-occurrence' });
  const cell = view.getByRole('button', { name: 'Ejei and Ali Shamkhani: 1' });
  await expect(cell).toBeVisible();
  await expect(view.getByRole('img', { name: /Network of 2 entities and 1 links/ })).toBeVisible();
  await cell.click();
  const passages = view.getByRole('list', { name: 'Passages connecting Ejei and Ali Shamkhani' });
  // Both were accepted as their sentence: one passage names them both.
  await expect(passages.getByRole('blockquote')).toHaveText([
    /^Judiciary Chief Gholam Hossein Mohseni Ejei .* Ali Shamkhani, .* also attended\.$/,
  ]);
  await view.getByRole('radio', { name: 'document' }).check();
  await expect(view.getByRole('button', { name: 'Ejei and Ali Shamkhani: 1' })).toBeVisible();
  await screenshots(page, 'cooccurrence');
  await screenshots(page, 'graph', view.getByRole('img', { name: /^Network of/ }));

  // The event "1988 massacre": a year, Evin prison as its place, on the timeline.
  await wb.createEntity('Evin prison', 'place');
  await wb.createEntity('1988 massacre', 'event');
  const event = wb.details.getByRole('form', { name: 'Event' });
  await event.getByRole('textbox', { name: 'Date' }).fill('1988');
  await expect(event.getByText('Known to the year.')).toBeVisible();
  await event
    .getByRole('combobox', { name: 'Place' })
    .selectOption({ label: 'Evin prison (place)' });
  await event.getByRole('button', { name: 'Save event' }).click();
  await tab('Timeline').click();
  const timeline = page.getByRole('list', { name: 'Events by date' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline.getByRole('listitem').first()).toContainText('1988');
  await expect(timeline.getByRole('button', { name: '1988 massacre' })).toBeVisible();
  await expect(timeline).toContainText('Evin prison');
  await screenshots(page, 'timeline');
});
