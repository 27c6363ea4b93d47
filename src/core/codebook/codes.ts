// The codes of the codebook: filed (created, or a free tag in use given a place), renamed,
// moved under another code, merged and deleted, each one undoable command that rewrites the
// codebook and the tags on highlights together. A free tag that no code names can be moved
// or renamed like a code: it is filed first.
import type { WorkbenchHandlers } from '../../shared/api';
import { codeKey, codeNamed, descendantsOf } from '../../shared/codebook/code-tree';
import type { ChildrenOnDelete, CodeUsage } from '../../shared/methods/codebook';
import type { Code, Codebook } from '../../shared/model';
import { WorkbenchError } from '../../shared/errors';
import { plural } from '../../shared/text';
import type { CoreContext } from '../context';
import type { Tx } from '../store/tx';
import { highlightsTagged, retag } from './retag';

type Handlers = Pick<
  WorkbenchHandlers,
  | 'codebook.createCode'
  | 'codebook.updateCode'
  | 'codebook.renameCode'
  | 'codebook.moveCode'
  | 'codebook.mergeCodes'
  | 'codebook.codeUsage'
  | 'codebook.deleteCode'
>;

const withCodes = (cb: Codebook, codes: Code[]): Codebook => ({ ...cb, codes });

/** Whether any highlight carries the tag (compared without case). */
function inUse(ctx: CoreContext, name: string): boolean {
  const key = codeKey(name);
  for (const tag of ctx.tags.tagCounts().keys()) if (codeKey(tag) === key) return true;
  return false;
}

/** The code named `name`, filed at the top level first if it is only a free tag. */
function fileCode(ctx: CoreContext, tx: Tx, name: string, mustExist: boolean): Code {
  const found = codeNamed(tx.codebook, name);
  if (found) return found;
  if (mustExist && !inUse(ctx, name))
    throw new WorkbenchError('NOT_FOUND', `No code or tag named "${name}" in this workspace.`);
  const code: Code = { id: ctx.newId('code'), name: name.trim() };
  tx.setCodebook(withCodes(tx.codebook, [...tx.codebook.codes, code]));
  return code;
}

function replaceCode(tx: Tx, code: Code): void {
  tx.setCodebook(
    withCodes(
      tx.codebook,
      tx.codebook.codes.map((c) => (c.id === code.id ? code : c)),
    ),
  );
}

/** What deleting `name` takes away: the codes and the highlights that lose a tag. */
function deletion(tx: Tx, name: string, children: ChildrenOnDelete) {
  const code = codeNamed(tx.codebook, name);
  const codes = code
    ? [code, ...(children === 'delete' ? descendantsOf(tx.codebook, code.id) : [])]
    : [];
  const keys = new Set([codeKey(name), ...codes.map((c) => codeKey(c.name))]);
  return { code, codes, keys, highlights: highlightsTagged(tx, keys) };
}

