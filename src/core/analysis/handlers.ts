// analysis.*: co-occurrence of entities and the passages behind a pair. Read-only views
// over the current state: none goes through the command queue.
import type { NamespaceHandlers } from '../../shared/api';
import type { CoreContext } from '../context';
import { connections, cooccurrence } from './cooccurrence';

export function analysisHandlers(ctx: CoreContext): NamespaceHandlers<'analysis'> {
  return {
    // Only documents with tagged highlights can hold a pair: those are read, no others.
    'analysis.cooccurrence': async (input) => {
      const { entities } = ctx.store.workspace;
      const files = await ctx.files(ctx.tagging(entities.map((e) => e.id)));
      return cooccurrence(files, entities, input);
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
