// The search index saved beside the workspace (`.cache/search/index.bin`), so that opening
// loads it instead of indexing every text again. It is only a cache: it is read back only
// when its magic, version, checksum, folding probe and every list check out; anything
// else is ignored and written anew, and deleting it loses nothing. The form is our own:
// FlexSearch's JSON export was larger than the workspace, while here each word's lists are
// ids as differences in varints. Each unit (a document's details and blocks, a document's
// highlights, an entity, a note) is saved with its ids, a hash saying what it was built
// from (for a document or its highlights, the file's SHA-256 as the custody log records
// it) and what its entries need besides their texts (block offsets; each highlight's
// range, kind and entities), so a unit whose file is unchanged is taken over without
// reading the document. The writer (encoding and the file) is in search-cache-write.ts.
import { createHash, webcrypto } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { searchTokens } from '../../shared/text';
import { CACHE_FOLDER } from '../store/layout';
import { sliceClock } from '../time-slices';
import { Reader, utf8 } from './cache-reader';
import { skipBody } from './unit-body';
import type { Buckets } from './word-index';

const FILE = 'index.bin';
export const MAGIC = 0x52575349; // "RWSI"
/** Bump when the entries' texts or this layout change. */
export const CACHE_VERSION = 3;
/** FlexSearch's scores per word (its default resolution). */
const SCORES = 9;
/** Folded at write and at read: a change to folding makes every older cache stale. */
const PROBE =
  "The U.S. court's 5,000 Résumé NAÏVE İstanbul straße كتاب يكي کتاب یکی‌ها الْعَرَبِيَّة ۱۲۳ ١٢٣";
export const HEADER = 32;

const Header = z.strictObject({
  probe: z.array(z.string()),
  nextId: z.number().int().positive(),
  units: z.number().int().nonnegative(),
});

/** A highlight's entry as saved: what a filter and a hit need without reading its document. */
export interface SavedHighlight {
  id: string;
  start: number;
  end: number;
  kind: string;
  entityIds: string[];
}

/**
 * One unit: `d:<document>` (ids: its details entry, then each block's, with `blocks` the
 * blocks' [start, end) pairs), `h:<document>` (each highlight's id, with `highlights`),
 * `e:<entity>` or `n:<note>` (one id; the entry is cut from workspace.json again).
 */
export interface CacheUnit {
  key: string;
  hash: string;
  ids: number[];
  blocks?: number[];
  highlights?: SavedHighlight[];
  /** Where `blocks` or `highlights` lie in the cache's bytes, not read yet (unit-body.ts). */
  body?: UnitBody;
}

/** A unit's blocks or highlights as bytes of the cache file, from `at` to `end`. */
export interface UnitBody {
  buf: Uint8Array;
  at: number;
  end: number;
}

export interface CacheManifest {
  probe: string[];
  nextId: number;
  units: CacheUnit[];
}

export interface IndexCache {
  manifest: CacheManifest;
  postings: PostingSource;
}

/**
 * A cache's words, each with its lists read only when first taken: opening a large
 * workspace reads its words and where their lists lie, not millions of ids it may never
 * search for.
 */
export interface PostingSource {
  words(): Iterable<string>;
  /** The word's lists (once: the caller keeps them); throws if they are malformed. */
  take(word: string): Buckets | undefined;
}

export const cachePath = (dir: string): string => join(dir, CACHE_FOLDER, FILE);

/** What the entries of one unit index: a change to any of their texts changes it. */
export function unitHash(texts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('base64');
}

export const probeTokens = (): string[] => searchTokens(PROBE);

const noPause = (): Promise<void> => Promise.resolve();

/**
 * A cache's checksum (SHA-1 of everything after the header), computed off this thread:
 * WebCrypto's digest runs on the thread pool, where hashing 150 MB here held the thread
 * about a quarter of a second, even in slices.
 */
export async function cacheDigest(buf: Uint8Array): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-1', buf.subarray(HEADER)));
}

/**
 * The units section: each unit checked (ids below nextId and never twice) as it is read,
 * giving the thread back every 8 ms (60,000 units and 800,000 ids at 20,000 documents).
 */
