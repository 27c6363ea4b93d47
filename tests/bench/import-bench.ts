// Importing a 300-page PDF through the worker path, as the hosts do: how long it takes,
// the process's peak resident memory (worker included: threads share the process), and
// the longest stall of this thread's event loop meanwhile, which is how long a call from
// the window would have waited. Run with `npm run bench:import` (also part of `npm run bench`).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openWorkbench } from '../../src/core/workbench';
import { reportOfPages } from './pdf-report';

const PAGES = 300;

async function main(): Promise<void> {
  const bytes = await reportOfPages(PAGES);
  const dir = await mkdtemp(join(tmpdir(), 'rw-import-bench-'));
  const wb = await openWorkbench(dir, {
    host: 'bench',
    importWorker: join(import.meta.dirname, 'import-worker.js'),
  });
  try {
    await wb.indexed;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let peakRss = process.memoryUsage().rss;
    let longestGap = 0;
    let last = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last - 20);
      last = now;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const baseRss = process.memoryUsage().rss;
    delay.enable();
    const started = performance.now();
    const reply = await wb.call('documents.importBytes', { fileName: 'report.pdf', data: bytes });
    const ms = performance.now() - started;
    delay.disable();
    clearInterval(sampler);
    if (!reply.ok) throw new Error(reply.error.message);
    const doc = await wb.call('documents.get', {
      id: (reply.value as { documentId: string }).documentId,
    });
    const blocks = doc.ok ? doc.value.document.blocks.length : 0;
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `import of a ${PAGES}-page PDF (${mb(bytes.length)}, ${blocks} blocks) through the worker`,
    );
    console.log(`  time                        ${(ms / 1000).toFixed(2)} s`);
    console.log(`  peak RSS                    ${mb(peakRss)} (before: ${mb(baseRss)})`);
    console.log(
      `  longest event-loop stall    ${(delay.max / 1e6).toFixed(0)} ms (timer lag ${longestGap.toFixed(0)} ms)`,
    );
  } finally {
    await wb.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
