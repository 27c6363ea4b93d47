// search.*: the workspace's index queried with the caller's filters, and how far its build
// has come.
import type { NamespaceHandlers } from '../../shared/api';
import type { CoreContext } from '../context';

export function searchHandlers(ctx: CoreContext): NamespaceHandlers<'search'> {
  return {
    'search.query': async (input) => {
      await ctx.search.ready;
      return ctx.search.index.search(input, ctx.search.scope);
    },
    'search.status': () =>
      Promise.resolve({ ...ctx.search.progress, complete: ctx.search.complete }),
  };
}
