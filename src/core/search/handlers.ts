// search.*: the workspace's index queried with the caller's filters, and how far its build
// has come.
import type { NamespaceHandlers } from '../../shared/api';
import { codebookOf } from '../../shared/codebook/codebook';
import { tagged, tagsUnder } from '../../shared/codebook/code-tree';
import type { CoreContext } from '../context';

/** The highlights carrying `code` or a code filed under it: what a code filter lets through. */
function highlightsUnder(ctx: CoreContext, code: string): Set<string> {
  const under = tagsUnder(codebookOf(ctx.store.state.workspace), code);
  const ids = new Set<string>();
  for (const { annotation } of ctx.allAnnotations())
    if (tagged(annotation.tags, under)) ids.add(annotation.id);
  return ids;
}

export function searchHandlers(ctx: CoreContext): NamespaceHandlers<'search'> {
  return {
    'search.query': async (input) => {
      await ctx.search.ready;
      const highlightIds = input.code ? highlightsUnder(ctx, input.code) : undefined;
      return ctx.search.index.search({ ...input, highlightIds }, ctx.search.scope);
    },
    'search.status': () =>
      Promise.resolve({ ...ctx.search.progress, complete: ctx.search.complete }),
  };
}
