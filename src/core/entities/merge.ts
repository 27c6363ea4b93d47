// Merge and split, each one undoable command. A merge moves every tag, note link and event
// reference to the target, keeps the sources' names as aliases and their descriptions, and
// deletes the sources; where the entities disagree on type or external id the caller must
// say which to keep (the preview lists the conflicts first), so nothing is chosen silently.
import type { WorkbenchHandlers } from '../../shared/api';
import { Entity } from '../../shared/model';
import { inSchemaOrder } from '../../shared/record-order';
import type { MergeConflict, MergeField, MergePreview } from '../../shared/methods/entities';
import type { CoreContext } from '../context';
import { notFound, WorkbenchError } from '../../shared/errors';
import { rewriteEntityRefs } from './entity-refs';
import type { Tx } from '../store/tx';

type Handlers = Pick<
  WorkbenchHandlers,
  'entities.mergePreview' | 'entities.merge' | 'entities.split'
>;

const MAX_ALIASES = 100;
/** Fields that must be chosen by the user when they differ; descriptions are joined instead. */
const MUST_CHOOSE: readonly MergeField[] = ['type', 'externalId'];

interface Plan {
  target: Entity;
  sources: Entity[];
  merged: Entity;
  conflicts: MergeConflict[];
}

function plan(tx: Tx, targetId: string, sourceIds: readonly string[]): Plan {
  const target = tx.entity(targetId);
  const ids = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (!ids.length) throw new WorkbenchError('INVALID_INPUT', 'Choose another entity to merge.');
  const sources = ids.map((id) => tx.entity(id));
  const all = [target, ...sources];
  const distinct = (values: (string | undefined)[]): string[] => [
    ...new Set(values.map((v) => v?.trim() ?? '').filter(Boolean)),
  ];
  const conflicts: MergeConflict[] = [];
  const fields: Record<MergeField, string[]> = {
    type: distinct(all.map((e) => e.type)),
    externalId: distinct(all.map((e) => e.externalId)),
    description: distinct(all.map((e) => e.description)),
  };
  for (const field of ['type', 'externalId', 'description'] as const)
    if (fields[field].length > 1) conflicts.push({ field, values: fields[field] });
  const names = [target.aliases, ...sources.map((s) => [s.name, ...s.aliases])].flat();
  const folded = target.name.toLocaleLowerCase();
  const aliases = [...new Set(names.map((n) => n.trim()))].filter(
    (n) => n && n.toLocaleLowerCase() !== folded,
  );
  if (aliases.length > MAX_ALIASES)
    throw new WorkbenchError(
      'INVALID_INPUT',
      `The merged entity would have more than ${MAX_ALIASES} aliases.`,
    );
  const withEvent = all.find((e) => e.date || e.placeId || e.participants?.length);
  const { date, placeId, participants } = withEvent ?? {};
  const merged: Entity = {
    ...target,
    aliases,
    description: fields.description.join('\n\n'),
    // A source's external id is kept when the target has none.
    ...(fields.externalId[0] ? { externalId: fields.externalId[0] } : {}),
    ...(date ? { date } : {}),
    ...(placeId ? { placeId } : {}),
    ...(participants ? { participants } : {}),
  };
  return { target, sources, merged, conflicts };
}

export function mergeHandlers(ctx: CoreContext): Handlers {
  return {
    'entities.mergePreview': ({ targetId, sourceIds }) => {
      const result: Promise<MergePreview> = ctx.read((tx) => {
        const { merged, conflicts, sources } = plan(tx, targetId, sourceIds);
        const ids = new Set(sources.map((s) => s.id));
        let highlights = 0;
        for (const { annotations } of tx.highlightsOf(ctx.tags.documentsTagging(ids)))
          for (const a of annotations) if (a.entityIds.some((id) => ids.has(id))) highlights++;
        const notes = tx.notes.filter((n) => n.entityIds.some((id) => ids.has(id))).length;
        return { merged, conflicts, highlights, notes };
      });
      return result;
    },

    'entities.merge': ({ targetId, sourceIds, choose }) =>
      ctx.commandOverCatalog('Merge entities', (tx) => {
        const { merged, conflicts, sources } = plan(tx, targetId, sourceIds);
        const unresolved = conflicts.filter(
          (c) => MUST_CHOOSE.includes(c.field) && choose[c.field] === undefined,
        );
        if (unresolved.length) {
          throw new WorkbenchError(
            'CONFLICT',
            `The entities differ in ${unresolved.map((c) => `${c.field} (${c.values.join(' / ')})`).join(' and ')}: choose which to keep.`,
          );
        }
        const { externalId: _old, ...rest } = merged;
        const externalId = choose.externalId ?? merged.externalId;
        const result: Entity = inSchemaOrder(Entity, {
          ...rest,
          type: (choose.type ?? merged.type).toLowerCase(),
          description: choose.description ?? merged.description,
          ...(externalId ? { externalId } : {}),
          updatedAt: tx.now,
        });
        // Sources go first so the target's name and aliases are checked against the rest.
        for (const s of sources) tx.setEntity(s.id, undefined);
        const ids = new Set(sources.map((s) => s.id));
        rewriteEntityRefs(tx, ids, ctx.tags.documentsTagging(ids), targetId);
        tx.setEntity(targetId, result);
        return result;
      }),

    'entities.split': ({ entityId, annotationIds, to }) =>
      ctx.commandOverCatalog('Split entity', (tx) => {
        const source = tx.entity(entityId);
        let target: Entity;
        if ('entityId' in to) {
          if (to.entityId === entityId)
            throw new WorkbenchError('INVALID_INPUT', 'Move the passages to another entity.');
          target = tx.entity(to.entityId);
        } else {
          const clash = tx.entities.find(
            (e) => e.name.toLocaleLowerCase() === to.name.toLocaleLowerCase(),
          );
          if (clash)
            throw new WorkbenchError('CONFLICT', `An entity named "${clash.name}" already exists.`);
          target = {
            id: ctx.newId('ent'),
            name: to.name,
            type: to.type.toLowerCase(),
            aliases: [],
            description: '',
            createdAt: tx.now,
            updatedAt: tx.now,
          };
          tx.setEntity(target.id, target);
        }
        for (const id of new Set(annotationIds)) {
          const a = tx.annotation(id);
          if (!a.entityIds.includes(entityId)) throw notFound(`passage of "${source.name}"`, id);
          const ids = a.entityIds.map((e) => (e === entityId ? target.id : e));
          tx.setAnnotation(a.documentId, a.id, {
            ...a,
            entityIds: [...new Set(ids)],
            updatedAt: tx.now,
          });
        }
        return { entity: target, moved: new Set(annotationIds).size };
      }),
  };
}
