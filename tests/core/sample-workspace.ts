// A workspace holding the sample article, new for each test (handler tests run on real
// files, never a mocked store), and the entity every such test starts from: a person.
import { afterEach, beforeEach } from 'vitest';
import type { Workbench } from '../../src/core/workbench';
import { openSample, tempDir, unwrap } from '../integration/helpers';

/**
 * Before each test of the calling block, a new workspace with the sample article; after it,
 * the folder removed. Read `wb` inside a test: it is a different workbench each time.
 */
export function sampleWorkspaceEachTest(): { readonly wb: Workbench } {
  let cleanup: (() => Promise<void>) | undefined;
  let current: Workbench | undefined;
  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir());
    current = await openSample(dir);
  });
  afterEach(async () => {
    await cleanup?.();
    current = undefined;
  });
  return {
    get wb(): Workbench {
      if (!current) throw new Error('the workspace is opened before each test, not before');
      return current;
    },
  };
}

/** Creates a person with these aliases; its id. */
export const createPerson = async (
  wb: Workbench,
  name: string,
  aliases: string[] = [],
): Promise<string> =>
  unwrap(await wb.call('entities.create', { name, type: 'person', aliases })).id;
