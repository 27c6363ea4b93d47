// Handlers for entities and free-standing notes, both kept in workspace.json. Deleting an
// entity that highlights use must be confirmed with the number of highlights it untags.
import type { WorkbenchHandlers } from '../../shared/api';
import type { Entity, Note } from '../../shared/model';
import type { CoreContext } from '../context';
import { notFound, WorkbenchError } from '../errors';

type Handlers = Pick<
  WorkbenchHandlers,
  | 'entities.list'
  | 'entities.create'
  | 'entities.update'
  | 'entities.delete'
  | 'notes.list'
  | 'notes.create'
  | 'notes.update'
  | 'notes.delete'
>;

const cleanAliases = (aliases: readonly string[], name: string): string[] =>
  [...new Set(aliases.map((a) => a.trim()))].filter((a) => a && a !== name);

export function entityHandlers(ctx: CoreContext): Handlers {
  const ws = ctx.store.workspace;

  const usageCounts = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const { annotation } of ctx.allAnnotations()) {
      for (const id of annotation.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };

  const requireName = (name: string, exceptId?: string): void => {
    const clash = ws.data.entities.find(
      (e) => e.id !== exceptId && e.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
    );
    if (clash) {
      throw new WorkbenchError('INVALID_INPUT', `An entity named "${clash.name}" already exists.`);
    }
  };

  return {
    'entities.list': () => {
      const counts = usageCounts();
      const list = ws.data.entities.map((e) => ({ ...e, usage: counts.get(e.id) ?? 0 }));
      list.sort((a, b) => a.name.localeCompare(b.name));
      return Promise.resolve(list);
    },

    'entities.create': async (input) => {
      requireName(input.name);
      const now = ctx.now();
      const entity: Entity = {
        id: ctx.newId('ent'),
        name: input.name,
        type: input.type.toLowerCase(),
        aliases: cleanAliases(input.aliases, input.name),
        description: input.description,
        ...(input.externalId ? { externalId: input.externalId } : {}),
        createdAt: now,
        updatedAt: now,
      };
      await ws.update((data) => {
        data.entities.push(entity);
      });
      ctx.index.putEntity(entity);
      ctx.emit('entities');
      return entity;
    },

    'entities.update': async ({ id, patch }) => {
      if (patch.name !== undefined) requireName(patch.name, id);
      const updated = await ws.update((data) => {
        const entity = data.entities.find((e) => e.id === id);
        if (!entity) throw notFound('entity', id);
        if (patch.name !== undefined) entity.name = patch.name;
        if (patch.type !== undefined) entity.type = patch.type.toLowerCase();
        if (patch.description !== undefined) entity.description = patch.description;
        if (patch.externalId !== undefined) entity.externalId = patch.externalId || undefined;
        if (patch.aliases !== undefined || patch.name !== undefined) {
          entity.aliases = cleanAliases(patch.aliases ?? entity.aliases, entity.name);
        }
        entity.updatedAt = ctx.now();
        return entity;
      });
      ctx.index.putEntity(updated);
      ctx.emit('entities');
      return updated;
    },

    'entities.delete': async ({ id, confirmUsage }) => {
      const entity = ws.data.entities.find((e) => e.id === id);
      if (!entity) throw notFound('entity', id);
      ws.assertWritable();
      const usage = usageCounts().get(id) ?? 0;
      if (usage !== confirmUsage) {
        throw new WorkbenchError(
          'IN_USE',
          `"${entity.name}" is tagged on ${usage} highlight${usage === 1 ? '' : 's'}; ` +
            `confirm deleting it with that number.`,
        );
      }
      // Untag the highlights first: a crash between the two steps leaves an unused
      // entity behind, never highlights that point at nothing.
      for (const db of ctx.store.documents.values()) {
        if (!db.data.annotations.some((a) => a.entityIds.includes(id))) continue;
        const untagged = await db.update((file) =>
          file.annotations
            .filter((a) => a.entityIds.includes(id))
            .map((a) => {
              a.entityIds = a.entityIds.filter((e) => e !== id);
              return a;
            }),
        );
        for (const annotation of untagged) ctx.index.putAnnotation(annotation);
        ctx.emit('annotations', db.data.document.id);
      }
      await ws.update((data) => {
        data.entities = data.entities.filter((e) => e.id !== id);
        for (const note of data.notes) note.entityIds = note.entityIds.filter((e) => e !== id);
      });
      ctx.index.removeEntity(id);
      ctx.emit('entities');
      return { id, untagged: usage };
    },

    'notes.list': () => Promise.resolve([...ws.data.notes]),

    'notes.create': async (input) => {
      const now = ctx.now();
      const note: Note = { id: ctx.newId('note'), ...input, createdAt: now, updatedAt: now };
      await ws.update((data) => {
        data.notes.push(note);
      });
      ctx.emit('notes');
      return note;
    },

    'notes.update': async ({ id, patch }) => {
      const updated = await ws.update((data) => {
        const note = data.notes.find((n) => n.id === id);
        if (!note) throw notFound('note', id);
        Object.assign(note, patch, { updatedAt: ctx.now() });
        return note;
      });
      ctx.emit('notes');
      return updated;
    },

    'notes.delete': async ({ id }) => {
      if (!ws.data.notes.some((n) => n.id === id)) throw notFound('note', id);
      await ws.update((data) => {
        data.notes = data.notes.filter((n) => n.id !== id);
      });
      ctx.emit('notes');
      return { id };
    },
  };
}
