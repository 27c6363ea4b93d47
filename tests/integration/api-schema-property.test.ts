// Property: for every method of the API table, arbitrary JSON sent to the browser host
// never yields a 5xx, and a call that is refused leaves the workspace files on disk
// byte for byte as they were. Payloads are either any JSON value or objects built from
// the method's own field names with arbitrary values, so validation is reached deeply.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, METHOD_NAMES } from '../../src/shared/api';
import { apiHeaders, send, signIn, startHarness, type Harness } from './http-helpers';

let harness: Harness;
let cookie: string;

beforeAll(async () => {
  harness = await startHarness();
  await harness.workbench.indexed;
  cookie = await signIn(harness.port, harness.host.loginUrl());
});
afterAll(() => harness.close());

/** A digest of every file of the workspace, caches and the lock aside. */
async function workspaceDigest(): Promise<string> {
  await harness.workbench.settled();
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.name === '.cache' || entry.name.endsWith('.lock')) continue;
      if (entry.isDirectory()) await walk(path);
      else hash.update(relative(harness.workbench.dir, path)).update(await readFile(path));
    }
  };
  await walk(harness.workbench.dir);
  return hash.digest('hex');
}

function fieldNames(method: (typeof METHOD_NAMES)[number]): string[] {
  const shape = (api[method].input as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const payload = (fields: string[]): fc.Arbitrary<unknown> =>
  fields.length === 0
    ? fc.jsonValue()
    : fc.oneof(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom(...fields), fc.jsonValue(), { minKeys: 1 }),
      );

describe('every API method, given arbitrary JSON', () => {
  it.each(METHOD_NAMES)('%s answers 2xx or 4xx, and a refusal changes nothing', async (method) => {
    await fc.assert(
      fc.asyncProperty(payload(fieldNames(method)), async (input) => {
        const before = await workspaceDigest();
        const reply = await send(harness.port, `/api/${method}`, {
          method: 'POST',
          headers: apiHeaders(harness, cookie),
          body: JSON.stringify(input),
        });
        expect(reply.status).toBeLessThan(500);
        const envelope = JSON.parse(reply.body) as { ok: boolean };
        if (!envelope.ok) expect(await workspaceDigest()).toBe(before);
      }),
      { numRuns: 40 },
    );
  });
});
