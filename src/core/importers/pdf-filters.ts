// The PDF stream filters that can make a small stream large (Flate, LZW, run length, and
// the two ASCII encodings that may wrap them), decoded here with a cap on their output so
// that a stream's real size is known before pdf.js decodes it into one growing buffer
// outside the JavaScript heap. Image codecs (JPEG, JPEG 2000, JBIG2, CCITT) are not
// decoded: reading text never decodes an image.
import { constants, inflateSync } from 'node:zlib';

/** The stream expands past the cap it was decoded with. */
export class TooLarge extends Error {}

/** What decoding a stream found: its bytes, or that it is an image or cannot be read. */
export type Decoded = { bytes: Uint8Array } | { image: true } | { unreadable: true };

const IMAGE_CODECS = new Set([
  'DCTDecode',
  'DCT',
  'JPXDecode',
  'JBIG2Decode',
  'CCITTFaxDecode',
  'CCF',
]);

function flate(data: Uint8Array, cap: number): Uint8Array | undefined {
  try {
    // Z_SYNC_FLUSH: a truncated stream gives what it holds, as pdf.js reads it.
    return inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    return undefined;
  }
}

/** A growing buffer that refuses to grow past its cap. */
class Output {
  private buffer = new Uint8Array(4096);
  length = 0;
  constructor(private readonly cap: number) {}
  private room(n: number): void {
    if (this.length + n > this.cap) throw new TooLarge();
    if (this.length + n <= this.buffer.length) return;
    const next = new Uint8Array(
      Math.min(this.cap, Math.max(this.length + n, this.buffer.length * 2)),
    );
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
  push(...bytes: number[]): void {
    this.room(bytes.length);
    for (const b of bytes) this.buffer[this.length++] = b;
  }
  repeat(byte: number, times: number): void {
    this.room(times);
    this.buffer.fill(byte, this.length, this.length + times);
    this.length += times;
  }
  /** Appends `length` bytes already written, from `from` (LZW's table entries). */
  copy(from: number, length: number): void {
    this.room(length);
    for (let k = 0; k < length; k++) this.buffer[this.length++] = this.buffer[from + k]!;
  }
  at(i: number): number {
    return this.buffer[i]!;
  }
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

const isSpace = (b: number): boolean =>
  b === 0 || b === 9 || b === 10 || b === 12 || b === 13 || b === 32;

function asciiHex(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  let high = -1;
  for (const b of data) {
    if (b === 0x3e) break; // '>'
    if (isSpace(b)) continue;
    const digit = Number.parseInt(String.fromCharCode(b), 16);
    if (Number.isNaN(digit)) break;
    if (high < 0) high = digit;
    else {
      out.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.bytes();
}

function ascii85(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  let group: number[] = [];
  const flush = (n: number): void => {
    const padded = [...group, 84, 84, 84, 84].slice(0, 5);
    const value = padded.reduce((v, d) => v * 85 + d, 0);
    const word = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    out.push(...word.slice(0, n));
  };
  for (const b of data) {
    if (b === 0x7e) break; // '~' of the end marker
    if (isSpace(b)) continue;
    if (b === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0); // 'z'
      continue;
    }
    if (b < 0x21 || b > 0x75) break;
    group.push(b - 0x21);
    if (group.length === 5) {
      flush(4);
      group = [];
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return out.bytes();
}

function runLength(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  for (let i = 0; i < data.length;) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]!);
    } else if (i < data.length) out.repeat(data[i++]!, 257 - n);
  }
  return out.bytes();
}

function lzw(data: Uint8Array, cap: number, earlyChange: number): Uint8Array {
  const out = new Output(cap);
  // The table as [start, length] runs of the output already written.
  let table: [number, number][] = [];
  const reset = (): void => {
    table = [];
    for (let i = 0; i < 258; i++) table.push([-1, 1]);
  };
  reset();
  let width = 9;
  let bits = 0;
  let buffer = 0;
  let previous: [number, number] | null = null;
  for (const byte of data) {
    buffer = ((buffer << 8) | byte) >>> 0;
    bits += 8;
    while (bits >= width) {
      const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      if (code === 256) {
        reset();
        width = 9;
        previous = null;
        continue;
      }
      if (code === 257) return out.bytes();
      const start = out.length;
      if (code < 256) out.push(code);
      else if (code < table.length) {
        const [from, length] = table[code]!;
        out.copy(from, length);
      } else if (previous && code === table.length) {
        const [from, length] = previous;
        out.copy(from, length);
        out.push(out.at(from));
      } else return out.bytes(); // a code the table cannot hold: pdf.js stops there too
      const run: [number, number] = [start, out.length - start];
      if (previous && table.length < 4096) table.push([previous[0], previous[1] + 1]);
      previous = run;
      if (table.length + earlyChange >= 1 << width && width < 12) width += 1;
    }
  }
  return out.bytes();
}

/**
 * The stream's bytes after its filters, each step capped at `cap` bytes (TooLarge past
 * it). `earlyChange` is LZW's parameter (1 unless the stream says 0).
 */
export function decodeStream(
  data: Uint8Array,
  filters: readonly string[],
  cap: number,
  earlyChange = 1,
): Decoded {
  let bytes: Uint8Array | undefined = data;
  for (const filter of filters) {
    if (IMAGE_CODECS.has(filter)) return { image: true };
    if (filter === 'FlateDecode' || filter === 'Fl') bytes = flate(bytes, cap);
    else if (filter === 'LZWDecode' || filter === 'LZW') bytes = lzw(bytes, cap, earlyChange);
    else if (filter === 'RunLengthDecode' || filter === 'RL') bytes = runLength(bytes, cap);
    else if (filter === 'ASCIIHexDecode' || filter === 'AHx') bytes = asciiHex(bytes, cap);
    else if (filter === 'ASCII85Decode' || filter === 'A85') bytes = ascii85(bytes, cap);
    else return { unreadable: true }; // Crypt, or a name no reader knows
    if (!bytes) return { unreadable: true };
  }
  if (bytes.length > cap) throw new TooLarge();
  return { bytes };
}
