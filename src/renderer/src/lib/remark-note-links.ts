// A remark plugin that turns `[[...]]` in a note's text into elements the Markdown component
// renders as in-app links: a span carrying the link's target, left for the component to
// resolve. Only text nodes are touched, so `[[...]]` inside code stays as written.
import type { Parent, PhrasingContent, Root } from 'mdast';
import { parseNoteLinks } from './note-links';

/** The property on the span that carries a link's target. */
export const NOTE_LINK_PROPERTY = 'dataNoteLink';

function split(value: string): PhrasingContent[] | null {
  const links = parseNoteLinks(value);
  if (!links.length) return null;
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start > at) out.push({ type: 'text', value: value.slice(at, link.start) });
    out.push({
      type: 'emphasis',
      children: [{ type: 'text', value: link.label }],
      data: { hName: 'span', hProperties: { [NOTE_LINK_PROPERTY]: link.target } },
    });
    at = link.end;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

function walk(node: Parent): void {
  const children: typeof node.children = [];
  let changed = false;
  for (const child of node.children) {
    if (child.type === 'text') {
      const parts = split(child.value);
      if (parts) {
        children.push(...parts);
        changed = true;
        continue;
      }
    } else if ('children' in child) {
      walk(child);
    }
    children.push(child);
  }
  if (changed) node.children = children;
}

export function remarkNoteLinks() {
  return (tree: Root): void => walk(tree);
}
