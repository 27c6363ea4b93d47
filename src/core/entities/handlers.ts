// entities.*: the entities kept in workspace.json, merged and split (./merge.ts), those a
// new name may duplicate (./similar.ts), and an entity's dossier. Deleting an entity that highlights use must be confirmed with the
// number of highlights it untags; the count is checked in the same command that deletes,
// so it cannot go stale between.
import type { EntityWithUsage, NamespaceHandlers } from '../../shared/api';
import type { Dossier } from '../../shared/methods/entities';
import { countMentions, knownByPattern } from '../mentions/count-mentions';
import { entityMatcher, mentionCandidates, narrow, type BlockLookup } from '../mentions/mentions';
import { countOffThread } from '../mentions/count-off-thread';
import { rawRecordTest } from '../mentions/raw-filter';
import { mentionCountsOf, type KeptCounts, type RecordStamp } from '../mentions/count-store';
import type { DocumentMeta } from '../store/catalog';
import { dossier, placedFiles, type PlacedFile } from './dossier';
import { dossierLayoutsOf } from './dossier-layout';
import { similarEntities } from './similar';
import { mergeHandlers } from './merge';
import { Entity, type Document } from '../../shared/model';
import { inSchemaOrder } from '../../shared/record-order';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../../shared/errors';
import { plural } from '../../shared/text';
import type { Tx } from '../store/tx';
import { rewriteEntityRefs } from './entity-refs';
import { requireEntities } from '../annotations/handlers';

const cleanAliases = (aliases: readonly string[], name: string): string[] =>
  [...new Set(aliases.map((a) => a.trim()))].filter((a) => a && a !== name);

function requireName(tx: Tx, name: string, exceptId?: string): void {
  const clash = tx.entities.find(
    (e) => e.id !== exceptId && e.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  if (!clash) return;
  // A rename onto another entity's name is a CONFLICT: the UI offers to merge the two.
  if (exceptId)
    throw new WorkbenchError(
      'CONFLICT',
      `An entity named "${clash.name}" already exists (${clash.id}): merge them instead?`,
    );
  throw new WorkbenchError('INVALID_INPUT', `An entity named "${clash.name}" already exists.`);
}

type EventPatch = Pick<Entity, 'date' | 'placeId' | 'participants'>;

/** An event's place and participants must be other entities of this workspace. */
function eventFields(
  tx: Tx,
  id: string,
  current: Entity,
  patch: {
    date?: Entity['date'] | null;
    placeId?: string | null;
    participants?: Entity['participants'];
  },
): EventPatch {
  const date = patch.date === undefined ? current.date : (patch.date ?? undefined);
  const placeId = patch.placeId === undefined ? current.placeId : (patch.placeId ?? undefined);
  const participants = patch.participants ?? current.participants;
  const refs = [...(placeId ? [placeId] : []), ...(participants ?? []).map((p) => p.entityId)];
  if (refs.includes(id))
    throw new WorkbenchError('INVALID_INPUT', 'An event cannot be its own place or participant.');
  requireEntities(tx, refs);
  return {
    ...(date ? { date } : {}),
    ...(placeId ? { placeId } : {}),
    ...(participants?.length ? { participants } : {}),
  };
}

/** Every entity with the number of highlights tagged to it, by name. */
function withUsage(ctx: CoreContext): EntityWithUsage[] {
  const counts = ctx.tags.usage();
  const list = ctx.store.state.workspace.entities.map((e) => ({
    ...e,
    usage: counts.get(e.id) ?? 0,
  }));
  list.sort((a, b) => a.name.localeCompare(b.name));
  return list;
}

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
  const countRest = async (): Promise<void> => {
    // Many records are counted by workers, side by side with the tagging documents read
    // here; what they do not count (damaged, changed, in memory) is read here after.
    const elsewhere = await countElsewhere(ctx, order, stamps, entity, lookup);
    for (const [docId, mentions] of elsewhere) found(docId, mentions);
    let batch: { document: Document }[] = [];
    const count = (): void => {
      const counts = countMentions(batch, entity, lookup);
      for (const { document } of batch) found(document.id, counts.get(document.id) ?? 0);
      batch = [];
    };
    for await (const document of ctx.store.streamRecords(order.filter((d) => !elsewhere.has(d)))) {
      batch.push({ document });
      if (batch.length >= 64) count();
    }
    count();
  };
  const [files] = await Promise.all([
    taggingFiles(ctx, tagging, { entity, lookup, stamps, knownOf, kept }),
    countRest(),
  ]);
  // Awaited (a few ms, only when something new was counted): the next dossier finds it.
  if (recorded || files.recorded)
    await mentionCountsOf(ctx.store).save(pattern, (d) => catalog.has(d));
  if (files.recorded) await dossierLayoutsOf(ctx.store).save((d) => catalog.has(d));
  return dossier(files.files, entities, entity, counted);
}