async function readUnits(
  r: Reader,
  count: number,
  nextId: number,
  pause: () => Promise<void>,
): Promise<CacheUnit[]> {
  const units: CacheUnit[] = [];
  const seen = new Uint8Array(nextId);
  // A slice ends by time: a unit may hold one entity or a document's thousand highlights.
  const due = sliceClock();
  for (let u = 0; u < count; u++) {
    if ((u & 127) === 127 && due()) await pause();
    const key = r.string();
    const hash = r.string();
    const n = r.varint();
    const ids = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const id = r.varint();
      if (id === 0 || id >= nextId || seen[id]) throw new Error(`entry id ${id} is invalid`);
      seen[id] = 1;
      ids[i] = id;
    }
    const unit: CacheUnit = { key, hash, ids };
    // A document's block offsets and highlights are stepped over, their shape checked, and
    // read when the document is first asked for (unit-body.ts): most never are in a session.
    if (key.startsWith('d:') || key.startsWith('h:')) unit.body = skipBody(r, key[0]!, n);
    else if (!/^[en]:/.test(key) || n !== 1) throw new Error(`unit "${key}" is not one this reads`);
    units.push(unit);
  }
  return units;
}

/**
 * The checks that need no list to be read: header, version, checksum, folding, ids; in
 * slices (the checksum of a 150 MB cache and its units took the open's thread 2 s at once).
 * The units are read, each as strictly as if the checksum had matched, while the checksum
 * is computed off this thread; nothing read is returned unless it matches.
 */
async function checkedManifest(
  buf: Uint8Array,
  pause: () => Promise<void>,
  digest?: Promise<Buffer>,
): Promise<{ manifest: CacheManifest; jsonEnd: number }> {
  if (buf.length < HEADER) throw new Error('the file is shorter than its header');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(0) !== MAGIC) throw new Error('not a search index cache');
  const version = view.getUint32(4);
  if (version !== CACHE_VERSION) throw new Error(`version ${version}, expected ${CACHE_VERSION}`);
  const sum = digest ?? cacheDigest(buf);
  // Settled here, and judged once the units are read (or their reading failed first).
  sum.catch(() => undefined);
  const matches = async (): Promise<void> => {
    if (!(await sum).equals(buf.subarray(12, 32))) throw new Error('the checksum does not match');
  };
  let read: { manifest: CacheManifest; jsonEnd: number };
  try {
    const jsonEnd = HEADER + view.getUint32(8);
    if (jsonEnd > buf.length) throw new Error('the manifest runs past the end of the file');
    const header = Header.parse(JSON.parse(utf8.decode(buf.subarray(HEADER, jsonEnd))));
    if (header.probe.join(' ') !== probeTokens().join(' '))
      throw new Error('it was folded by another version of the search');
    const r = new Reader(buf, jsonEnd);
    const units = await readUnits(r, header.units, header.nextId, pause);
    read = { manifest: { probe: header.probe, nextId: header.nextId, units }, jsonEnd: r.pos };
  } catch (error) {
    // A file damaged anywhere is reported as what it is: one whose checksum does not match.
    await matches();
    throw error;
  }
  await matches();
  return read;
}

/**
 * Whether a cache file can be read back: throws why not, without reading its lists.
 * Returns what `decodeCache` needs so as not to check it all again.
 */
export function checkCache(
  buf: Uint8Array,
  pause: () => Promise<void> = noPause,
  /** The checksum of what follows the header, when taken already (`cache-read.ts`). */
  digest?: Promise<Buffer>,
): Promise<CheckedCache> {
  return checkedManifest(buf, pause, digest);
}

/** Where the lists of an encoded cache begin (after its header and manifest). */
export const listsStart = (buf: Uint8Array): number =>
  HEADER + new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(8);

/**
 * The manifest of a cache this program has just encoded in this process (an index
 * worker's part): read back without the checks a file from disk needs.
 */
export async function ownManifest(
  buf: Uint8Array,
  pause: () => Promise<void> = noPause,
): Promise<CheckedCache> {
  const start = listsStart(buf);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(HEADER, start))) as z.output<
    typeof Header
  >;
  const r = new Reader(buf, start);
  const units = await readUnits(r, header.units, header.nextId, pause);
  return { manifest: { probe: header.probe, nextId: header.nextId, units }, jsonEnd: r.pos };
}

