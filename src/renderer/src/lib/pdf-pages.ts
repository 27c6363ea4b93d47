// pdf.js in the window, for showing an original PDF's pages: loaded on first use, its
// worker served from the app's own origin as a separate file of the build (the content
// security policy allows scripts from 'self' only), run without eval, fetching nothing
// (the bytes come from the core, which checked them against their SHA-256; no character
// maps, fonts or other files are asked for from anywhere). Each page is drawn on a canvas
// with pdf.js's text layer over it, whose runs are mapped to the canonical text.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    // pdf.js takes the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    // Nothing is fetched: no character maps or standard fonts from a URL, no range requests.
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    verbosity: 0,
  }).promise;
}

export interface RenderedPage {
  /** The page's size in CSS pixels at the scale it was drawn. */
  width: number;
  height: number;
  /** The text layer's runs (their strings) and spans, in the same order. */
  runs: string[];
  spans: HTMLElement[];
  cancel: () => void;
}

/** Draws page `page` into `canvas` and its text layer into `layer`, at `scale`. */
export async function renderPage(
  page: PDFPageProxy,
  scale: number,
  canvas: HTMLCanvasElement,
  layer: HTMLElement,
): Promise<RenderedPage> {
  const lib = await pdfjs();
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const task = page.render({
    canvas,
    viewport,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  });
  layer.replaceChildren();
  // pdf.js sizes the layer's text from this variable (its viewer sets it the same way).
  layer.style.setProperty('--total-scale-factor', String(scale));
  const textLayer = new lib.TextLayer({
    textContentSource: await page.getTextContent(),
    container: layer,
    viewport,
  });
  await Promise.all([task.promise, textLayer.render()]);
  return {
    width: viewport.width,
    height: viewport.height,
    runs: textLayer.textContentItemsStr,
    spans: textLayer.textDivs,
    cancel: () => {
      task.cancel();
      textLayer.cancel();
    },
  };
}
