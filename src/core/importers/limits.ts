// How much reading one imported file may take, the same in every host (the desktop app,
// the browser host, the command line). A file is other people's bytes: a few kilobytes of
// PDF can claim sixteen million pages or inflate to a gigabyte, so each limit is checked
// before the parser is given the file where it can be (streams, pages, nesting, a Word
// file's parts), while it reads where it cannot (characters), and by the worker around it
// (time, memory). A refusal names the file and the limit, and stores nothing.

/**
 * Characters of text in one document. A 5,000-page book is about 15 million; beyond that
 * the reader, search and highlighting stop answering promptly, and such a text is nearly
 * always a generator's accident (one endless paragraph) rather than a source.
 */
export const MAX_DOCUMENT_CHARS = 20_000_000;

/** Pages of one PDF: more than the longest report or book a researcher reads as a source. */
export const MAX_PDF_PAGES = 5_000;

/**
 * Bytes one stream of a PDF or one part of a Word file may expand to. Text, fonts and page
 * descriptions are far smaller; a stream that inflates past this is a compression bomb.
 */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;

/** Bytes all text-bearing streams (or all parts of a Word file) may expand to together. */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/**
 * How deep graphics states (PDF `q`) or XML elements (a Word file's parts) may nest.
 * Real files stay within a few dozen; hundreds of thousands make a parser run for minutes.
 */
export const MAX_NESTING = 1_000;

/** Files inside a Word document (a .docx is a ZIP archive). */
export const MAX_ZIP_ENTRIES = 5_000;

/** Memory of the worker thread's JavaScript heap (Node's resourceLimits). */
export const WORKER_HEAP_MB = 768;
/**
 * How much the host process's resident memory may grow while a worker reads: decoded
 * streams live outside the JavaScript heap, so the heap limit alone does not bound them.
 */
export const WORKER_GROWTH_MB = 768;

/**
 * How long reading a file may take: a few seconds for a small file, more for a large one,
 * never more than five minutes (a 300-page PDF of 5 MB has 48 s).
 */
export function readTimeoutMs(bytes: number): number {
  return Math.min(5 * 60_000, 8_000 + Math.round((bytes / (1024 * 1024)) * 8_000));
}

const MB = 1024 * 1024;
/** "128 MB", "20,000,000": a limit as a refusal names it. */
export const megabytes = (bytes: number): string => `${Math.round(bytes / MB)} MB`;
export const count = (n: number): string => n.toLocaleString('en-US');
