// analysis.*: co-occurrence of entities and the passages behind a pair. Read-only views
// over the current state: none goes through the command queue.
import type { NamespaceHandlers } from '../../shared/api';
import { tagged, tagsUnder } from '../../shared/codebook/code-tree';
import type { DocumentFile } from '../../shared/model';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';
import { connections, cooccurrence } from './cooccurrence';

/** The documents with only the highlights under `code` (and its children), when given. */
function filesFor(tx: Tx, code: string | undefined): DocumentFile[] {
  const files = [...tx.documents()];
  if (!code) return files;
  const under = tagsUnder(tx.codebook, code);
  return files.map((f) => ({
    ...f,
    annotations: f.annotations.filter((a) => tagged(a.tags, under)),
  }));
}

export function analysisHandlers(ctx: CoreContext): NamespaceHandlers<'analysis'> {
  return {
    'analysis.cooccurrence': (input) =>
      ctx.read((tx) => cooccurrence(filesFor(tx, input.code), tx.entities, input)),
    'analysis.connections': ({ a, b, scope, code }) =>
      ctx.read((tx) => {
        tx.entity(a);
        tx.entity(b);
        return connections(filesFor(tx, code), a, b, scope);
      }),
  };
}
