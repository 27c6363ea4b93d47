// The version the custody log names is package.json's: one number, said in two places
// that cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../src/shared/version';

it('is package.json’s version', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };
  expect(APP_VERSION).toBe(pkg.version);
});