export function codeHandlers(ctx: CoreContext): Handlers {
  return {
    'codebook.createCode': ({ name, parent, colour, description }) =>
      ctx.command('Add code', (tx) => {
        if (codeNamed(tx.codebook, name))
          throw new WorkbenchError('CONFLICT', `The codebook already has a code named "${name}".`);
        const parentCode = parent ? fileCode(ctx, tx, parent, false) : undefined;
        const code: Code = {
          id: ctx.newId('code'),
          name: name.trim(),
          ...(parentCode ? { parentId: parentCode.id } : {}),
          ...(colour ? { colour: colour.toLowerCase() } : {}),
          ...(description ? { description } : {}),
        };
        tx.setCodebook(withCodes(tx.codebook, [...tx.codebook.codes, code]));
        return code;
      }),

    'codebook.updateCode': ({ name, colour, description }) =>
      ctx.command('Edit code', (tx) => {
        const { colour: _c, description: _d, ...rest } = fileCode(ctx, tx, name, true);
        const nextColour = colour === undefined ? _c : (colour?.toLowerCase() ?? undefined);
        const nextDescription = description === undefined ? _d : description || undefined;
        const code: Code = {
          ...rest,
          ...(nextColour ? { colour: nextColour } : {}),
          ...(nextDescription ? { description: nextDescription } : {}),
        };
        replaceCode(tx, code);
        return code;
      }),

    'codebook.renameCode': ({ name, to }) =>
      ctx.command('Rename code', (tx) => {
        const sameCode = codeKey(name) === codeKey(to);
        const clash = codeNamed(tx.codebook, to);
        if (!sameCode && (clash || inUse(ctx, to)))
          throw new WorkbenchError(
            'CONFLICT',
            `A code or tag named "${clash?.name ?? to}" already exists: merge the two instead?`,
          );
        const code = codeNamed(tx.codebook, name);
        const retagged = retag(tx, new Set([codeKey(name)]), to.trim());
        if (!code && !retagged)
          throw new WorkbenchError(
            'NOT_FOUND',
            `No code or tag named "${name}" in this workspace.`,
          );
        if (!code) return { name: to.trim(), retagged };
        const renamed: Code = { ...code, name: to.trim() };
        replaceCode(tx, renamed);
        return { name: renamed.name, code: renamed, retagged };
      }),

    'codebook.moveCode': ({ name, parent }) =>
      ctx.command('Move code', (tx) => {
        const code = fileCode(ctx, tx, name, true);
        const { parentId: _old, ...rest } = code;
        if (parent === null) {
          replaceCode(tx, rest);
          return rest;
        }
        const target = fileCode(ctx, tx, parent, false);
        if (
          target.id === code.id ||
          descendantsOf(tx.codebook, code.id).some((c) => c.id === target.id)
        )
          throw new WorkbenchError(
            'INVALID_INPUT',
            `"${code.name}" cannot be filed under "${target.name}", which is itself filed under it.`,
          );
        const moved: Code = { ...rest, parentId: target.id };
        replaceCode(tx, moved);
        return moved;
      }),

    'codebook.mergeCodes': ({ names, into }) =>
      ctx.command('Merge codes', (tx) => {
        const target = fileCode(ctx, tx, into, false);
        const sources = [...new Map(names.map((n) => [codeKey(n), n])).values()].filter(
          (n) => codeKey(n) !== codeKey(target.name),
        );
        if (!sources.length)
          throw new WorkbenchError('INVALID_INPUT', 'Choose another code to merge into this one.');
        const keys = new Set(sources.map(codeKey));
        const removed = new Map(
          sources.flatMap((n) => {
            const c = codeNamed(tx.codebook, n);
            return c ? [[c.id, c] as const] : [];
          }),
        );
        if (!removed.size && !highlightsTagged(tx, keys).length)
          throw new WorkbenchError('NOT_FOUND', `No code or tag named "${sources[0]}" here.`);
        const retagged = retag(tx, keys, target.name);
        // The nearest ancestor that stays: where the target goes if it was under a source.
        const staying = (id: string | undefined): string | undefined => {
          const seen = new Set<string>();
          while (id && removed.has(id) && !seen.has(id)) {
            seen.add(id);
            id = removed.get(id)!.parentId;
          }
          return id;
        };
        const codes = tx.codebook.codes
          .filter((c) => !removed.has(c.id))
          .map((c): Code => {
            if (!c.parentId || !removed.has(c.parentId)) return c;
            const { parentId, ...rest } = c;
            const next = c.id === target.id ? staying(parentId) : target.id;
            return next ? { ...rest, parentId: next } : rest;
          });
        tx.setCodebook(withCodes(tx.codebook, codes));
        const code = codes.find((c) => c.id === target.id)!;
        return { name: code.name, code, retagged };
      }),

    'codebook.codeUsage': ({ name, children }) =>
      ctx.read((tx): CodeUsage => {
        const { codes, highlights } = deletion(tx, name, children);
        return {
          codes: codes.length ? codes.map((c) => c.name) : [name],
          highlights: highlights.length,
        };
      }),

    'codebook.deleteCode': ({ name, children, confirmUsage }) =>
      ctx.command('Delete code', (tx) => {
        const { code, codes, keys, highlights } = deletion(tx, name, children);
        if (!code && !highlights.length)
          throw new WorkbenchError(
            'NOT_FOUND',
            `No code or tag named "${name}" in this workspace.`,
          );
        if (highlights.length !== confirmUsage)
          throw new WorkbenchError(
            'IN_USE',
            `Deleting "${name}" takes a tag off ${plural(highlights.length, 'highlight')}; confirm with that number.`,
          );
        const untagged = retag(tx, keys);
        const gone = new Set(codes.map((c) => c.id));
        const lifted = tx.codebook.codes
          .filter((c) => !gone.has(c.id))
          .map((c): Code => {
            if (!code || c.parentId !== code.id) return c;
            const { parentId: _p, ...rest } = c;
            return code.parentId ? { ...rest, parentId: code.parentId } : rest;
          });
        if (code) tx.setCodebook(withCodes(tx.codebook, lifted));
        return { removed: codes.length ? codes.map((c) => c.name) : [name], untagged };
      }),
  };
}