/**
 * Counts of these records made by the search workers (../mentions/count-off-thread.ts),
 * when the host has them and the records are many enough; empty otherwise.
 */
async function countElsewhere(
  ctx: CoreContext,
  ids: readonly string[],
  stamps: ReadonlyMap<string, RecordStamp>,
  entity: Entity,
  lookup: BlockLookup | undefined,
): Promise<ReadonlyMap<string, number>> {
  const off = ctx.offThread;
  if (!off || ids.length < off.minimum) return new Map();
  const where = lookup ? narrow(entity, lookup) : null;
  const { name, aliases } = entity;
  return ctx.store.countRecords(ids, stamps, (dir, records) =>
    countOffThread(off.worker, {
      dir,
      entity: { name, aliases },
      // One the index names no block of is left to this thread, as countMentions counts it.
      records: records.flatMap((r) => {
        if (!where) return [r];
        const ranges = where(r.id);
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
  },
): Promise<{ files: PlacedFile[]; recorded: boolean }> {
  const { catalog } = ctx.store;
  const layouts = dossierLayoutsOf(ctx.store);
  const light = tagging.filter((d) => {
    const meta = catalog.get(d)?.document;
    return meta && how.stamps.has(d) && how.knownOf(meta) !== undefined;
  });
  const { highlights, whole } = await ctx.store.highlightsOf(light);
  const byId = new Map<string, PlacedFile>();
  for (const [docId, annotations] of highlights) {
    const meta = catalog.get(docId)?.document;
    const mentions = meta && how.knownOf(meta);
    const starts = annotations.map((a) => a.target.position.start);
    const places = meta && (await layouts.places(meta, how.stamps.get(docId), starts));
    if (!meta || mentions === undefined || !places) continue;
    byId.set(docId, { document: meta, annotations, place: (at) => places.get(at)!, mentions });
  }
  const read = [...whole.values()];
  const unread = tagging.filter((d) => !byId.has(d) && !whole.has(d));
  read.push(...(await ctx.files(unread)));
  const placed = placedFiles(read, how.entity, how.lookup);
  let recorded = false;
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

export function entitiesHandlers(ctx: CoreContext): NamespaceHandlers<'entities'> {
  return {
    ...mergeHandlers(ctx),
    'entities.dossier': ({ id }) => dossierOf(ctx, id),
    'entities.list': () => Promise.resolve(withUsage(ctx)),

    'entities.similar': (input) => Promise.resolve(similarEntities(withUsage(ctx), input)),

    'entities.create': (input) =>
      ctx.command('Create entity', (tx) => {
        requireName(tx, input.name);
        const entity: Entity = {
          id: ctx.newId('ent'),
          name: input.name,
          type: input.type.toLowerCase(),
          aliases: cleanAliases(input.aliases, input.name),
          description: input.description,
          ...(input.externalId ? { externalId: input.externalId } : {}),
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        tx.setEntity(entity.id, entity);
        return entity;
      }),

    'entities.update': ({ id, patch }) =>
      ctx.command('Edit entity', (tx) => {
        const current = tx.entity(id);
        if (patch.name !== undefined) requireName(tx, patch.name, id);
        const name = patch.name ?? current.name;
        const { externalId: _old, date: _d, placeId: _p, participants: _ps, ...rest } = current;
        const externalId =
          patch.externalId !== undefined ? patch.externalId || undefined : current.externalId;
        const updated: Entity = inSchemaOrder(Entity, {
          ...rest,
          name,
          type: patch.type !== undefined ? patch.type.toLowerCase() : current.type,
          description: patch.description ?? current.description,
          aliases:
            patch.aliases !== undefined || patch.name !== undefined
              ? cleanAliases(patch.aliases ?? current.aliases, name)
              : current.aliases,
          ...(externalId ? { externalId } : {}),
          ...eventFields(tx, id, current, patch),
          updatedAt: tx.now,
        });
        tx.setEntity(id, updated);
        return updated;
      }),

    'entities.delete': ({ id, confirmUsage }) =>
      ctx.commandOverCatalog('Delete entity', (tx) => {
        const entity = tx.entity(id);
        const within = ctx.tags.documentsTagging([id]);
        const tagged = tx
          .highlightsOf(within)
          .flatMap(({ annotations }) => annotations.filter((a) => a.entityIds.includes(id)));
        if (tagged.length !== confirmUsage) {
          throw new WorkbenchError(
            'IN_USE',
            `"${entity.name}" is tagged on ${plural(tagged.length, 'highlight')}; confirm deleting it with that number.`,
          );
        }
        // Untagging, unlinking and deleting are one command: all of it lands, or none of it.
        rewriteEntityRefs(tx, new Set([id]), within);
        tx.setEntity(id, undefined);
        return { id, untagged: tagged.length };
      }),
  };
}
