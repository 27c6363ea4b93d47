// The Electron host, driven through Playwright's Electron support wherever an Electron
// runtime exists. Where it does not (offline machines cannot download it), every test
// here is reported as skipped, with the reason in the output.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { METHOD_NAMES } from '../../src/shared/api';
import { WorkbenchPage } from './workbench-page';

const probe = spawnSync(process.execPath, [join(ROOT, 'scripts/electron-runtime.mjs')], {
  encoding: 'utf8',
});
const executablePath = probe.status === 0 ? probe.stdout.trim() : '';
const skipReason = `Electron tests skipped: ${probe.stderr.trim() || 'no Electron runtime'}`;
if (!executablePath) console.log(skipReason);

test.describe('Electron host', () => {
  test.skip(!executablePath, skipReason);

  let workspace: string;
  test.beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'rw-electron-'));
  });
  test.afterEach(async () => rm(workspace, { recursive: true, force: true }));

  const launch = (): Promise<ElectronApplication> =>
    electron.launch({
      executablePath,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT, '--workspace', workspace],
    });

  test('opens the sample article in a hardened window', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const wb = new WorkbenchPage(page);
    await expect(wb.reader.getByRole('heading', { level: 1 })).toContainText(
      'Why Iran’s regime is terrified',
    );
    // Without Node integration and with context isolation, the page sees neither require
    // nor process, and the bridge holds named functions only.
    const exposed = await page.evaluate(() => {
      const bridge = (window as { workbench?: Record<string, unknown> }).workbench ?? {};
      return {
        require: typeof (window as { require?: unknown }).require,
        process: typeof (window as { process?: unknown }).process,
        ipc: 'ipcRenderer' in bridge,
        methods: Object.keys(bridge).sort(),
      };
    });
    expect(exposed).toMatchObject({ require: 'undefined', process: 'undefined', ipc: false });
    // Exactly the API table's methods and the event subscription: nothing more, none missing.
    expect(exposed.methods).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    await app.close();
  });

  test('a highlight survives a restart', async () => {
    let app = await launch();
    let wb = new WorkbenchPage(await app.firstWindow());
    await wb.highlight('Supreme National Security Council', undefined, 'evidence');
    await app.close();
    app = await launch();
    wb = new WorkbenchPage(await app.firstWindow());
    await expect
      .poll(() => wb.paintOf('Supreme National Security Council'))
      .toEqual([expect.stringMatching(/^evidence/)]);
    await app.close();
  });
});
