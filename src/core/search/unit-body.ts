// A saved unit's blocks or highlights, stepped over when the cache is read and read only when
// their document is first asked for. At 20,000 documents they are 1.2 million block offsets
// and 200,000 highlights with their ids, kinds and entities: reading them all into objects
// took about half of the warm open's time to full search, for documents a session mostly
// never touches. Stepping over still checks their shape (every number well formed, every
// name inside the file and valid UTF-8), so a cache that reads back is refused or taken
// whole at open, as before; reading a body later cannot fail.
import { isUtf8 } from 'node:buffer';
import { Reader } from './cache-reader';
import type { CacheUnit, UnitBody } from './search-cache';

function skipName(r: Reader): void {
  const length = r.varint();
  if (r.pos + length > r.buf.length) throw new Error('a name runs past the end of the file');
  if (!isUtf8(r.buf.subarray(r.pos, r.pos + length))) throw new Error('a name is not UTF-8');
  r.pos += length;
}

/** Steps over a `d:` unit's block offsets or an `h:` unit's highlights (`n` ids). */
export function skipBody(r: Reader, kind: string, n: number): UnitBody {
  const at = r.pos;
  if (kind === 'd') {
    for (let i = Math.max(0, n - 1) * 2; i > 0; i--) r.varint();
  } else {
    for (let i = 0; i < n; i++) {
      skipName(r);
      r.varint();
      r.varint();
      skipName(r);
      for (let k = r.varint(); k > 0; k--) skipName(r);
    }
  }
  return { buf: r.buf, at, end: r.pos };
}

/** The unit with its blocks or highlights read from the cache's bytes (once, then kept). */
export function withBody(unit: CacheUnit): CacheUnit {
  const body = unit.body;
  if (!body) return unit;
  const r = new Reader(body.buf, body.at);
  if (unit.key.startsWith('d:')) {
    const blocks = new Array<number>(Math.max(0, unit.ids.length - 1) * 2);
    for (let i = 0; i < blocks.length; i++) blocks[i] = r.varint();
    unit.blocks = blocks;
  } else {
    unit.highlights = unit.ids.map(() => ({
      id: r.string(),
      start: r.varint(),
      end: r.varint(),
      kind: r.string(),
      entityIds: Array.from({ length: r.varint() }, () => r.string()),
    }));
  }
  delete unit.body;
  return unit;
}
