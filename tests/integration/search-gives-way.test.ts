// Indexing that is behind (a long text just added, a first sync's two thousand documents)
// gives way to a command being run: each step of a save or of a teammate's change that
// waits on the disk or the network no longer waits behind a turn of indexing.
import { afterEach, expect, it } from 'vitest';
import { openSample, tempDir, unwrap } from './helpers';

let cleanup = (): Promise<void> => Promise.resolve();
afterEach(() => cleanup());

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

it('indexes nothing while a command runs, and catches up once it ends', async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const wb = await openSample(temp.dir);
  await wb.core.search.ready;
  // One paragraph of 2.6 M characters: indexed 100,000 characters a step, over many turns
  // (a third of a second of indexing in all).
  const text = Array.from({ length: 300_000 }, (_, i) => `w${i % 7919}x`).join(' ');
  unwrap(await wb.call('documents.paste', { title: 'Long', text: `${text} zanzibar` }));
  let release = (): void => undefined;
  const running = new Promise<void>((started) => {
    void wb.core.store.exclusive(
      () =>
        new Promise<void>((r) => {
          release = r;
          started();
        }),
    );
  });
  await running;
  let caughtUp = false;
  void wb.core.search.ready.then(() => (caughtUp = true));
  // Turns enough for the whole text had each been given to indexing, taken in far less
  // than the wait's bound (100 ms) when none is.
  try {
    for (let i = 0; i < 400; i++) await turn();
    expect(caughtUp).toBe(false);
  } finally {
    release();
  }
  await wb.core.search.ready;
  const { hits } = unwrap(await wb.call('search.query', { query: 'zanzibar', limit: 5 }));
  expect(hits.map((h) => h.documentTitle)).toContain('Long');
});
