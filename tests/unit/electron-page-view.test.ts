// The page view's path through the desktop app, with `electron` mocked: the window asks for
// a PDF's original through the preload bridge, the call crosses "IPC" (a structured
// clone each way, as Electron copies it) to the main process's binding, the core answers
// from a real workspace with the kept bytes checked against their hash, and what arrives
// is bytes pdf.js opens as the same pages. The pdf.js worker the view starts is a file of
// the renderer build, served by the app:// protocol from inside the renderer folder under
// a policy that lets scripts (and so workers) come from the app's own origin only.
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, type OriginalView } from '../../src/shared/api';
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { reportPdf } from '../fixtures/node/pdf';
import { importAs } from '../integration/evidence-helpers';
import { electron, registered } from './electron-mock';
import { bindIpcToNewWorkspace, exposedBridge, handlerOf, mainFrame } from './electron-ipc-bridge';

vi.mock('electron', async () => (await import('./electron-mock')).electron);

const { APP_ORIGIN, serveRenderer } = await import('../../src/main/protocol');
await import('../../src/preload/index');

const bridge = exposedBridge();

describe('the page view in the desktop app', () => {
  const workspace = bindIpcToNewWorkspace();
  beforeEach(() => {
    // The renderer's invoke reaches the main process's handler, each way a copy.
    electron.ipcRenderer.invoke.mockImplementation(async (channel: string, input: unknown) => {
      const handler = handlerOf(channel);
      return structuredClone(await handler({ senderFrame: mainFrame }, structuredClone(input)));
    });
  });
  afterEach(() => electron.ipcRenderer.invoke.mockReset());

  it('gets the kept PDF as bytes that pdf.js opens as the same pages', async () => {
    const pdf = await reportPdf();
    const { document } = await importAs(workspace.wb, 'report.pdf', pdf);
    const reply = await bridge['documents.original']!({ id: document.id });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(`${IPC_PREFIX}documents.original`, {
      id: document.id,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const view = reply.value as OriginalView;
    expect(view.original).toMatchObject({ fileName: 'report.pdf', mediaType: 'application/pdf' });
    expect(view.bytes).toBeInstanceOf(Uint8Array);
    expect(new Uint8Array(view.bytes)).toEqual(pdf);
    // What the window's pdf.js does with them (pdf-pages.ts), here with its Node build.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const opened = await getDocument({ data: new Uint8Array(view.bytes), isEvalSupported: false })
      .promise;
    const pages = [...new Set(document.blocks.flatMap((b) => (b.page ? [b.page] : [])))];
    expect(opened.numPages).toBe(Math.max(...pages));
    await opened.destroy();
  });

  it('is refused, with the reason, when the original is asked for from a sub-frame', async () => {
    const { document } = await importAs(workspace.wb, 'report.pdf', await reportPdf());
    const handler = handlerOf(`${IPC_PREFIX}documents.original`);
    const reply = await handler(
      { senderFrame: { ...mainFrame, parent: mainFrame } },
      { id: document.id },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('starts the pdf.js worker from a file of the renderer build, under the app’s own policy', async () => {
    const root = join('/opt', 'rw', 'out', 'renderer');
    electron.protocol.handle.mockClear();
    electron.net.fetch.mockClear();
    serveRenderer(root);
    const serve = registered<(request: Request) => Promise<Response>>(
      electron.protocol.handle,
      'app',
    );
    // The worker's address as the built view asks for it (pdf-pages.ts imports it `?url`).
    await serve(new Request(`${APP_ORIGIN}/assets/pdf.worker.min-FHbmGBN0.mjs`));
    const file = join(root, 'assets', 'pdf.worker.min-FHbmGBN0.mjs');
    expect(file.startsWith(root + sep)).toBe(true);
    expect(electron.net.fetch).toHaveBeenCalledWith(pathToFileURL(file).toString());
    // No worker-src of its own: workers fall back to script-src, which is 'self' only.
    expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/worker-src|child-src|blob:|unsafe-eval/);
  });
});
