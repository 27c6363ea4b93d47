// A PDF's streams measured before pdf.js reads it. pdf.js decodes a stream into one growing
// buffer outside the JavaScript heap and has no limit of its own, so a 3 KB file holding a
// FlateDecode bomb took the host to gigabytes, and 200,000 nested graphics-state saves
// (`q`) in 1.5 KB of page description kept it busy for minutes. Each stream is found the
// way pdf.js finds it (its /Length when that ends at `endstream`, else the next
// `endstream`), decoded with a cap, and its page description's nesting counted.
// Encrypted streams cannot be measured here: for those the worker's time and memory
// limits stand guard (worker-parser.ts).
import { ImportError } from './import-error';
import { count, MAX_DECODED_BYTES, MAX_NESTING, MAX_STREAM_BYTES, megabytes } from './limits';
import { decodeStream, TooLarge } from './pdf-filters';

interface Stream {
  /** "12 0" when the object header before it is found. */
  object: string;
  dictionary: string;
  data: Uint8Array;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/** An indirect object's value when it is a plain number or name ("12 0 obj 345 endobj"). */
function resolve(buffer: Buffer, ref: string): string | undefined {
  const header = `${ref} obj`;
  for (let at = buffer.indexOf(header); at >= 0; at = buffer.indexOf(header, at + 1)) {
    // "12 0 obj", not "112 0 obj".
    if (at > 0 && !/\s/.test(String.fromCharCode(buffer[at - 1]!))) continue;
    const after = latin1(buffer.subarray(at + header.length, at + header.length + 200));
    return /^\s*([^\s]+)/.exec(after)?.[1];
  }
  return undefined;
}

function* streams(buffer: Buffer): Generator<Stream> {
  for (let at = buffer.indexOf(STREAM); at >= 0; at = buffer.indexOf(STREAM, at + 1)) {
    // "endstream" holds "stream": only a keyword after ">>" (and white space) opens one.
    const before = latin1(buffer.subarray(Math.max(0, at - 4096), at));
    if (!/>>\s*$/.test(before)) continue;
    let start = at + STREAM.length;
    if (buffer[start] === 0x0d) start += 1;
    if (buffer[start] === 0x0a) start += 1;
    const header = before.lastIndexOf(' obj');
    const dictionary = before.slice(header >= 0 ? header + 4 : 0);
    const object = /(\d+\s+\d+)\s*$/.exec(before.slice(0, Math.max(0, header)))?.[1] ?? '?';
    const lengthRef = /\/Length\s+(\d+\s+\d+)\s+R/.exec(dictionary)?.[1];
    const length = Number(
      lengthRef ? resolve(buffer, lengthRef) : /\/Length\s+(\d+)/.exec(dictionary)?.[1],
    );
    let end = -1;
    if (Number.isInteger(length) && length >= 0 && start + length <= buffer.length) {
      const tail = latin1(buffer.subarray(start + length, start + length + 32));
      if (/^\s*endstream/.test(tail)) end = start + length;
    }
    if (end < 0) end = buffer.indexOf(ENDSTREAM, start);
    if (end < 0) end = buffer.length;
    yield { object, dictionary, data: buffer.subarray(start, end) };
    at = end;
  }
}

/** The stream's filters, in order, with an indirect /Filter looked up. */
function filtersOf(buffer: Buffer, dictionary: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+|\d+\s+\d+\s+R)/.exec(dictionary)?.[1];
  if (!match) return [];
  const spec = match.endsWith('R') ? (resolve(buffer, match.slice(0, -1).trim()) ?? '') : match;
  return [...spec.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1]!);
}

/** Streams that describe no page: fonts, images, metadata, cross-reference tables. */
const NOT_CONTENT =
  /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)|\/Length[123]\b/;

/** Byte classes of PDF syntax, as lookup tables: 1 white space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2;

/**
 * The deepest nesting of graphics-state saves (`q` … `Q`) in a page description, with
 * strings, comments and inline image data passed over.
 */
export function graphicsNesting(content: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  const n = content.length;
  for (let i = 0; i < n;) {
    const b = content[i]!;
    if (CLASS[b] === 1) i++;
    else if (b === 0x25) while (i < n && content[i] !== 0x0a && content[i] !== 0x0d) i++;
    else if (b === 0x28) {
      // A literal string: balanced parentheses, backslash escapes.
      let open = 0;
      for (; i < n; i++) {
        const c = content[i]!;
        if (c === 0x5c) i++;
        else if (c === 0x28) open++;
        else if (c === 0x29 && --open === 0) break;
      }
      i++;
    } else if (b === 0x3c && content[i + 1] !== 0x3c) {
      while (i < n && content[i] !== 0x3e) i++;
      i++;
    } else if (CLASS[b] === 2) i++;
    else {
      const start = i;
      while (i < n && CLASS[content[i]!] === 0) i++;
      const word = i - start === 1 ? content[start] : i - start === 2 ? -1 : 0;
      if (word === 0x71) deepest = Math.max(deepest, ++depth);
      else if (word === 0x51) depth = Math.max(0, depth - 1);
      else if (word === -1 && content[start] === 0x49 && content[start + 1] === 0x44) {
        // Inline image data after "ID" runs to "EI": skip it whole.
        const end = Buffer.from(content.buffer, content.byteOffset, n).indexOf('EI', i);
        i = end < 0 ? n : end + 2;
      }
    }
  }
  return deepest;
}

/** Refuses, naming the limit, a PDF whose streams are too large or nest too deep. */
export function checkPdf(bytes: Uint8Array, fileName: string): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const stream of streams(buffer)) {
    const filters = filtersOf(buffer, stream.dictionary);
    const earlyChange = /\/EarlyChange\s+0/.test(stream.dictionary) ? 0 : 1;
    let decoded;
    try {
      decoded = decodeStream(stream.data, filters, MAX_STREAM_BYTES, earlyChange);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      throw new ImportError(
        fileName,
        `a stream in it (object ${stream.object}) expands to more than ${megabytes(MAX_STREAM_BYTES)}, the most one stream may hold`,
      );
    }
    if (!('bytes' in decoded) || NOT_CONTENT.test(stream.dictionary)) continue;
    total += decoded.bytes.length;
    if (total > MAX_DECODED_BYTES)
      throw new ImportError(
        fileName,
        `its page descriptions expand to more than ${megabytes(MAX_DECODED_BYTES)}, the most a PDF may hold`,
      );
    const depth = graphicsNesting(decoded.bytes);
    if (depth > MAX_NESTING)
      throw new ImportError(
        fileName,
        `a page description in it (object ${stream.object}) nests graphics states ${count(depth)} deep; at most ${count(MAX_NESTING)} are read`,
      );
  }
}