/** A cache's manifest, checked, and where its lists begin (`jsonEnd`: after the units). */
export interface CheckedCache {
  manifest: CacheManifest;
  jsonEnd: number;
}

/**
 * Reads a cache file back, or throws why it cannot be used. `pause` is awaited every few
 * thousand words, so a large cache is read in slices; `offset` is added to every id (to
 * join caches built in parts, see `joinCaches`). `checked` is what `checkCache` answered
 * for these very bytes, when it was asked.
 */
export async function decodeCache(
  buf: Uint8Array,
  {
    pause = noPause,
    offset = 0,
    checked,
  }: { pause?: () => Promise<void>; offset?: number; checked?: CheckedCache } = {},
): Promise<IndexCache> {
  const { manifest, jsonEnd } = checked ?? (await checkedManifest(buf, pause));
  const r = new Reader(buf, jsonEnd);
  /** Each word: its score mask and where its lists begin and end. */
  const spans = new Map<string, [mask: number, start: number, end: number]>();
  for (let words = 1; ; words++) {
    const length = r.varint();
    if (length === 0) break;
    if (r.pos + length > buf.length) throw new Error('a word runs past the end of the file');
    const word = utf8.decode(buf.subarray(r.pos, (r.pos += length)));
    const mask = r.varint();
    if (mask === 0 || mask >= 1 << SCORES) throw new Error(`word "${word}" has no lists`);
    const size = r.varint();
    if (r.pos + size > buf.length) throw new Error(`the lists of "${word}" run past the end`);
    if (spans.has(word)) throw new Error(`word "${word}" comes twice`);
    spans.set(word, [mask, r.pos, (r.pos += size)]);
    if (words % 20000 === 0) await pause();
  }
  if (r.pos !== buf.length) throw new Error('there are bytes after the last word');
  const take = (word: string): Buckets | undefined => {
    const span = spans.get(word);
    if (!span) return undefined;
    spans.delete(word);
    const [mask, start, end] = span;
    const lists = new Reader(buf.subarray(0, end), start);
    const buckets: Buckets = [];
    for (let score = 0; score < SCORES; score++) {
      if (!(mask & (1 << score))) continue;
      const count = lists.varint();
      const list = new Array<number>(count);
      let id = 0;
      for (let i = 0; i < count; i++) {
        const step = lists.varint();
        // Lists must rise: the search finds ids in them by bisection.
        if (step === 0) throw new Error(`word "${word}" has a list out of order`);
        id += step;
        list[i] = id + offset;
      }
      if (id >= manifest.nextId) throw new Error(`word "${word}" holds an unknown id`);
      buckets[score] = list;
    }
    if (lists.pos !== end) throw new Error(`the lists of "${word}" do not fill their space`);
    return buckets;
  };
  const postings: PostingSource = { words: () => spans.keys(), take };
  if (!offset) return { manifest, postings };
  const units = manifest.units.map((u) => ({ ...u, ids: u.ids.map((id) => id + offset) }));
  return { manifest: { ...manifest, units, nextId: manifest.nextId + offset }, postings };
}

/**
 * Caches built in parts (by the index workers), read back with offsets that keep their
 * ids apart and rising from part to part, joined into one: a word's lists, when taken,
 * are the parts' lists one after the other, so they still rise.
 */
export function joinCaches(parts: readonly IndexCache[]): IndexCache {
  const [first] = parts;
  if (!first) throw new Error('no cache to join');
  const units: CacheUnit[] = [];
  let nextId = 1;
  for (const part of parts) {
    units.push(...part.manifest.units);
    nextId = Math.max(nextId, part.manifest.nextId);
  }
  // The words not yet taken, of every part: asked for rarely (sorting the vocabulary,
  // saving), so gathered then rather than at open.
  const words = (): Set<string> => new Set(parts.flatMap((part) => [...part.postings.words()]));
  const take = (word: string): Buckets | undefined => {
    let joined: Buckets | undefined;
    for (const part of parts) {
      const buckets = part.postings.take(word);
      if (!buckets) continue;
      if (!joined) joined = buckets;
      else
        buckets.forEach((list, score) => {
          const before = joined![score];
          if (list) joined![score] = before ? before.concat(list) : list;
        });
    }
    return joined;
  };
  return { manifest: { ...first.manifest, units, nextId }, postings: { words, take } };
}
