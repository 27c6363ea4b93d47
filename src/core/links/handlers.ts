// links.*: typed links between two highlights, kept in workspace.json. Both ends and the
// relation are checked in the command that writes; `unlinkHighlights` is called by every
// command that deletes highlights, so no link is left pointing at nothing.
import type { NamespaceHandlers } from '../../shared/api';
import type { HighlightLink } from '../../shared/model';
import { notFound, WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';

function requireRelation(tx: Tx, id: string): void {
  if (!tx.codebook.relations.some((r) => r.id === id)) throw notFound('link relation', id);
}

function linkAt(tx: Tx, id: string): HighlightLink {
  const link = tx.links.find((l) => l.id === id);
  if (!link) throw notFound('link', id);
  return link;
}

/** Removes every link to or from these highlights; returns how many went. */
export function unlinkHighlights(tx: Tx, ids: ReadonlySet<string>): number {
  const gone = tx.links.filter((l) => ids.has(l.from) || ids.has(l.to));
  for (const l of gone) tx.setLink(l.id, undefined);
  return gone.length;
}

export function linksHandlers(ctx: CoreContext): NamespaceHandlers<'links'> {
  return {
    'links.list': () => ctx.read((tx) => [...tx.links]),

    'links.create': ({ from, to, relation, note }) =>
      ctx.command('Link highlights', (tx) => {
        tx.annotation(from);
        tx.annotation(to);
        requireRelation(tx, relation);
        const same = tx.links.find(
          (l) => l.from === from && l.to === to && l.relation === relation,
        );
        if (same) throw new WorkbenchError('CONFLICT', 'These highlights are already linked so.');
        const link: HighlightLink = {
          id: ctx.newId('link'),
          from,
          to,
          relation,
          ...(note?.trim() ? { note: note.trim() } : {}),
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        tx.setLink(link.id, link);
        return link;
      }),

    'links.update': ({ id, relation, note }) =>
      ctx.command('Edit link', (tx) => {
        const { note: _old, ...current } = linkAt(tx, id);
        if (relation !== undefined) requireRelation(tx, relation);
        const nextNote = note === undefined ? _old : note.trim() || undefined;
        const link: HighlightLink = {
          ...current,
          ...(relation !== undefined ? { relation } : {}),
          ...(nextNote ? { note: nextNote } : {}),
          updatedAt: tx.now,
        };
        tx.setLink(id, link);
        return link;
      }),

    'links.delete': ({ id }) =>
      ctx.command('Remove link', (tx) => {
        linkAt(tx, id);
        tx.setLink(id, undefined);
        return { id };
      }),
  };
}
