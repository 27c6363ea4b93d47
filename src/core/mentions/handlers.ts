// Find mentions and accept them: the finder reads the current state; accepting re-finds the
// mentions inside the command, so only a real, current mention of the entity's names can
// become a highlight, and all the accepted ones land as one undoable step.
import type { NamespaceHandlers } from '../../shared/api';
import { describeRange } from '../../shared/anchoring';
import type { Annotation, Document, Entity } from '../../shared/model';
import type {
  AcceptedAllMentions,
  AcceptedMentions,
  Mention,
  MentionExtent,
} from '../../shared/methods/mentions';
import { sentenceAround } from '../../shared/text-units';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../../shared/errors';
import { findAllMentions } from './all-mentions';
import { countMentions } from './count-mentions';
import { mentionCountsOf } from './count-store';
import { entityMatcher, findMentions, mentionCandidates, mentionsIn } from './mentions';
import { rawRecordTest } from './raw-filter';
import type { Tx } from '../store/tx';

type Ref = { documentId: string; start: number; end: number };
const key = (r: Ref): string => `${r.documentId}:${r.start}:${r.end}`;

/**
 * Tags each mention: the highlight covering it gains the tag; else its passage (the
 * sentence, or the name alone) is tagged, by the highlight already on exactly that passage
 * or a new one. Two mentions in one sentence make one highlight.
 */
function accept(
  tx: Tx,
  newId: (prefix: string) => string,
  entity: Entity,
  refs: readonly Ref[],
  extent: MentionExtent,
): AcceptedMentions {
  const matcher = entityMatcher(entity);
  const wanted = new Map(refs.map((r) => [key(r), r]));
  const documentIds = new Set(refs.map((r) => r.documentId));
  const found = new Map<string, Mention>();
  for (const file of tx.documentsOf(documentIds)) {
    if (!matcher) break;
    for (const m of mentionsIn(file, entity.id, matcher)) found.set(key(m), m);
  }
  const result = { mentions: 0, created: 0, tagged: 0 };
  const tag = (documentId: string, annotation: Annotation, isNew: boolean): void => {
    tx.setAnnotation(documentId, annotation.id, {
      ...annotation,
      entityIds: [...annotation.entityIds, entity.id],
      updatedAt: tx.now,
    });
    if (isNew) result.created++;
    else result.tagged++;
  };
  for (const [k, ref] of wanted) {
    const m = found.get(k);
    if (!m) {
      throw new WorkbenchError(
        'INVALID_INPUT',
        `No mention of "${entity.name}" at ${ref.start}–${ref.end} in document "${ref.documentId}".`,
      );
    }
    if (m.tagged) continue;
    result.mentions++;
    const file = tx.document(m.documentId);
    const existing = m.highlightId
      ? file.annotations.find((a) => a.id === m.highlightId)
      : undefined;
    if (existing) {
      // One highlight may cover two accepted mentions: it is tagged once.
      if (!existing.entityIds.includes(entity.id)) tag(m.documentId, existing, false);
      continue;
    }
    const { document } = file;
    const span =
      extent === 'sentence'
        ? sentenceAround(document.text, document.blocks, m.start, m.end, document.source.language)
        : { start: m.start, end: m.end };
    // The command's own writes are read back: a sentence made for one mention is found
    // for the next mention in it.
    const same = tx
      .document(document.id)
      .annotations.find(
        (a) =>
          a.status !== 'orphaned' &&
          a.target.position.start === span.start &&
          a.target.position.end === span.end,
      );
    if (same) {
      if (!same.entityIds.includes(entity.id)) tag(document.id, same, false);
      continue;
    }
    const annotation: Annotation = {
      id: newId('ann'),
      documentId: document.id,
      target: describeRange(document.text, span.start, span.end),
      entityIds: [],
      tags: [],
      kind: 'quote',
      note: '',
      status: 'anchored',
      anchoredRevision: document.revision,
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    tag(document.id, annotation, true);
  }
  return result;
}

type EntityRef = Ref & { entityId: string };

/**
 * Accepts mentions of several entities as one step. Two chosen mentions of different
 * entities that overlap are refused: find-all never offers them, and one passage made
 * into two highlights tagged apart is not what a user choosing from its list meant.
 */
function acceptAll(
  tx: Tx,
  newId: (prefix: string) => string,
  refs: readonly EntityRef[],
  extent: MentionExtent,
): AcceptedAllMentions {
  const sorted = [...refs].sort(
    (x, y) => x.documentId.localeCompare(y.documentId) || x.start - y.start,
  );
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.documentId === b.documentId && b.start < a.end && a.entityId !== b.entityId) {
      const names = [a, b].map((r) => `"${tx.entity(r.entityId).name}"`).join(' and ');
      throw new WorkbenchError(
        'INVALID_INPUT',
        `The mentions of ${names} at ${a.start}–${a.end} and ${b.start}–${b.end} in document "${a.documentId}" overlap: choose one of them.`,
      );
    }
  }
  const byEntity = new Map<string, Ref[]>();
  for (const { entityId, ...ref } of refs)
    byEntity.set(entityId, [...(byEntity.get(entityId) ?? []), ref]);
  const result = { mentions: 0, created: 0, tagged: 0, entities: 0 };
  for (const [entityId, list] of byEntity) {
    const done = accept(tx, newId, tx.entity(entityId), list, extent);
    result.mentions += done.mentions;
    result.created += done.created;
    result.tagged += done.tagged;
    if (done.created + done.tagged > 0) result.entities++;
  }
  return result;
}

function acceptAllLabel(refs: readonly EntityRef[]): string {
  const entities = new Set(refs.map((r) => r.entityId)).size;
  const what = refs.length === 1 ? 'a mention' : `${refs.length} mentions`;
  return `Tag ${what} of ${entities === 1 ? 'one entity' : `${entities} entities`}`;
}

