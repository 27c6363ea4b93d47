// axe-core on what the window shows, for every end-to-end spec. The library is put into a
// loaded page once and run in place: @axe-core/playwright injects it again on every call
// and opens a second page to finish each run, which cost about 1.6 s a check on this
// machine against 0.2 s here (CI's time limit counts every check). A page that holds
// frames is still checked by @axe-core/playwright, which reaches into each frame.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeGlobal {
  axe?: { run(context: unknown, options: unknown): Promise<AxeResults> };
}

async function violations(page: Page, within?: string): Promise<Result[]> {
  if (page.frames().length > 1) {
    const builder = new AxeBuilder({ page });
    return (await (within ? builder.include(within) : builder).analyze()).violations;
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const { axe } = window as unknown as AxeGlobal;
    if (!axe) throw new Error('axe-core did not load into the page');
    const context = selector ? { include: [selector] } : document;
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, within);
}

/** No axe violation at all on `screen` (or only inside `within`, a CSS selector). */
export async function expectNoViolations(
  page: Page,
  screen: string,
  within?: string,
): Promise<void> {
  const found = (await violations(page, within)).map(
    (v) =>
      `${screen}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}

/** The same in the light and then the dark colour scheme, leaving the page in light. */
export async function expectNoViolationsInEither(
  page: Page,
  screen: string,
  within?: string,
): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolations(page, `${screen} (${colorScheme})`, within);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
