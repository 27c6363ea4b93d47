// The layer rule judges an import by the folder it reaches. These cases are the ones that
// slipped through a rule that matched import strings ('../../window' from the core).
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers from '../../eslint/layers.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { local: layers },
    rules: { 'local/layers': 'error' },
  },
];

const problems = (file: string, code: string): string[] =>
  linter.verify(code, config, { filename: resolve(file) }).map((m) => m.message);

describe('layer rule', () => {
  it.each([
    ['src/core/annotations/handlers.ts', "import { x } from '../../main/window';"],
    ['src/core/store/deep/file.ts', "import { x } from '../../../main/window';"],
    ['src/core/context.ts', "import { x } from '../renderer/src/App';"],
    ['src/core/context.ts', "import { app } from 'electron';"],
    ['src/core/context.ts', "export { x } from '../server/http-host';"],
    ['src/core/context.ts', "const m = await import('../cli/run');"],
    ['src/shared/text.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/shared/text.ts', "import { readFile } from 'fs';"],
    ['src/shared/text.ts', "import { x } from '../core/errors';"],
    ['src/renderer/src/App.tsx', "import { x } from '../../core/workbench';"],
    ['src/renderer/src/App.tsx', "import { join } from 'path';"],
    ['src/renderer/src/App.tsx', "import { ipcRenderer } from 'electron';"],
    ['src/preload/index.ts', "import { x } from '../main/ipc';"],
    ['src/server/http-host.ts', "import { x } from '../main/window';"],
    ['src/cli/run.ts', "const { x } = require('../main/index');"],
    // Hosts reach the core through its entry module only.
    ['src/main/ipc.ts', "import { x } from '../core/workbench';"],
    ['src/server/index.ts', "import { x } from '../core/store/durable';"],
    ['src/cli/run.ts', "const m = await import('../core/search/search-index');"],
  ])('refuses %s: %s', (file, code) => {
    expect(problems(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/core/annotations/handlers.ts', "import { x } from '../../shared/api';"],
    ['src/core/annotations/handlers.ts', "import { x } from '../context';"],
    ['src/main/ipc.ts', "import { x } from '../core/index';"],
    ['src/cli/run.ts', "const m = await import('../core/index');"],
    ['src/main/ipc.ts', "import { ipcMain } from 'electron';"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron';"],
    ['src/renderer/src/App.tsx', "import { x } from '../../shared/api';"],
    ['src/server/http-host.ts', "import { createServer } from 'node:http';"],
  ])('allows %s: %s', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });
});

describe('one Content-Security-Policy', () => {
  it('is written into index.html by the build, never spelled out there', async () => {
    const { readFile } = await import('node:fs/promises');
    const { withContentSecurityPolicy, META_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY } =
      await import('../../src/shared/csp');
    const html = await readFile(resolve('src/renderer/index.html'), 'utf8');
    expect(html).not.toContain('default-src');
    const built = withContentSecurityPolicy(html);
    expect(built).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CONTENT_SECURITY_POLICY)).toBe(true);
    expect(() => withContentSecurityPolicy('<html></html>')).toThrow(
      /no %CONTENT_SECURITY_POLICY%/,
    );
  });
});
