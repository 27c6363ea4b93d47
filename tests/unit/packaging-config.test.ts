// The electron-builder configuration cannot be exercised here (packaging needs the
// Electron binary), so it is checked the way electron-builder itself checks it, against
// its JSON schema, and the security-relevant settings are pinned: the fuses that stop
// the packaged app being used as a Node runtime or a debugging target, asar integrity,
// and installers for the three platforms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const config = JSON.parse(
  readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'),
) as Configuration;
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

describe('the electron-builder configuration', () => {
  it('is valid against electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt option fails the schema', async () => {
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(wrong as Configuration, quietLogger)).rejects.toThrow();
  });

  it('flips the fuses of the Electron security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb for Linux, and installers for Windows and macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toContain('dmg');
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('ships the built app, the sample article and NOTICE, never sources or tests', () => {
    const files = config.files as string[];
    expect(files.every((glob) => glob.startsWith('out/') || glob === 'package.json')).toBe(true);
    // NOTICE carries the attribution citeproc's licence (CPAL 1.0) is taken with.
    expect(config.extraResources).toEqual([
      { from: 'resources/sample-article.txt', to: 'sample-article.txt' },
      { from: 'NOTICE', to: 'NOTICE' },
    ]);
  });
});
