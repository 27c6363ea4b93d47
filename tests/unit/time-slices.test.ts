// Work that arrives together (files whose reads finish in one poll of the event loop) is
// run a slice at a time, the loop turning between slices so a timer or a window's call is
// not held behind all of it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeFs } from '../../src/core/store/durable';
import { readWorkspaceFile } from '../../src/core/store/read-file';
import { sharedSlices } from '../../src/core/time-slices';

/** Holds the thread for `ms`, as parsing a large file does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** How many of `count` pieces of work were done when a turn of the loop queued first came. */
async function doneAtFirstTurn(count: number, piece: () => Promise<void>): Promise<number> {
  let done = 0;
  let seen = -1;
  setImmediate(() => (seen = done));
  await Promise.all(Array.from({ length: count }, () => piece().then(() => (done += 1))));
  return seen;
}

describe('shared slices', () => {
  it('lets work arriving together run a slice at a time, the loop turning between', async () => {
    const turn = sharedSlices(5);
    // Each piece asks for its turn when the one before has run (as reads finishing in one
    // poll each resume after the last one's parse).
    let before = Promise.resolve();
    const seen = await doneAtFirstTurn(20, () => {
      before = before.then(async () => {
        await turn();
        busy(2);
      });
      return before;
    });
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(20);
  });

  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('record files read together are parsed in slices', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rw-slices-'));
    const files = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const file = join(dir, `r${i}.json`);
        await writeFile(file, JSON.stringify({ schemaVersion: 3, n: i }));
        return file;
      }),
    );
    // A schema that takes 2 ms to choose, as a large document takes to check.
    const slow = () => {
      busy(2);
      return z.object({ schemaVersion: z.number(), n: z.number() });
    };
    // The files' bytes all arrive in one turn (as reads finishing in one poll do); their
    // parses must not all run in it.
    let arrived = 0;
    let release!: () => void;
    const together = new Promise<void>((r) => (release = r));
    const fs = {
      ...nodeFs,
      readFile: async (file: string) => {
        const bytes = await nodeFs.readFile(file);
        arrived += 1;
        await together;
        return bytes;
      },
    } as typeof nodeFs;
    const reads = files.map((f) => readWorkspaceFile(fs, f, slow));
    while (arrived < files.length) await new Promise((r) => setTimeout(r, 1));
    let done = 0;
    let seen = -1;
    setImmediate(() => (seen = done));
    release();
    for (const read of reads) {
      expect(await read).toMatchObject({ ok: true });
      done += 1;
    }
    // Had every parse run in the turn of the release, the loop turns only now.
    await new Promise((r) => setImmediate(r));
    expect(seen).toBeLessThan(20);
  });
});
