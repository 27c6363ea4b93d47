/// <reference lib="dom" />
// What an article's markup holds beyond its text, read before it is sanitised: images
// embedded in the file (data: addresses of raster images) are taken out to be kept by
// their SHA-256, and marked so the sanitiser's output still knows them; footnotes (a
// link to a note that links back) are marked as references and notes, and their dead
// back-links taken out; everything else that will not be kept (videos, frames, images
// that are not in the file, form fields...) is counted for the import's report.
import { createHash } from 'node:crypto';
import type { ImportReport, ReportLine } from '../../shared/methods/documents';
import { tally } from '../../shared/import-report';
import { imageTypeOf } from '../originals/media-type';
import type { ImportedMedia } from './plain-text';

/** Attributes the sanitiser is told to keep, set here. */
export const MEDIA_ATTR = 'data-media';
export const MEDIA_TYPE_ATTR = 'data-media-type';
export const NOTE_ATTR = 'data-note';
export const NOTE_REF_ATTR = 'data-note-ref';

/** The most images and image bytes one import keeps; the rest are counted as not kept. */
const MAX_IMAGES = 2000;
const MAX_IMAGE_BYTES = 150 * 1024 * 1024;

/** Elements that are not kept, by what the report calls them. */
const NOT_KEPT: [selector: string, what: string, whats?: string][] = [
  ['video', 'embedded video'],
  ['audio', 'audio clip'],
  ['iframe, frame', 'embedded frame'],
  ['object, embed, applet', 'embedded object'],
  ['svg', 'drawing (SVG)', 'drawings (SVG)'],
  ['canvas', 'canvas drawing'],
  ['math', 'formula (MathML)', 'formulas (MathML)'],
  ['input, select, textarea, button', 'form field'],
  ['script', 'script (not run)', 'scripts (not run)'],
];

export function decodeDataImage(src: string): Uint8Array | undefined {
  const m = /^data:([^,;]*)((?:;[^,;]*)*?);base64,([\s\S]*)$/i.exec(src.trim());
  if (!m) return undefined;
  const bytes = Buffer.from(m[3]!.replace(/\s+/g, ''), 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function keepImages(root: Element, report: ImportReport): ImportedMedia[] {
  const media = new Map<string, ImportedMedia>();
  let total = 0;
  for (const img of [...root.querySelectorAll('img')]) {
    const src = img.getAttribute('src') ?? '';
    img.removeAttribute('src');
    img.removeAttribute('srcset');
    const bytes = src.startsWith('data:') ? decodeDataImage(src) : undefined;
    const type = bytes && imageTypeOf(bytes);
    if (!bytes || !type) {
      tally(
        report.dropped,
        bytes || src.startsWith('data:')
          ? 'image of a type not shown'
          : 'image not in the file (linked, not embedded)',
        1,
        bytes || src.startsWith('data:')
          ? 'images of a type not shown'
          : 'images not in the file (linked, not embedded)',
      );
      img.remove();
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!media.has(sha256)) {
      if (media.size >= MAX_IMAGES || total + bytes.byteLength > MAX_IMAGE_BYTES) {
        tally(
          report.dropped,
          'image over the import’s image limit',
          1,
          'images over the import’s image limit',
        );
        img.remove();
        continue;
      }
      total += bytes.byteLength;
      media.set(sha256, { sha256, mediaType: type, bytes });
    }
    img.setAttribute(MEDIA_ATTR, sha256);
    img.setAttribute(MEDIA_TYPE_ATTR, type);
    tally(report.kept, 'image');
  }
  return [...media.values()];
}

/** The id an in-page link points at ("#note-1" → "note-1"). */
const fragmentOf = (a: Element): string | undefined => {
  const href = a.getAttribute('href') ?? '';
  return href.startsWith('#') && href.length > 1 ? decodeURIComponent(href.slice(1)) : undefined;
};

/**
 * Footnotes and endnotes: a link to an element that holds a link back to the reference
 * (or to an element around it), as Word's notes (through mammoth) and Wikipedia's are.
 * The reference gets the note's name; the note is marked; the back-links, dead once the
 * page is text, are taken out (the reader draws its own).
 */
function markNotes(root: Element, report: ImportReport): void {
  const byId = new Map<string, Element>();
  for (const el of root.querySelectorAll('[id]')) byId.set(el.id, el);
  const names = new Map<Element, string>();
  for (const ref of [...root.querySelectorAll('a[href^="#"]')]) {
    const target = byId.get(fragmentOf(ref) ?? '');
    if (!target || target.contains(ref)) continue;
    // The ids that stand for the reference: its own and those of up to two elements around it.
    const refIds = new Set<string>();
    for (let el: Element | null = ref, i = 0; el && i < 3; el = el.parentElement, i++)
      if (el.id) refIds.add(el.id);
    const back = [...target.querySelectorAll('a[href^="#"]')].filter((a) =>
      refIds.has(fragmentOf(a) ?? ''),
    );
    if (!back.length) continue;
    let name = names.get(target);
    if (!name) {
      name = `n${names.size + 1}`;
      names.set(target, name);
      target.setAttribute(NOTE_ATTR, name);
      tally(report.kept, 'footnote');
    }
    ref.setAttribute(NOTE_REF_ATTR, name);
    ref.removeAttribute('href');
    for (const a of back) a.remove();
  }
}

/** Counts the elements under `root` that are never kept, into `lines`. */
export function countNotKept(root: Element, lines: ReportLine[]): void {
  for (const [selector, what, whats] of NOT_KEPT)
    tally(lines, what, root.querySelectorAll(selector).length, whats);
}

/** Prepares an article's DOM in place; returns the images to keep. */
export function prepareArticle(root: Element, report: ImportReport): ImportedMedia[] {
  countNotKept(root, report.dropped);
  markNotes(root, report);
  return keepImages(root, report);
}
