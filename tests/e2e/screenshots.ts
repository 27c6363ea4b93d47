// Screenshots of what a user sees, at a wide and a narrow window and at 400 % zoom of a
// 1280-pixel window (320 x 256 CSS pixels, WCAG's reflow size), kept under
// test-results/screenshots to be looked at (and for the README's images). Taken only when
// asked for (RW_SCREENSHOTS=1): three sizes, each settled, cost CI about two seconds a
// call.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const SIZES = [
  { width: 1400, height: 900 },
  { width: 800, height: 600 },
  { width: 320, height: 256 },
];

export async function screenshots(page: Page, name: string, focus?: Locator): Promise<void> {
  if (process.env.RW_SCREENSHOTS !== '1') return;
  await mkdir(SHOTS, { recursive: true });
  // Toasts would cover the view: dismiss them first (under a modal dialog they cannot be
  // clicked, and the dialog covers them anyway).
  const toasts = page
    .getByRole('log', { name: 'Notifications' })
    .getByRole('button', { name: /^Dismiss|^Close/ });
  const modal = (await page.locator('dialog[open]:modal').count()) > 0;
  while (!modal && (await toasts.count()) > 0) await toasts.first().click();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // In a narrow window the details column is a drawer: open it to show what is in it.
    if (focus && !(await focus.count()) && (await detailsToggle(page).isVisible()))
      await detailsToggle(page).click();
    if (focus) await focus.scrollIntoViewIfNeeded();
    // Let the graph and the layout settle at the new size.
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}

const detailsToggle = (page: Page): Locator =>
  page.getByRole('button', { name: 'Details', exact: true });
