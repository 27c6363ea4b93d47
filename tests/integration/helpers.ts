// A real, empty workspace folder per test: the handlers run against lowdb files on disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/shared/api';
import { openWorkbench, type Workbench } from '../../src/core/workbench';

export const SAMPLE = join(import.meta.dirname, '../../resources/sample-article.txt');

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rw-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function openSample(dir: string): Promise<Workbench> {
  return openWorkbench(dir, { sampleArticle: SAMPLE });
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}
