// Reading an entity's dossier (./dossier.ts computes it from what is read here): which
// documents it needs, what is known of them without reading (kept counts and layouts,
// ../mentions/count-store.ts and ./dossier-layout.ts), and the rest read, counted and kept:
// by the search workers when the host has them and there are many
// (../mentions/count-off-thread.ts), else on this thread a slice at a time.
import type { Dossier } from '../../shared/methods/entities';
import type { Document, Entity } from '../../shared/model';
import type { CoreContext } from '../context';
import { countMentions, knownByPattern } from '../mentions/count-mentions';
import { countOffThread } from '../mentions/count-off-thread';
import type { RecordCount } from '../mentions/count-records';
import { mentionCountsOf, type KeptCounts, type RecordStamp } from '../mentions/count-store';
import { entityMatcher, mentionCandidates, narrow, type BlockLookup } from '../mentions/mentions';
import { rawRecordTest } from '../mentions/raw-filter';
import type { DocumentMeta } from '../store/catalog';
import { dossier, placedFiles, type PlacedFile } from './dossier';
import { dossierLayoutsOf } from './dossier-layout';
import { keepDossier, keptDossier } from './dossier-memo';

/**
 * An entity's dossier, reading only what it needs. The documents that tag it (or an event
 * it is in): their highlights files alone where the store vouches for them and their
 * paragraphs and count are kept for their record as it is (./dossier-layout.ts), else whole.
 * Of those that may mention it (by the index) and whose count is not known yet, the text
 * alone, a slice at a time, counted and let go; the others are cited from the catalog with
 * the count kept for their text, in this session by its hash, across sessions in the
 * workspace's kept counts (../mentions/count-store.ts). Anything kept is used only while
 * the record file on disk is the one the catalog describes (its stamp): a text changed
 * behind the workbench's back is read and counted again.
 */
export async function dossierOf(ctx: CoreContext, id: string): Promise<Dossier> {
  const entity = await ctx.read((tx) => tx.entity(id));
  // Read after any command queued before this call is done (ctx.read waits for it).
  const changes = ctx.changes;
  const again = await keptDossier(ctx, id);
  if (again) return again;
  const { entities } = ctx.store.workspace;
  const { catalog } = ctx.store;
  const involved = entities.filter(
    (e) => e.id === id || e.placeId === id || (e.participants ?? []).some((p) => p.entityId === id),
  );
  const lookup = ctx.search.blockLookup();
  const candidates = mentionCandidates(entity, lookup);
  const counted: { document: DocumentMeta; mentions: number }[] = [];
  const tagging = ctx.tagging(involved.map((e) => e.id));
  const whole = new Set(tagging);
  const maybe: DocumentMeta[] = [];
  for (const docId of candidates ?? catalog.ids()) {
    const meta = whole.has(docId) ? undefined : catalog.get(docId)?.document;
    if (meta) maybe.push(meta);
  }
  const matcher = entityMatcher(entity);
  const pattern = matcher?.regex.source ?? '';
  const kept = await mentionCountsOf(ctx.store).load(pattern);
  const stamps = await ctx.store.vouchedRecords([...maybe.map((m) => m.id), ...tagging]);
  /** A count known without reading the text, in this session or kept. */
  const knownOf = (meta: DocumentMeta): number | undefined => {
    if (!matcher) return 0;
    const stamp = stamps.get(meta.id);
    // Neither kept count is trusted for a record the catalog does not describe any more.
    return (stamp && knownByPattern(meta, pattern)) ?? kept.known(meta.id, stamp, meta);
  };
  const toCount = new Map<string, DocumentMeta>();
  for (const meta of maybe) {
    const known = knownOf(meta);
    if (known === undefined) toCount.set(meta.id, meta);
    else if (known) counted.push({ document: meta, mentions: known });
  }
  let recorded = false;
  // Candidates whose record file's bytes cannot hold the name count none, unparsed (as in
  // find mentions), and that count is kept.
  const screen = matcher && rawRecordTest(matcher);
  const unread = [...catalog.ids()].filter((d) => toCount.has(d));
  const cannot = screen ? await ctx.store.screenRecords(unread, stamps, screen) : new Set<string>();
  for (const docId of cannot) {
    kept.record(docId, stamps.get(docId)!, toCount.get(docId)!, 0);
    recorded = true;
  }
  const order = unread.filter((d) => !cannot.has(d));
  const found = (docId: string, mentions: number): void => {
    const meta = toCount.get(docId);
    const stamp = stamps.get(docId);
    // The stamp was taken before the text was read: a text changed since is not the
    // one counted, and its file's stamp no longer matches the one kept with the count.
    if (meta && stamp) {
      kept.record(docId, stamp, meta, mentions);
      recorded = true;
    }
    const current = catalog.get(docId)?.document;
    if (current && mentions) counted.push({ document: current, mentions });
  };
  // The tagging documents whose count is not known: with many records to count, the
  // workers count and place them too, and only their highlights files are read here.
  const off = ctx.offThread;
  const many = off !== undefined && order.length + tagging.length >= off.minimum;
  const placing = new Set(
    many
      ? tagging.filter((d) => {
          const meta = catalog.get(d)?.document;
          return meta && stamps.has(d) && knownOf(meta) === undefined;
        })
      : [],
  );
  const elsewhere = many
    ? countElsewhere(ctx, [...order, ...placing], stamps, entity, lookup, placing)
    : Promise.resolve(new Map<string, RecordCount>());
  const countRest = async (): Promise<void> => {
    // What the workers do not count (damaged, changed, in memory) is read here after.
    const counts = await elsewhere;
    for (const docId of order) {
      const got = counts.get(docId);
      if (got) found(docId, got.count);
    }
    let batch: { document: Document }[] = [];
    const count = (): void => {
      const byText = countMentions(batch, entity, lookup);
      for (const { document } of batch) found(document.id, byText.get(document.id) ?? 0);
      batch = [];
    };
    for await (const document of ctx.store.streamRecords(order.filter((d) => !counts.has(d)))) {
      batch.push({ document });
      if (batch.length >= 64) count();
    }
    count();
  };
  const [files] = await Promise.all([
    taggingFiles(ctx, tagging, { entity, lookup, stamps, knownOf, kept, placing, elsewhere }),
    countRest(),
  ]);
  // Awaited (a few ms, only when something new was counted): the next dossier finds it.
  if (recorded || files.recorded)
    await mentionCountsOf(ctx.store).save(pattern, (d) => catalog.has(d));
  if (files.recorded) await dossierLayoutsOf(ctx.store).save((d) => catalog.has(d));
  const answer = dossier(files.files, entities, entity, counted);
  const looked = [...maybe.map((m) => m.id), ...tagging];
  keepDossier(ctx, { id, changes, looked, tagging }, stamps, answer);
  return answer;
}