/** The documents that may mention `entity`: those the index names, else every one. */
function whereToLook(ctx: CoreContext, entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  const candidates = mentionCandidates(entity, ctx.search.blockLookup());
  const ids = [...ctx.store.catalog.ids()];
  return candidates ? ids.filter((id) => candidates.has(id)) : ids;
}

/**
 * Of these documents, those whose text names the entity, in the same order: known without
 * reading where the workspace keeps a count for the text as it is (./count-store.ts, the
 * counts the dossier keeps too), else from the text read alone, a slice at a time (a name
 * found in thousands never has them all in memory), counted and the count kept.
 */
async function documentsNamingKept(
  ctx: CoreContext,
  entity: Pick<Entity, 'name' | 'aliases'>,
  ids: readonly string[],
): Promise<string[]> {
  const matcher = entityMatcher(entity);
  if (!matcher) return [];
  const lookup = ctx.search.blockLookup();
  const { catalog } = ctx.store;
  const counts = mentionCountsOf(ctx.store);
  const kept = await counts.load(matcher.regex.source);
  const stamps = await ctx.store.vouchedRecords(ids);
  const names = new Map<string, boolean>();
  const unread: string[] = [];
  for (const id of ids) {
    const meta = catalog.get(id)?.document;
    const known = meta && kept.known(id, stamps.get(id), meta);
    if (known === undefined) unread.push(id);
    else names.set(id, known > 0);
  }
  let recorded = false;
  // Most candidates hold the name's words but not the name: their files' bytes say so
  // without being parsed (../store/record-screen.ts), and that count of none is kept.
  const screen = rawRecordTest(matcher);
  const cannot = screen ? await ctx.store.screenRecords(unread, stamps, screen) : new Set<string>();
  for (const id of cannot) {
    const meta = catalog.get(id)?.document;
    names.set(id, false);
    if (meta) kept.record(id, stamps.get(id)!, meta, 0);
    recorded = true;
  }
  let slice: Document[] = [];
  const take = (): void => {
    // Counted from the text read, never from a count this session holds for the hash the
    // file records (a text edited by hand keeps the hash of the text before).
    const found = countMentions(
      slice.map(({ textHash: _recorded, ...document }) => ({ document })),
      entity,
      lookup,
    );
    for (const { id } of slice) {
      const n = found.get(id) ?? 0;
      names.set(id, n > 0);
      const meta = catalog.get(id)?.document;
      const stamp = stamps.get(id);
      // The stamp was taken before the text was read (see the dossier's counts).
      if (meta && stamp) {
        kept.record(id, stamp, meta, n);
        recorded = true;
      }
    }
    slice = [];
  };
  for await (const record of ctx.store.streamRecords(unread.filter((id) => !cannot.has(id)))) {
    slice.push(record);
    if (slice.length >= 32) take();
  }
  take();
  if (recorded) await counts.save(matcher.regex.source, (id) => catalog.has(id));
  return ids.filter((id) => names.get(id));
}

export function mentionsHandlers(ctx: CoreContext): NamespaceHandlers<'mentions'> {
  return {
    'mentions.find': async ({ entityId }) => {
      const entity = await ctx.read((tx) => tx.entity(entityId));
      const lookup = ctx.search.blockLookup();
      const naming = await documentsNamingKept(ctx, entity, whereToLook(ctx, entity));
      // Read whole, with the highlights that say which mention is tagged already, only the
      // documents whose text names the entity, a slice at a time.
      const found: Mention[] = [];
      for (let at = 0; at < naming.length; at += 32)
        found.push(...findMentions(await ctx.files(naming.slice(at, at + 32)), entity, lookup));
      return found;
    },

    'mentions.accept': ({ entityId, mentions, extent }) =>
      ctx.command(
        mentions.length === 1 ? 'Tag a mention' : `Tag ${mentions.length} mentions`,
        (tx) => accept(tx, (p) => ctx.newId(p), tx.entity(entityId), mentions, extent),
      ),

    'mentions.findAll': ({ limit }) => {
      const ids = [...ctx.store.catalog.ids()];
      return findAllMentions(
        ctx.store.stream(ids),
        ids.length,
        ctx.store.workspace.entities,
        limit,
      );
    },

    'mentions.acceptAll': ({ mentions, extent }) =>
      ctx.command(acceptAllLabel(mentions), (tx) =>
        acceptAll(tx, (p) => ctx.newId(p), mentions, extent),
      ),

    'mentions.candidates': async ({ limit }) => {
      // compromise (the language model behind suggestions) loads on first use.
      const { findCandidates } = await import('./candidates');
      const files = [];
      for await (const file of ctx.store.stream(ctx.store.catalog.ids())) files.push(file);
      return findCandidates(files, ctx.store.workspace.entities).slice(0, limit);
    },

    'mentions.adopt': ({ name, type, extent }) => {
      // The command reads (and holds) only the documents that may mention the name.
      const where = whereToLook(ctx, { name, aliases: [] });
      return ctx.command(`Create “${name}” from its mentions`, (tx) => {
        const clash = tx.entities.find(
          (e) => e.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
        );
        if (clash)
          throw new WorkbenchError('CONFLICT', `An entity named "${clash.name}" already exists.`);
        const entity: Entity = {
          id: ctx.newId('ent'),
          name,
          type: type.toLowerCase(),
          aliases: [],
          description: '',
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        tx.setEntity(entity.id, entity);
        const files = tx.documentsOf(where);
        const refs = findMentions(files, entity, ctx.search.blockLookup()).filter((m) => !m.tagged);
        return { entity, ...accept(tx, (p) => ctx.newId(p), entity, refs, extent) };
      });
    },
  };
}
