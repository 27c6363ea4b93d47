// The window in Chromium, through the browser host, on a 500 KB document with 1,000
// highlights: how long from opening the document to its highlights painted, from a key
// press to the new highlight painted, and from a keystroke in the search box to the next
// frame; how many elements the page holds; and the memory of the page and of the core.
// Measured twice in the same run: with highlights painted by the CSS Custom Highlight API,
// and with the span-wrapping fallback the reader takes where that API is missing (forced
// by deleting it before the page loads), and reported as ratios. Run after `npm run build`
// (the bench script does), as `node out/bench/reader.js`.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { openWorkbench } from '../../src/core/workbench';
import type { Envelope } from '../../src/shared/api';
import { reportOfPages } from './pdf-report';
import { summary } from './save-bench';

const unwrap = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
};
const ms = (n: number): string => n.toFixed(1);

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** A workspace with a small document and a 500 KB one carrying 1,000 highlights. */
async function makeWorkspace(
  dir: string,
): Promise<{ big: string; small: string; words: string[] }> {
  const wb = await openWorkbench(dir, { host: 'benchmark' });
  const sentence =
    'Witnesses told the tribunal that prisoners were moved from Evin to Gohardasht in the summer of 1988, and that the commission met in secret. ';
  const paragraph = sentence.repeat(5);
  const text = Array.from({ length: Math.ceil(500_000 / (paragraph.length + 2)) }, () => paragraph)
    .join('\n\n')
    .slice(0, 500_000);
  const big = unwrap(await wb.call('documents.paste', { title: 'Tribunal record', text }));
  const small = unwrap(await wb.call('documents.paste', { title: 'Note', text: 'A short note.' }));
  if (big.kind !== 'document' || small.kind !== 'document') throw new Error('expected documents');
  const kinds = ['quote', 'claim', 'evidence', 'question'] as const;
  for (let i = 0; i < 1000; i++) {
    const start = i * 480;
    unwrap(
      await wb.call('annotations.create', {
        documentId: big.documentId,
        start,
        end: start + 60,
        kind: kinds[i % 4]!,
      }),
    );
  }
  await wb.close();
  return { big: big.documentId, small: small.documentId, words: ['tribunal', 'gohardasht'] };
}

async function startHost(
  workspace: string,
): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), 'out/server/index.js'), '--workspace', workspace],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/**
 * Installed in the page before it loads: how many runs of highlighted text are painted, as
 * ranges registered with the Highlight API or as the fallback's marks.
 */
function installPaintedCount(): void {
  (window as unknown as { paintedRuns: () => number }).paintedRuns = () => {
    const api = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    if (!api) return document.querySelectorAll('article mark.hl').length;
    let n = 0;
    for (const kind of ['quote', 'claim', 'evidence', 'question'])
      n += api.get(`wb-${kind}`)?.size ?? 0;
    return n;
  };
}

/** From a click on the document in the library to the frame after its highlights appear. */
async function openToPainted(page: Page, title: string, marks: number): Promise<number> {
  return page.evaluate(
    ({ title, marks }) =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) =>
          b.textContent?.includes(title),
        )!;
        const t0 = performance.now();
        const check = (): void => {
          if ((window as unknown as { paintedRuns: () => number }).paintedRuns() >= marks)
            requestAnimationFrame(() => resolve(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        button.click();
        requestAnimationFrame(check);
      }),
    { title, marks },
  );
}

/**
 * From a key press on a selection to the frame after the new highlight is painted in the
 * text (the reader paints it at once), and to the frame after the saved highlight has its
 * Tab stop (the core has answered and the window shows what it stored).
 */
