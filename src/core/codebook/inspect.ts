// Integrity of the codebook and the links in workspace.json, beyond their schema: ids used
// twice, two codes with one name, a code filed under one that is missing or under itself (a
// loop), a link to a highlight that is gone or with a relation the codebook lacks. Each
// rule reports its problem and says what a repair does; the repair is the same code, so
// what is reported and what is done cannot drift apart (as in store/integrity.ts).
import { codeKey } from '../../shared/codebook/code-tree';
import type { Code, Codebook, HighlightLink, WorkspaceFile } from '../../shared/model';
import type { Finding } from '../store/integrity';

function uniqueIds<T extends { id: string }>(
  list: readonly T[],
  label: (i: number, x: T) => string,
  findings: Finding[],
): T[] {
  const seen = new Set<string>();
  return list.filter((x, i) => {
    if (!seen.has(x.id)) return seen.add(x.id);
    findings.push({
      record: label(i, x),
      reason: 'its id is used twice',
      repair: 'drop this copy',
    });
    return false;
  });
}

function inspectCodes(codes: readonly Code[], findings: Finding[]): Code[] {
  const label = (i: number, c: Code): string => `codebook.codes[${i}] (${c.id})`;
  const kept = uniqueIds(codes, label, findings);
  const names = new Set<string>();
  const named = kept.filter((c, i) => {
    if (!names.has(codeKey(c.name))) return names.add(codeKey(c.name));
    findings.push({
      record: label(i, c),
      reason: `another code is named "${c.name}"`,
      repair: 'drop this copy (its highlights keep the tag)',
    });
    return false;
  });
  const byId = new Map(named.map((c) => [c.id, c]));
  const loops = (c: Code): boolean => {
    const seen = new Set([c.id]);
    for (let p = c.parentId; p; p = byId.get(p)?.parentId) {
      if (seen.has(p)) return true;
      seen.add(p);
    }
    return false;
  };
  return named.map((c, i) => {
    if (!c.parentId) return c;
    const reason = !byId.has(c.parentId)
      ? `it is filed under "${c.parentId}", which is not a code`
      : loops(c)
        ? 'it is filed under itself (through the codes above it)'
        : undefined;
    if (!reason) return c;
    findings.push({ record: label(i, c), reason, repair: 'file it at the top level' });
    const { parentId: _p, ...rest } = c;
    return rest;
  });
}

function inspectLinks(
  links: readonly HighlightLink[],
  codebook: Codebook | undefined,
  annotationIds: Pick<ReadonlySet<string>, 'has'> | null,
  findings: Finding[],
): HighlightLink[] {
  const label = (i: number, l: HighlightLink): string => `links[${i}] (${l.id})`;
  const relations = codebook ? new Set(codebook.relations.map((r) => r.id)) : null;
  return uniqueIds(links, label, findings).filter((l, i) => {
    const missing = annotationIds ? [l.from, l.to].filter((id) => !annotationIds.has(id)) : [];
    const reason = missing.length
      ? `it links ${missing.map((id) => `"${id}"`).join(' and ')}, not a highlight here`
      : relations && !relations.has(l.relation)
        ? `its relation "${l.relation}" is not in the codebook`
        : undefined;
    if (reason) findings.push({ record: label(i, l), reason, repair: 'remove the link' });
    return !reason;
  });
}

/** The codebook and links of `ws` checked; the same object when nothing was found. */
export function inspectCodebookAndLinks(
  ws: WorkspaceFile,
  annotationIds: Pick<ReadonlySet<string>, 'has'> | null,
  findings: Finding[],
): WorkspaceFile {
  const before = findings.length;
  const codebook = ws.codebook && {
    ...ws.codebook,
    kinds: uniqueIds(ws.codebook.kinds, (i, k) => `codebook.kinds[${i}] (${k.id})`, findings),
    codes: inspectCodes(ws.codebook.codes, findings),
    relations: uniqueIds(
      ws.codebook.relations,
      (i, r) => `codebook.relations[${i}] (${r.id})`,
      findings,
    ),
  };
  const links = ws.links && inspectLinks(ws.links, codebook, annotationIds, findings);
  if (findings.length === before) return ws;
  const { codebook: _c, links: _l, ...base } = ws;
  return { ...base, ...(codebook ? { codebook } : {}), ...(links?.length ? { links } : {}) };
}
