// Reading the search cache's bytes: varints and length-prefixed UTF-8 names, each checked
// against the end of the file (search-cache.ts holds the format).

export const utf8 = new TextDecoder('utf-8', { fatal: true });

export class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  /** One varint; most ids differ by less than 128, so one byte is the path to keep fast. */
  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos >= buf.length) throw new Error('the file ends in the middle of a list');
    let byte = buf[pos++]!;
    if (byte < 0x80) {
      this.pos = pos;
      return byte;
    }
    let n = byte & 0x7f;
    for (let shift = 7; ; shift += 7) {
      if (shift > 28) throw new Error('a number is too long');
      if (pos >= buf.length) throw new Error('the file ends in the middle of a list');
      byte = buf[pos++]!;
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    this.pos = pos;
    return n;
  }

  string(): string {
    const length = this.varint();
    if (this.pos + length > this.buf.length)
      throw new Error('a name runs past the end of the file');
    return utf8.decode(this.buf.subarray(this.pos, (this.pos += length)));
  }
}
