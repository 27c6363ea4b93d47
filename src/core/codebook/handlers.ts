// codebook.*: the workspace's highlight kinds and link relations (here) and its codes
// (./codes.ts). Each change is one undoable command; a kind or relation in use is deleted
// only with the number of highlights or links it changes confirmed, counted in the same
// command.
import type { NamespaceHandlers } from '../../shared/api';
import type { Codebook, HighlightKindDef, LinkRelation } from '../../shared/model';
import { notFound, WorkbenchError } from '../../shared/errors';
import { plural } from '../../shared/text';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';
import { codeHandlers } from './codes';

const fold = (s: string): string => s.trim().toLocaleLowerCase();

function requireUniqueLabel(
  list: readonly { id: string; label: string }[],
  label: string,
  what: string,
  exceptId?: string,
): void {
  const clash = list.find((k) => k.id !== exceptId && fold(k.label) === fold(label));
  if (clash)
    throw new WorkbenchError('CONFLICT', `There is already a ${what} named "${clash.label}".`);
}

function kindAt(tx: Tx, id: string): HighlightKindDef {
  const kind = tx.codebook.kinds.find((k) => k.id === id);
  if (!kind) throw notFound('highlight kind', id);
  return kind;
}

function relationAt(tx: Tx, id: string): LinkRelation {
  const relation = tx.codebook.relations.find((r) => r.id === id);
  if (!relation) throw notFound('link relation', id);
  return relation;
}

/** Refuses a kind the codebook does not have: every highlight's kind must be one of them. */
export function requireKind(tx: Tx, id: string): void {
  kindAt(tx, id);
}

/** The highlights of a kind: the catalog does not count kinds, so every document is read. */
const highlightsOfKind = (tx: Tx, id: string) =>
  [...tx.documents()].flatMap((f) => f.annotations.filter((a) => a.kind === id));

const replaceIn = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.map((x) => (x.id === item.id ? item : x));

export function codebookHandlers(ctx: CoreContext): NamespaceHandlers<'codebook'> {
  const set = (tx: Tx, patch: Partial<Codebook>): void =>
    tx.setCodebook({ ...tx.codebook, ...patch });
  return {
    ...codeHandlers(ctx),
    'codebook.get': () => ctx.read((tx) => tx.codebook),

    'codebook.createKind': ({ label, colour }) =>
      ctx.command('Add highlight kind', (tx) => {
        requireUniqueLabel(tx.codebook.kinds, label, 'highlight kind');
        if (tx.codebook.kinds.length >= 60)
          throw new WorkbenchError('INVALID_INPUT', 'A codebook holds at most 60 kinds.');
        const kind: HighlightKindDef = {
          id: ctx.newId('kind'),
          label,
          colour: colour.toLowerCase(),
        };
        set(tx, { kinds: [...tx.codebook.kinds, kind] });
        return kind;
      }),

    'codebook.updateKind': ({ id, label, colour }) =>
      ctx.command('Edit highlight kind', (tx) => {
        const current = kindAt(tx, id);
        if (label !== undefined) requireUniqueLabel(tx.codebook.kinds, label, 'highlight kind', id);
        const kind: HighlightKindDef = {
          ...current,
          ...(label !== undefined ? { label } : {}),
          ...(colour !== undefined ? { colour: colour.toLowerCase() } : {}),
        };
        set(tx, { kinds: replaceIn(tx.codebook.kinds, kind) });
        return kind;
      }),

    'codebook.moveKind': ({ id, index }) =>
      ctx.command('Reorder highlight kinds', (tx) => {
        const kind = kindAt(tx, id);
        const rest = tx.codebook.kinds.filter((k) => k.id !== id);
        rest.splice(Math.min(index, rest.length), 0, kind);
        set(tx, { kinds: rest });
        return tx.codebook;
      }),

    'codebook.kindUsage': ({ id }) =>
      ctx.read((tx) => {
        kindAt(tx, id);
        return highlightsOfKind(tx, id).length;
      }),

    'codebook.deleteKind': ({ id, reassignTo, confirmUsage }) =>
      ctx.command('Delete highlight kind', (tx) => {
        const kind = kindAt(tx, id);
        if (reassignTo === id)
          throw new WorkbenchError('INVALID_INPUT', 'Choose another kind for its highlights.');
        kindAt(tx, reassignTo);
        const using = highlightsOfKind(tx, id);
        if (using.length !== confirmUsage)
          throw new WorkbenchError(
            'IN_USE',
            `"${kind.label}" is the kind of ${plural(using.length, 'highlight')}; confirm with that number.`,
          );
        for (const a of using)
          tx.setAnnotation(a.documentId, a.id, { ...a, kind: reassignTo, updatedAt: tx.now });
        set(tx, { kinds: tx.codebook.kinds.filter((k) => k.id !== id) });
        return { id, reassigned: using.length };
      }),

    'codebook.createRelation': ({ label }) =>
      ctx.command('Add link relation', (tx) => {
        requireUniqueLabel(tx.codebook.relations, label, 'link relation');
        if (tx.codebook.relations.length >= 60)
          throw new WorkbenchError('INVALID_INPUT', 'A codebook holds at most 60 relations.');
        const relation: LinkRelation = { id: ctx.newId('rel'), label };
        set(tx, { relations: [...tx.codebook.relations, relation] });
        return relation;
      }),

    'codebook.updateRelation': ({ id, label }) =>
      ctx.command('Rename link relation', (tx) => {
        relationAt(tx, id);
        requireUniqueLabel(tx.codebook.relations, label, 'link relation', id);
        const relation: LinkRelation = { id, label };
        set(tx, { relations: replaceIn(tx.codebook.relations, relation) });
        return relation;
      }),

    'codebook.deleteRelation': ({ id, confirmUsage }) =>
      ctx.command('Delete link relation', (tx) => {
        const relation = relationAt(tx, id);
        if (tx.codebook.relations.length === 1)
          throw new WorkbenchError('INVALID_INPUT', 'The codebook needs at least one relation.');
        const using = tx.links.filter((l) => l.relation === id);
        if (using.length !== confirmUsage)
          throw new WorkbenchError(
            'IN_USE',
            `"${relation.label}" is said by ${plural(using.length, 'link')}; confirm deleting them with that number.`,
          );
        for (const l of using) tx.setLink(l.id, undefined);
        set(tx, { relations: tx.codebook.relations.filter((r) => r.id !== id) });
        return { id, unlinked: using.length };
      }),
  };
}
