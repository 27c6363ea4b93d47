// The undo history refuses a step whose records are no longer what it left behind, rather
// than writing its inverse over changes it knows nothing about.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WorkspaceStore } from '../../src/core/store/workspace-store';
import { tempDir } from '../integration/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

it('refuses to undo a step whose records changed since, and clears the history', async () => {
  const store = await WorkspaceStore.open(dir, { host: 'test' });
  const now = '2026-11-24T00:00:00.000Z';
  const entity = {
    id: 'ent_a',
    name: 'Evin prison',
    type: 'place',
    aliases: [],
    description: '',
    createdAt: now,
    updatedAt: now,
  };
  await store.run('Create entity', (tx) => tx.setEntity(entity.id, entity));
  // Something outside the history (a repair, say) replaced the record.
  store.workspace = { ...store.workspace, entities: [{ ...entity, name: 'Evin' }] };
  await expect(store.undo()).rejects.toMatchObject({ code: 'CONFLICT' });
  expect(store.historyInfo().canUndo).toBe(false);
  expect(store.state.workspace.entities[0]!.name).toBe('Evin');
  await store.close();
});

it('undoing a command that removed several records of one list puts each back in its place', async () => {
  const store = await WorkspaceStore.open(dir, { host: 'test' });
  const now = '2026-11-24T00:00:00.000Z';
  const names = ['Evin', 'Gohardasht', 'Qezel Hesar', 'Ghezel', 'Dizel Abad'];
  await store.run('Create', (tx) => {
    for (const [i, name] of names.entries())
      tx.setEntity(`ent_${i}`, {
        id: `ent_${i}`,
        name,
        type: 'place',
        aliases: [],
        description: '',
        createdAt: now,
        updatedAt: now,
      });
  });
  const before = store.state.workspace.entities.map((e) => e.id);
  await store.run('Remove two, add one', (tx) => {
    tx.setEntity('ent_1', undefined);
    tx.setEntity('ent_3', undefined);
    tx.setEntity('ent_9', {
      id: 'ent_9',
      name: 'New',
      type: 'place',
      aliases: [],
      description: '',
      createdAt: now,
      updatedAt: now,
    });
  });
  const after = store.state.workspace.entities.map((e) => e.id);
  await store.undo();
  expect(store.state.workspace.entities.map((e) => e.id)).toEqual(before);
  await store.redo();
  expect(store.state.workspace.entities.map((e) => e.id)).toEqual(after);
  await store.close();
});
