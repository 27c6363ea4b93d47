// search.*: the workspace's index queried with the caller's filters, and how far its build
// has come.
import type { NamespaceHandlers } from '../../shared/api';
import { tagsUnder } from '../../shared/codebook/code-tree';
import { highlightsTagged } from '../codebook/retag';
import type { CoreContext } from '../context';

/** The highlights carrying `code` or a code filed under it: what a code filter lets through. */
function highlightsUnder(ctx: CoreContext, code: string): Promise<Set<string>> {
  return ctx.read(
    (tx) => new Set(highlightsTagged(tx, tagsUnder(tx.codebook, code)).map((a) => a.id)),
  );
}

/**
 * Waits until the index holds everything; again when it was replaced meanwhile (a commit
 * bringing many documents starts one afresh, bulk-arrival.ts): what the old one waited for
 * says nothing of the new one, which may hold almost nothing yet.
 */
async function whole(ctx: CoreContext): Promise<CoreContext['search']['index']> {
  let index;
  do {
    index = ctx.search.index;
    await ctx.search.ready;
  } while (index !== ctx.search.index);
  return index;
}

export function searchHandlers(ctx: CoreContext): NamespaceHandlers<'search'> {
  return {
    'search.query': async (input) => {
      // The code's highlights are read first: the index may be replaced while they are.
      const highlightIds = input.code ? await highlightsUnder(ctx, input.code) : undefined;
      const index = await whole(ctx);
      return index.search({ ...input, highlightIds }, ctx.search.scope);
    },
    'search.status': () =>
      Promise.resolve({ ...ctx.search.progress, complete: ctx.search.complete }),
  };
}
