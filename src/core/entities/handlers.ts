// entities.*: the entities kept in workspace.json, merged and split (./merge.ts), those a
// new name may duplicate (./similar.ts), and an entity's dossier (./dossier-read.ts). Deleting an entity that highlights use must be confirmed with the
// number of highlights it untags; the count is checked in the same command that deletes,
// so it cannot go stale between.
import type { EntityWithUsage, NamespaceHandlers } from '../../shared/api';
import { dossierOf } from './dossier-read';
import { similarEntities } from './similar';
import { mergeHandlers } from './merge';
import { Entity } from '../../shared/model';
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
