// The browser host's session secret stays in the host's memory and the browser's cookie
// jar: after a real Chromium profile signs in, uses the app and closes, no file of the
// profile (History, Sessions, Cookies, caches...) and no line the host printed holds
// it, and the login address that did land in the history no longer signs anyone in.
import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './fixtures';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test('no session secret reaches the profile, the history or the output', async ({ host }) => {
  const profile = await mkdtemp(join(tmpdir(), 'rw-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(host.url);
    // The login code is gone from the address; only a link to what is open may follow.
    await expect(page).toHaveURL(new RegExp(`^${host.origin}/(#/document/[\\w-]+)?$`));
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toBeVisible();
    const cookies = await context.cookies(host.origin);
    expect(cookies).toHaveLength(1);
    const session = cookies[0]!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', expires: -1 });
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // The spent login address, which the history does keep, signs nobody in.
    const again = await context.request.get(host.url, { maxRedirects: 0 });
    expect(again.status()).toBe(403);
    await context.close();

    const secret = Buffer.from(session.value);
    const holders: string[] = [];
    for (const file of await filesUnder(profile)) {
      const bytes = await readFile(file).catch(() => Buffer.alloc(0));
      if (bytes.includes(secret)) holders.push(file);
    }
    expect(holders).toEqual([]);
    expect(host.output()).not.toContain(session.value);
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
});
