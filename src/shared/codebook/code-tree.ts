// The codes' hierarchy: codes are tags with a place in a tree (a code names its parent), and
// a tag on a highlight that no code names is a free tag, at the top level. Filtering by a
// code takes in everything filed under it, so a researcher who asks for "Detention" also
// sees "Detention / Solitary confinement".
import type { Code, Codebook } from '../model';

/** Names compare without case: "Trial" and "trial" are one code. */
export const codeKey = (name: string): string => name.trim().toLocaleLowerCase();

export function codeNamed(codebook: Codebook, name: string): Code | undefined {
  const key = codeKey(name);
  return codebook.codes.find((c) => codeKey(c.name) === key);
}

/** The codes directly under `parentId` (the top level when undefined). */
export function childrenOf(codebook: Codebook, parentId: string | undefined): Code[] {
  return codebook.codes.filter((c) => c.parentId === parentId);
}

/** Every code under `id`, at any depth (not `id` itself), parents before children. */
export function descendantsOf(codebook: Codebook, id: string): Code[] {
  const out: Code[] = [];
  const seen = new Set<string>([id]);
  const visit = (parent: string): void => {
    for (const c of codebook.codes) {
      if (c.parentId !== parent || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      visit(c.id);
    }
  };
  visit(id);
  return out;
}

/**
 * The tag names a filter by `name` lets through: the name itself and every code filed
 * under it, compared without case. A free tag (no code) lets through only itself.
 */
export function tagsUnder(codebook: Codebook, name: string): Set<string> {
  const code = codeNamed(codebook, name);
  const names = [name, ...(code ? descendantsOf(codebook, code.id).map((c) => c.name) : [])];
  return new Set(names.map(codeKey));
}

/** Whether a highlight's tags fall under the code `name` (or are it). */
export function tagged(tags: readonly string[], under: ReadonlySet<string>): boolean {
  return tags.some((t) => under.has(codeKey(t)));
}

/** "Detention / Solitary confinement": a code's place from the top. */
export function codePath(codebook: Codebook, name: string, separator = ' / '): string {
  const code = codeNamed(codebook, name);
  if (!code) return name;
  const parts = [code.name];
  const seen = new Set([code.id]);
  let parent = code.parentId;
  while (parent && !seen.has(parent)) {
    seen.add(parent);
    const up = codebook.codes.find((c) => c.id === parent);
    if (!up) break;
    parts.unshift(up.name);
    parent = up.parentId;
  }
  return parts.join(separator);
}

export interface CodeNode {
  /** The code's id, or undefined for a free tag that no code names. */
  id?: string;
  name: string;
  colour?: string;
  depth: number;
  children: CodeNode[];
}

/** The codebook's tree, with the free tags in use (not in the codebook) at the top level. */
export function codeTree(codebook: Codebook, tagsInUse: Iterable<string> = []): CodeNode[] {
  const build = (parentId: string | undefined, depth: number, seen: Set<string>): CodeNode[] =>
    childrenOf(codebook, parentId)
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({
        id: c.id,
        name: c.name,
        ...(c.colour ? { colour: c.colour } : {}),
        depth,
        children: build(c.id, depth + 1, new Set([...seen, c.id])),
      }));
  const known = new Set(codebook.codes.map((c) => codeKey(c.name)));
  // A code whose parent is missing (a hand-edited file) is shown at the top, not lost.
  const ids = new Set(codebook.codes.map((c) => c.id));
  const orphans = codebook.codes.filter((c) => c.parentId && !ids.has(c.parentId));
  const free = new Map<string, string>();
  for (const tag of tagsInUse) if (!known.has(codeKey(tag))) free.set(codeKey(tag), tag);
  return [
    ...build(undefined, 0, new Set()),
    ...orphans.map((c) => ({
      id: c.id,
      name: c.name,
      depth: 0,
      children: build(c.id, 1, new Set([c.id])),
    })),
    ...[...free.values()].map((name) => ({ name, depth: 0, children: [] })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

/** The tree as a flat list in display order (each node followed by its children). */
export function flattenTree(nodes: readonly CodeNode[]): CodeNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}
