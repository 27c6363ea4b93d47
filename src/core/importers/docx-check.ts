// A Word file's parts measured before mammoth reads it. A .docx is a ZIP archive, and the
// sizes an archive declares are only claims: a few kilobytes can inflate to gigabytes in
// one part, in many, or in many entries that all point at the same compressed bytes. So
// each part mammoth may read is inflated here, with a cap, from where the central
// directory says it is (as JSZip, under mammoth, finds it), and its XML's nesting is
// counted. Pictures (word/media) are measured too: the import keeps them as figures.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './import-error';
import {
  count,
  MAX_DECODED_BYTES,
  MAX_NESTING,
  MAX_STREAM_BYTES,
  MAX_ZIP_ENTRIES,
  megabytes,
} from './limits';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

/** Where the end-of-central-directory record is, searched back over a trailing comment. */
function endRecord(buffer: Buffer): number {
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 65_535); at--)
    if (buffer.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

function entries(buffer: Buffer, fileName: string): Entry[] | undefined {
  const end = endRecord(buffer);
  if (end < 0) return undefined; // not a ZIP: mammoth says so
  const total = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  if (total === 0xffff || at === 0xffffffff)
    throw new ImportError(fileName, 'it is a ZIP64 archive, which no Word document needs');
  if (total > MAX_ZIP_ENTRIES)
    throw new ImportError(
      fileName,
      `it holds ${count(total)} files; a Word document may hold at most ${count(MAX_ZIP_ENTRIES)}`,
    );
  const found: Entry[] = [];
  for (let i = 0; i < total; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    found.push({
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      offset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return found;
}

/** An entry's bytes as stored (before inflating), from its local header. */
function stored(buffer: Buffer, entry: Entry): Buffer | undefined {
  const at = entry.offset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  return buffer.subarray(start, Math.min(buffer.length, start + entry.compressedSize));
}

/** The deepest element nesting of an XML text (declarations, comments and PIs aside). */
export function xmlNesting(xml: Buffer): number {
  let depth = 0;
  let deepest = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const next = xml[i + 1];
    if (next === 0x3f || next === 0x21) continue; // <? and <!
    const close = xml.indexOf(0x3e, i);
    if (close < 0) break;
    if (next === 0x2f) depth = Math.max(0, depth - 1);
    else if (xml[close - 1] !== 0x2f) deepest = Math.max(deepest, ++depth);
    i = close;
  }
  return deepest;
}

/** Refuses, naming the limit, a Word file whose parts inflate too far or nest too deep. */
export function checkDocx(bytes: Uint8Array, fileName: string): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(buffer, fileName);
  if (!list) return;
  let total = 0;
  for (const entry of list) {
    if (/^word\/embeddings\//.test(entry.name) || entry.name.endsWith('/')) continue;
    const data = stored(buffer, entry);
    if (!data || (entry.method !== 0 && entry.method !== 8)) continue; // mammoth refuses it
    let part: Buffer;
    try {
      part =
        entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: MAX_STREAM_BYTES });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') continue;
      throw new ImportError(
        fileName,
        `its part ${entry.name} expands to more than ${megabytes(MAX_STREAM_BYTES)}, the most one part may hold`,
      );
    }
    total += part.length;
    if (total > MAX_DECODED_BYTES)
      throw new ImportError(
        fileName,
        `its parts expand to more than ${megabytes(MAX_DECODED_BYTES)} together, the most a Word document may hold`,
      );
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const depth = xmlNesting(part);
    if (depth > MAX_NESTING)
      throw new ImportError(
        fileName,
        `its part ${entry.name} nests elements ${count(depth)} deep; at most ${count(MAX_NESTING)} are read`,
      );
  }
}