/**
 * Counts of these records made by the search workers (../mentions/count-off-thread.ts),
 * and for those in `placing`, their highlights' places.
 */
function countElsewhere(
  ctx: CoreContext,
  ids: readonly string[],
  stamps: ReadonlyMap<string, RecordStamp>,
  entity: Entity,
  lookup: BlockLookup | undefined,
  placing: ReadonlySet<string>,
): Promise<ReadonlyMap<string, RecordCount>> {
  const worker = ctx.offThread!.worker;
  const where = lookup ? narrow(entity, lookup) : null;
  const { name, aliases } = entity;
  return ctx.store.countRecords(ids, stamps, (dir, records) =>
    countOffThread(worker, {
      dir,
      entity: { name, aliases },
      records: records.flatMap((r) => {
        if (!where) return [placing.has(r.id) ? { ...r, place: true } : r];
        const ranges = where(r.id);
        // A tagging document the index names no block of counts none, as countMentions
        // counts it; a candidate so is left to this thread.
        if (placing.has(r.id)) return [{ ...r, ranges: ranges ?? [], place: true }];
        return ranges ? [{ ...r, ranges }] : [];
      }),
    }),
  );
}

/**
 * The documents tagging the dossier's entities, in catalog order: from their highlights
 * files alone where the store vouches for them and their layout and count are kept for
 * their record as it is; the others read whole, and their layout and count kept.
 */
async function taggingFiles(
  ctx: CoreContext,
  tagging: readonly string[],
  how: {
    entity: Entity;
    lookup: BlockLookup | undefined;
    stamps: ReadonlyMap<string, RecordStamp>;
    knownOf: (meta: DocumentMeta) => number | undefined;
    kept: KeptCounts;
    /** Documents the workers count and place (`elsewhere`), else read whole here. */
    placing: ReadonlySet<string>;
    elsewhere: Promise<ReadonlyMap<string, RecordCount>>;
  },
): Promise<{ files: PlacedFile[]; recorded: boolean }> {
  const { catalog } = ctx.store;
  const layouts = dossierLayoutsOf(ctx.store);
  const light = tagging.filter((d) => {
    const meta = catalog.get(d)?.document;
    return meta && how.stamps.has(d) && how.knownOf(meta) !== undefined;
  });
  const { highlights, whole } = await ctx.store.highlightsOf([...light, ...how.placing]);
  const counted = await how.elsewhere;
  const byId = new Map<string, PlacedFile>();
  let recorded = false;
  for (const [docId, annotations] of highlights) {
    const meta = catalog.get(docId)?.document;
    const starts = annotations.map((a) => a.target.position.start);
    const got = how.placing.has(docId) ? counted.get(docId) : undefined;
    const stamp = how.stamps.get(docId);
    if (got?.places && meta && stamp) {
      const found = new Map(got.places);
      // Placed from the highlights file the worker read: only if it placed every start here.
      if (!starts.every((at) => found.has(at))) continue;
      how.kept.record(docId, stamp, meta, got.count);
      await layouts.keep(stamp, meta, got.places);
      recorded = true;
      byId.set(docId, {
        document: meta,
        annotations,
        place: (at) => found.get(at)!,
        mentions: got.count,
      });
      continue;
    }
    const mentions = meta && how.knownOf(meta);
    const places = meta && (await layouts.places(meta, how.stamps.get(docId), starts));
    if (!meta || mentions === undefined || !places) continue;
    byId.set(docId, { document: meta, annotations, place: (at) => places.get(at)!, mentions });
  }
  const read = [...whole.values()];
  const unread = tagging.filter((d) => !byId.has(d) && !whole.has(d));
  read.push(...(await ctx.files(unread)));
  const placed = placedFiles(read, how.entity, how.lookup);
  for (const [i, file] of placed.entries()) {
    const docId = file.document.id;
    byId.set(docId, file);
    const meta = catalog.get(docId)?.document;
    const stamp = how.stamps.get(docId);
    if (!meta || !stamp) continue;
    // Kept for the record as it was before it was read (see the counts above).
    how.kept.record(docId, stamp, meta, file.mentions);
    const source = read[i]!;
    await layouts.record(
      source,
      stamp,
      meta,
      source.annotations.map((a) => a.target.position.start),
    );
    recorded = true;
  }
  return { files: tagging.flatMap((d) => byId.get(d) ?? []), recorded };
}
