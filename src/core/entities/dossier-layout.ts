// Where a document's highlights sit among its paragraphs, kept between sessions: the dossier
// cites each passage by paragraph and counts paragraphs shared with other entities, and at
// 20,000 documents reading the ~650 tagged documents' texts for that was most of what was
// left of its second. A document's layout is the paragraph each highlight start falls in
// (as cited, ../export/locate.ts, and as a co-occurrence unit, ../export/snapshot.ts),
// computed from its record (text, blocks, title) when it is read, and kept with what that
// record was: its file's size and time, revision and text hash. It is used only while the
// record file is still that one (DocumentReads.vouchedRecords) and it holds every start
// asked for; the highlights then come from the highlights file read alone, where the
// store vouches for it (../store/highlights-only.ts). Anything else is read whole.
import { join } from 'node:path';
import { z } from 'zod';
import type { DocumentFile } from '../../shared/model';
import { citeLocation } from '../export/locate';
import { paragraphNumber } from '../export/snapshot';
import {
  COUNTS_FOLDER,
  keptPerStore,
  readKept,
  writeKept,
  type RecordStamp,
} from '../mentions/count-store';
import type { DocumentMeta } from '../store/catalog';

const VERSION = 1;
const FILE = 'layouts.json';

/** A highlight start's [paragraph as cited, 0 when it is not in a paragraph; paragraph unit]. */
const Place = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Place = z.infer<typeof Place>;
/** [record size, record time, revision, text hash or '', start → place]. */
const Layout = z.tuple([
  z.number(),
  z.number(),
  z.number().int(),
  z.string(),
  z.record(z.string(), Place),
]);
type Layout = z.infer<typeof Layout>;
const LayoutsFile = z.strictObject({
  version: z.literal(VERSION),
  layouts: z.record(z.string(), Layout),
});

/** The place of an offset in a document read whole. */
export function placeIn(document: DocumentFile['document'], start: number): Place {
  const where = citeLocation(document, start);
  return [
    where?.kind === 'paragraph' ? where.paragraph : 0,
    paragraphNumber(document.blocks, start),
  ];
}

export class DossierLayouts {
  private layouts: Map<string, Layout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly writable: () => boolean,
  ) {}

  private get file(): string {
    return join(this.dir, COUNTS_FOLDER, FILE);
  }

  private async load(): Promise<Map<string, Layout>> {
    if (!this.layouts) {
      const kept = await readKept(this.file, LayoutsFile);
      this.layouts = new Map(kept ? Object.entries(kept.layouts) : []);
    }
    return this.layouts;
  }

  /**
   * The places of these starts in the document, when its layout was kept for the record
   * file as it is now (`stamp`, undefined when the store cannot vouch for it) and holds
   * every one of them; otherwise undefined (read the document whole).
   */
  async places(
    meta: DocumentMeta,
    stamp: RecordStamp | undefined,
    starts: readonly number[],
  ): Promise<Map<number, Place> | undefined> {
    const layout = (await this.load()).get(meta.id);
    if (!layout || !stamp) return undefined;
    const [size, time, revision, hash, places] = layout;
    if (size !== stamp[0] || time !== stamp[1] || revision !== meta.revision) return undefined;
    if (hash !== (meta.textHash ?? '')) return undefined;
    const out = new Map<number, Place>();
    for (const start of starts) {
      const place = places[String(start)];
      if (!place) return undefined;
      out.set(start, place);
    }
    return out;
  }

  /** Keeps the places of these starts in a document read while its record had `stamp`. */
  async record(
    file: DocumentFile,
    stamp: RecordStamp,
    meta: DocumentMeta,
    starts: readonly number[],
  ): Promise<void> {
    await this.keep(
      stamp,
      meta,
      starts.map((start) => [start, placeIn(file.document, start)]),
    );
  }

  /** Keeps places found in a record read while it had `stamp` (by a worker, say). */
  async keep(
    stamp: RecordStamp,
    meta: DocumentMeta,
    found: readonly (readonly [number, Place])[],
  ): Promise<void> {
    const places: Record<string, Place> = {};
    for (const [start, place] of found) places[String(start)] = place;
    (await this.load()).set(meta.id, [
      stamp[0],
      stamp[1],
      meta.revision,
      meta.textHash ?? '',
      places,
    ]);
  }

  /** Writes the layouts, without documents no longer in the workspace. */
  save(alive: (id: string) => boolean): Promise<void> {
    this.writing = this.writing.then(async () => {
      const layouts = this.layouts;
      if (!layouts || !this.writable()) return;
      for (const id of layouts.keys()) if (!alive(id)) layouts.delete(id);
      await writeKept(this.file, { version: VERSION, layouts: Object.fromEntries(layouts) });
    });
    return this.writing;
  }
}

/** The open store's kept layouts. */
export const dossierLayoutsOf = keptPerStore((dir, writable) => new DossierLayouts(dir, writable));
