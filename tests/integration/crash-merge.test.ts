// A merge interrupted by kill -9 is all or nothing: a child process merges an entity
// tagged in many documents and undoes it, again and again, and is killed at random
// moments. After each kill the workspace opens sound, with every highlight tagged either
// as before the merge (both entities) or as after it (the target alone), never a mix.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeWorkbench, openSample, reopen, tempDir, unwrap } from './helpers';
import { leftovers } from './snapshot-files';

const CYCLES = 12;
const DOCUMENTS = 15;
let outDir: string;

beforeAll(async () => {
  await mkdir(join(import.meta.dirname, '../../out'), { recursive: true });
  outDir = await mkdtemp(join(import.meta.dirname, '../../out/merge-writer-'));
  await build({
    logLevel: 'error',
    configFile: false,
    build: {
      ssr: join(import.meta.dirname, '../crash/merge-writer.ts'),
      outDir,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'merge-writer.mjs' } },
    },
  });
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 }));

function runAndKill(args: string[], steps: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(outDir, 'merge-writer.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      lines += d.toString().split('\n').length - 1;
      if (lines > steps && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`the writer exited by itself (${code}): ${stderr}`));
    });
  });
}

it(`a merge killed ${CYCLES} times lands whole or not at all`, async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const wb = await openSample(dir);
    const target = unwrap(
      await wb.call('entities.create', { name: 'Hamid Nouri', type: 'person' }),
    );
    const source = unwrap(
      await wb.call('entities.create', { name: 'Hamid Noury', type: 'person' }),
    );
    const tagged: string[] = [];
    for (let n = 0; n < DOCUMENTS; n++) {
      const r = unwrap(
        await wb.call('documents.paste', {
          title: `Trial ${n}`,
          text: `Day ${n}: Hamid Noury testified.`,
        }),
      );
      if (r.kind !== 'document') throw new Error('expected a document');
      const start = `Day ${n}: `.length;
      const a = unwrap(
        await wb.call('annotations.create', {
          documentId: r.documentId,
          start,
          end: start + 11,
          entityIds: [source.id],
        }),
      );
      tagged.push(a.id);
    }
    await closeWorkbench(dir);
    // The undo history lives in the process, so a kill that leaves it merged cannot be
    // undone by the next writer: the files from before are put back for the next cycle.
    const unmerged = `${dir}-unmerged`;
    for (const part of ['workspace.json', 'documents', 'highlights'])
      await cp(join(dir, part), join(unmerged, part), { recursive: true });

    const seen = { before: 0, after: 0 };
    let random = 4242;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      random = (random * 1103515245 + 12345) >>> 0;
      await runAndKill([dir, target.id, source.id], 1 + (random % 4), (random >>> 8) % 30);
      const again = await reopen(dir);
      const info = unwrap(await again.call('workspace.info', {}));
      expect(info.problems, `cycle ${cycle}`).toEqual([]);
      expect(info.readOnly).toBe(false);
      expect(await leftovers(dir)).toEqual([]);
      const entities = unwrap(await again.call('entities.list', {}));
      const merged = !entities.some((e) => e.id === source.id);
      const tags = new Set<string>();
      for (const { id } of unwrap(await again.call('documents.list', {}))) {
        for (const a of unwrap(await again.call('documents.get', { id })).annotations)
          if (tagged.includes(a.id)) tags.add(a.entityIds.join());
      }
      expect([...tags], `cycle ${cycle}`).toEqual([merged ? target.id : source.id]);
      const aliases = entities.find((e) => e.id === target.id)!.aliases;
      expect(aliases).toEqual(merged ? ['Hamid Noury'] : []);
      seen[merged ? 'after' : 'before']++;
      await closeWorkbench(dir);
      if (merged) {
        for (const part of ['workspace.json', 'documents', 'highlights']) {
          await rm(join(dir, part), {
            recursive: true,
            force: true,
            maxRetries: 10,
            retryDelay: 20,
          });
          await cp(join(unmerged, part), join(dir, part), { recursive: true });
        }
      }
    }
    console.log(`merge crash test: ${seen.after} kills left it merged, ${seen.before} not`);
  } finally {
    await rm(`${dir}-unmerged`, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    await cleanup();
  }
}, 120_000);
