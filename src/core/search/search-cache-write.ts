// Writing the search index cache (the format is described in search-cache.ts): the units,
// then each word's lists as varint differences, in slices of a few milliseconds so a save
// or a search never waits long behind it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeFs, writeFileDurably } from '../store/durable';
import { CACHE_FOLDER } from '../store/layout';
import {
  cacheDigest,
  CACHE_VERSION,
  cachePath,
  HEADER,
  MAGIC,
  type CacheManifest,
  type CacheUnit,
} from './search-cache';
import type { Buckets } from './word-index';

/** How long the writer works before it lets other work in (a save, a search). */
const SLICE_MS = 30;

const encoder = new TextEncoder();

class Writer {
  buf = new Uint8Array(1 << 20);
  pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  string(s: string): void {
    const bytes = encoder.encode(s);
    this.varint(bytes.length);
    this.bytes(bytes);
  }

  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

/**
 * The cache file: the manifest, then each word's lists holding only ids `keep` accepts.
 * `pause` is awaited now and then, so a large index is written in slices; it returns false
 * when the index changed under the writer in a way the manifest cannot follow.
 */
export async function encodeCache(
  manifest: CacheManifest,
  postings: Iterable<[string, Buckets]>,
  keep: (id: number) => boolean,
  pause: () => Promise<boolean>,
): Promise<Uint8Array | undefined> {
  const w = new Writer();
  w.bytes(new Uint8Array(HEADER));
  const header = { probe: manifest.probe, nextId: manifest.nextId, units: manifest.units.length };
  const json = encoder.encode(JSON.stringify(header));
  const text = encoder;
  w.bytes(json);
  if (!(await writeUnits(w, manifest.units, pause))) return undefined;
  if (!(await pause())) return undefined;
  let words = 0;
  let slice = performance.now();
  const scratch = new Writer();
  for (const [word, buckets] of postings) {
    const lists = buckets.map((list) => list?.filter(keep));
    let mask = 0;
    lists.forEach((list, score) => {
      if (list?.length) mask |= 1 << score;
    });
    if (!mask) continue;
    const bytes = text.encode(word);
    w.varint(bytes.length);
    w.bytes(bytes);
    w.varint(mask);
    // The lists go through `scratch` first, so their length can lead them: a reader
    // skips a word's lists without reading them.
    scratch.pos = 0;
    for (const list of lists) {
      if (!list?.length) continue;
      scratch.varint(list.length);
      let last = 0;
      for (const id of list) {
        scratch.varint(id - last);
        last = id;
      }
    }
    w.varint(scratch.pos);
    w.bytes(scratch.buf.subarray(0, scratch.pos));
    // A slice ends by time, not by words: one word ("the") can hold millions of ids.
    if (++words % 256 === 0 && performance.now() - slice > SLICE_MS) {
      if (!(await pause())) return undefined;
      slice = performance.now();
    }
  }
  w.varint(0);
  if (!(await pause())) return undefined;
  const out = w.buf.subarray(0, w.pos);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, MAGIC);
  view.setUint32(4, CACHE_VERSION);
  view.setUint32(8, json.length);
  out.set(await cacheDigest(out), 12);
  return out;
}

/** The units, after the JSON header: what the opener adopts without reading documents. */
/** The units, in slices (60,000 at 20,000 documents); false when `pause` says stop. */
async function writeUnits(
  w: Writer,
  units: readonly CacheUnit[],
  pause: () => Promise<boolean>,
): Promise<boolean> {
  let slice = performance.now();
  let count = 0;
  for (const unit of units) {
    if (++count % 256 === 0 && performance.now() - slice > SLICE_MS) {
      if (!(await pause())) return false;
      slice = performance.now();
    }
    w.string(unit.key);
    w.string(unit.hash);
    w.varint(unit.ids.length);
    for (const id of unit.ids) w.varint(id);
    // A body never read since the cache was: its bytes as they were (unit-body.ts).
    if (unit.body) w.bytes(unit.body.buf.subarray(unit.body.at, unit.body.end));
    else if (unit.key.startsWith('d:')) {
      const blocks = unit.blocks ?? [];
      for (const n of blocks) w.varint(n);
    } else if (unit.key.startsWith('h:')) {
      for (const h of unit.highlights ?? []) {
        w.string(h.id);
        w.varint(h.start);
        w.varint(h.end);
        w.string(h.kind);
        w.varint(h.entityIds.length);
        for (const e of h.entityIds) w.string(e);
      }
    }
  }
  return true;
}

/** Writes the cache in place of the old one (temp file and rename, like every file). */
export async function writeCache(dir: string, bytes: Uint8Array): Promise<void> {
  // Folder by folder, never the workspace itself: a workspace moved or deleted while open
  // must not be brought back as a folder holding only a cache.
  let at = dir;
  for (const part of CACHE_FOLDER.split('/')) {
    at = join(at, part);
    await mkdir(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  await writeFileDurably(nodeFs, cachePath(dir), bytes);
}
