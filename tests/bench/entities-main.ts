// `npm run bench:entities`: only the entity research views (entities-bench.ts) on the
// generated 2,000-article workspace, without the search and save measurements around them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench } from '../../src/core/workbench';
import { ARTICLES, writeWorkspace } from './corpus';
import { benchEntities } from './entities-bench';

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rw-bench-entities-'));
  try {
    console.log(`Generating ${ARTICLES} articles…`);
    await writeWorkspace(dir);
    const wb = await openWorkbench(dir);
    await wb.indexed;
    for (const line of await benchEntities(wb)) console.log(line);
    await wb.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
