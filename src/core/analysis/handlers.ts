// analysis.*: co-occurrence of entities and the passages behind a pair. Read-only views
// over the current state: none goes through the command queue.
import type { NamespaceHandlers } from '../../shared/api';
import type { CoreContext } from '../context';
import { connections, cooccurrence, documentUnits, unitsOf } from './cooccurrence';

export function analysisHandlers(ctx: CoreContext): NamespaceHandlers<'analysis'> {
  return {
    // At document scope the catalog answers (it keeps which entities each document's
    // highlights carry); at the others only documents with tagged highlights are read.
    'analysis.cooccurrence': async (input) => {
      const { entities } = ctx.store.workspace;
      if (input.scope === 'document')
        return cooccurrence(documentUnits(ctx.store.catalog.values()), entities, input);
      const files = await ctx.files(ctx.tagging(entities.map((e) => e.id)));
      return cooccurrence(unitsOf(files, input.scope), entities, input);
    },
    'analysis.connections': async ({ a, b, scope }) => {
      await ctx.read((tx) => [tx.entity(a), tx.entity(b)]);
      const both = new Set(ctx.tagging([a]));
      return connections(
        await ctx.files(ctx.tagging([b]).filter((id) => both.has(id))),
        a,
        b,
        scope,
      );
    },
  };
}