async function keyToHighlight(
  page: Page,
  paragraph: number,
): Promise<{ painted: number; saved: number }> {
  await page.evaluate((index) => {
    const p = document.querySelectorAll('article p')[index]!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n as Text;
    const range = document.createRange();
    range.setStart(last!, Math.max(0, last!.length - 30));
    range.setEnd(last!, last!.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const before = (window as unknown as { paintedRuns: () => number }).paintedRuns();
    const stops = (): number => document.querySelectorAll('[data-highlight-stop]').length;
    const stopsBefore = stops();
    const w = window as unknown as { painted: Promise<{ painted: number; saved: number }> };
    w.painted = new Promise((resolve) => {
      let t0 = 0;
      let painted = 0;
      window.addEventListener('keydown', () => (t0 = performance.now()), {
        once: true,
        capture: true,
      });
      const check = (): void => {
        if (
          t0 &&
          !painted &&
          (window as unknown as { paintedRuns: () => number }).paintedRuns() > before
        )
          requestAnimationFrame(() => (painted = performance.now() - t0));
        if (t0 && stops() > stopsBefore)
          requestAnimationFrame(() => {
            const saved = performance.now() - t0;
            resolve({ painted: painted || saved, saved });
          });
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, paragraph);
  await page.waitForTimeout(50);
  await page.keyboard.press('2');
  return page.evaluate(
    () => (window as unknown as { painted: Promise<{ painted: number; saved: number }> }).painted,
  );
}

/** From a keystroke in the search box to the next frame. */
async function keystrokeToFrame(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frame: Promise<number> };
    w.frame = new Promise<number>((resolve) => {
      window.addEventListener(
        'keydown',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        },
        { once: true, capture: true },
      );
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { frame: Promise<number> }).frame);
}

interface Run {
  open: number[];
  keys: number[];
  saved: number[];
  strokes: number[];
  nodes: number;
  heap: number;
}

/** Opens the workbench in a new page and measures the reader, painted or span-wrapped. */
async function measure(
  context: BrowserContext,
  url: string,
  words: string[],
  fallback: boolean,
): Promise<Run> {
  const page = await context.newPage();
  await page.addInitScript(installPaintedCount);
  if (fallback)
    await page.addInitScript(() => {
      delete (CSS as { highlights?: unknown }).highlights;
      delete (window as { Highlight?: unknown }).Highlight;
    });
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button').first().waitFor();

  const open: number[] = [];
  for (let i = 0; i < 6; i++) {
    await openToPainted(page, 'Note', 0);
    await page.waitForTimeout(200);
    open.push(await openToPainted(page, 'Tribunal record', 1000));
    await page.waitForTimeout(200);
  }
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);

  const keys: number[] = [];
  const saved: number[] = [];
  for (let i = 0; i < 15; i++) {
    const times = await keyToHighlight(page, (fallback ? 7 : 3) + i * 9);
    keys.push(times.painted);
    saved.push(times.saved);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
  }

  const search = page.getByRole('combobox', { name: 'Search the workspace' });
  await search.click();
  const strokes: number[] = [];
  for (const word of words) {
    await search.fill('');
    for (const ch of word) strokes.push(await keystrokeToFrame(page, ch));
    await page.waitForTimeout(300);
  }
  await page.keyboard.press('Escape');
  const heap = await page.evaluate(
    () =>
      (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
      0,
  );
  await page.close();
  return { open, keys, saved, strokes, nodes, heap };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rw-reader-bench-'));
  const { words } = await makeWorkspace(dir);
  const host = await startHost(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  try {
    // One context, so the session the first visit signs in with (the login address is
    // spent by it) carries to the other pages; each page is closed before the next opens.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const painted = await measure(context, host.url, words, false);
    const origin = `${new URL(host.url).origin}/`;
    const wrapped = await measure(context, origin, words, true);
    const page = await context.newPage();
    await page.goto(origin);
    await page.getByRole('navigation', { name: 'Documents' }).getByRole('button').first().waitFor();

    // A 300-page PDF imported through the window: how long until its outcome shows, and the
    // longest task the page's main thread ran meanwhile (how long the window was unresponsive).
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const pdf = Buffer.from(await reportOfPages(300));
    const importStart = performance.now();
    await page.getByLabel('Files to import').setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page
      .getByRole('status', { name: 'Import results' })
      .getByText('report.pdf', { exact: false })
      .waitFor({ timeout: 120_000 });
    const importMs = performance.now() - importStart;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);

    console.log('\nThe window in Chromium, 500 KB document with 1,000 highlights (browser host):');
    console.log(
      '  (painted: CSS Custom Highlight API; wrapped: the span fallback; ratio wrapped ÷ painted)',
    );
    const row = (label: string, p: number[], w: number[]): void => {
      const a = summary(p);
      const b = summary(w);
      console.log(
        `  ${label.padEnd(36)}painted p50 ${ms(a.p50)} ms, p95 ${ms(a.p95)} ms; wrapped p50 ${ms(b.p50)} ms, p95 ${ms(b.p95)} ms; ratio p50 ${(b.p50 / a.p50).toFixed(2)}`,
      );
    };
    row('open to painted', painted.open, wrapped.open);
    row('key press to new highlight painted', painted.keys, wrapped.keys);
    row('key press to saved highlight shown', painted.saved, wrapped.saved);
    row('search keystroke to frame', painted.strokes, wrapped.strokes);
    console.log(
      `  ${'elements on the page'.padEnd(36)}painted ${painted.nodes}; wrapped ${wrapped.nodes}; ratio ${(wrapped.nodes / painted.nodes).toFixed(2)}`,
    );
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    console.log(
      `  ${'page JS heap'.padEnd(36)}painted ${mb(painted.heap)} MB; wrapped ${mb(wrapped.heap)} MB; ratio ${(wrapped.heap / painted.heap).toFixed(2)}`,
    );
    console.log(
      `  300-page PDF (${(pdf.length / 1024).toFixed(0)} KB) imported through the window in ${(importMs / 1000).toFixed(2)} s; longest renderer main-thread task meanwhile ${longest ? `${ms(longest)} ms` : 'none over 50 ms (the long-task threshold)'}`,
    );
    console.log(`  core (browser host) RSS    ${((await rssKb(host.pid)) / 1024).toFixed(1)} MB`);
  } finally {
    await browser.close();
    host.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
