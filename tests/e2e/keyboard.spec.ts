// The keyboard-only journey: from the first Tab to a highlighted, tagged and annotated
// sentence found again by search, with no mouse event at all, and focus never left on the
// page's body after an action. Also the shortcut sheet and the command palette.
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';

const SENTENCE =
  'In a session of the so-called Supreme Council of Human Rights Staff, regime officials expressed their concern about their human rights record catching up with them.';

async function focusIsSomewhere(page: Page): Promise<void> {
  const where = await page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? el.tagName : 'BODY';
  });
  expect(where).not.toBe('BODY');
}

test('highlight, tag, annotate and find a sentence with the keyboard alone', async ({
  workbench: wb,
  page,
}) => {
  await wb.reader.locator('li').first().waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { pointerEvents: number };
    w.pointerEvents = 0;
    for (const type of ['mousedown', 'pointerdown', 'mouseup'])
      window.addEventListener(type, () => (w.pointerEvents += 1), true);
  });

  // The first Tab stop skips to the document.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to the document' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wb.reader).toBeFocused();

  // Down selects sentence by sentence: the title, then the first sentence of the text.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(SENTENCE);
  await expect(wb.toolbar).toBeVisible();
  // Shift+Left shrinks it by a word at a time, Shift+Right grows it back.
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
    SENTENCE.replace(' with them.', ' with'),
  );
  await page.keyboard.press('Shift+ArrowRight');

  // T highlights it and goes straight to tagging.
  await page.keyboard.press('t');
  await expect(wb.details.getByRole('blockquote')).toHaveText(SENTENCE);
  await expect(wb.picker()).toBeFocused();
  await page.keyboard.type('Supreme Council of Human Rights');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const form = wb.details.getByRole('form', { name: 'New entity' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('Tab');
  const type = form.getByRole('combobox', { name: 'Type' });
  await expect(type).toBeFocused();
  await page.keyboard.press('o');
  await expect(type).toHaveValue('organization');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(
    wb.details.getByRole('list', { name: 'Tagged entities' }).getByRole('button', {
      name: 'Supreme Council of Human Rights',
      exact: true,
    }),
  ).toBeVisible();
  await expect(wb.picker()).toBeFocused();

  // A note: Tab to "Add note", write, Ctrl+Enter saves, focus lands on "Edit note".
  const addNote = wb.details.getByRole('button', { name: 'Add note' });
  for (let i = 0; i < 10 && !(await addNote.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(addNote).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Council convened by the judiciary chief; compare the Geneva minutes.');
  await page.keyboard.press('Control+Enter');
  await expect(wb.details.getByRole('button', { name: 'Edit note' })).toBeFocused();
  await expect(wb.details).toContainText('compare the Geneva minutes');

  // Escape closes the panel; focus stays in the window.
  await page.keyboard.press('Escape');
  await expect(wb.details.getByRole('heading', { name: 'Highlight', exact: true })).toHaveCount(0);
  await focusIsSomewhere(page);

  // Search finds it by a word of the note; Enter opens it.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search the workspace' })).toBeFocused();
  await page.keyboard.type('Geneva');
  const option = page.getByRole('option', { name: /compare the Geneva minutes/ });
  // The results for the whole word, not those of its first letters still on screen.
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option'),
  ).toHaveCount(1);
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(wb.details.getByRole('blockquote')).toHaveText(SENTENCE);
  await focusIsSomewhere(page);

  // The highlight is a stop in the reader's Tab order; Enter opens it.
  const stop = wb.reader.getByRole('button', { name: /^Quote highlight: In a session/ });
  await stop.focus();
  await page.keyboard.press('Enter');
  await expect(wb.details.getByRole('heading', { name: 'Highlight', exact: true })).toBeVisible();

  expect(
    await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents),
  ).toBe(0);
  await page.screenshot({ path: 'test-results/screenshots/keyboard-journey.png' });
});

test('? lists every shortcut and the command palette reaches actions by name', async ({
  workbench: wb,
  page,
}) => {
  await wb.reader.locator('li').first().waitFor();
  await wb.reader.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Select the paragraph');
  await expectNoViolations(page, 'shortcut sheet');
  await page.screenshot({ path: 'test-results/screenshots/shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(wb.reader).toBeFocused();

  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.keyboard.type('hide details');
  await expect(palette.getByRole('option').first()).toContainText('Hide the details panel');
  await expectNoViolations(page, 'command palette');
  await page.screenshot({ path: 'test-results/screenshots/palette.png' });
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Details' })).toHaveCount(0);

  // P selects the paragraph, and the palette opens a view by name too.
  await wb.reader.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('p');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toMatch(
    /^In a session .* also attended\.$/s,
  );
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('timeline');
  await expect(
    page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first(),
  ).toContainText('Show Timeline');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});
