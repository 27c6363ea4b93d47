// analysis.*: co-occurrence of entities and the passages behind a pair. Read-only views
// over the current state: none goes through the command queue.
import type { NamespaceHandlers } from '../../shared/api';
import { tagged, tagsUnder } from '../../shared/codebook/code-tree';
import type { DocumentFile } from '../../shared/model';
import type { CoreContext } from '../context';
import { connections, cooccurrence, documentUnits, unitsOf } from './cooccurrence';

/** The documents with only the highlights under `code` (and its children), when given. */
async function underCode(
  ctx: CoreContext,
  files: DocumentFile[],
  code: string | undefined,
): Promise<DocumentFile[]> {
  if (!code) return files;
  const under = tagsUnder(await ctx.read((tx) => tx.codebook), code);
  return files.map((f) => ({
    ...f,
    annotations: f.annotations.filter((a) => tagged(a.tags, under)),
  }));
}

export function analysisHandlers(ctx: CoreContext): NamespaceHandlers<'analysis'> {
  return {
    // At document scope the catalog answers (it keeps which entities each document's
    // highlights carry) unless a code narrows the highlights; otherwise only documents
    // with tagged highlights are read.
    'analysis.cooccurrence': async (input) => {
      const { entities } = ctx.store.workspace;
      if (input.scope === 'document' && !input.code)
        return cooccurrence(documentUnits(ctx.store.catalog.values()), entities, input);
      const files = await ctx.files(ctx.tagging(entities.map((e) => e.id)));
      return cooccurrence(
        unitsOf(await underCode(ctx, files, input.code), input.scope),
        entities,
        input,
      );
    },
    'analysis.connections': async ({ a, b, scope, code }) => {
      await ctx.read((tx) => [tx.entity(a), tx.entity(b)]);
      const both = new Set(ctx.tagging([a]));
      const files = await ctx.files(ctx.tagging([b]).filter((id) => both.has(id)));
      return connections(await underCode(ctx, files, code), a, b, scope);
    },
  };
}
