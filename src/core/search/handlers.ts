// The search handler: queries the workspace's index with the caller's filters.
import type { WorkbenchHandlers } from '../../shared/api';
import type { CoreContext } from '../context';

export function searchHandlers(
  ctx: CoreContext,
): Pick<WorkbenchHandlers, 'search.query' | 'search.status'> {
  return {
    'search.query': async (input) => {
      await ctx.indexReady;
      return ctx.index.search(input, ctx.searchScope);
    },
    'search.status': () => Promise.resolve({ ...ctx.indexProgress, complete: ctx.indexComplete }),
  };
}
