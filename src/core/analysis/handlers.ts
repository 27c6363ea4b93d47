// analysis.*: co-occurrence of entities and the passages behind a pair. Read-only views
// over the current state: none goes through the command queue.
import type { NamespaceHandlers } from '../../shared/api';
import type { CoreContext } from '../context';
import { connections, cooccurrence } from './cooccurrence';

export function analysisHandlers(ctx: CoreContext): NamespaceHandlers<'analysis'> {
  return {
    'analysis.cooccurrence': (input) =>
      ctx.read((tx) => cooccurrence([...tx.documents()], tx.entities, input)),
    'analysis.connections': ({ a, b, scope }) =>
      ctx.read((tx) => {
        tx.entity(a);
        tx.entity(b);
        return connections([...tx.documents()], a, b, scope);
      }),
  };
}
