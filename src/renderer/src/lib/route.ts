// Links into the workspace: the hash part of the window's address names the open
// document, highlight, entity or note, so every one of them has an address that opens it
// (`#/document/<id>`, `#/document/<id>/highlight/<id>`, `#/entity/<id>`, `#/note/<id>`).
// Ids are checked against the model's id pattern, so a hand-edited address cannot carry
// anything else into the window.
import { Id } from '../../../shared/model';

export type Route =
  | { type: 'document'; documentId: string }
  | { type: 'highlight'; documentId: string; annotationId: string }
  | { type: 'entity'; entityId: string }
  | { type: 'note'; noteId: string };

const valid = (id: string | undefined): id is string =>
  id !== undefined && Id.safeParse(id).success;

export function parseRoute(hash: string): Route | null {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return '';
      }
    });
  const [kind, id, sub, subId] = parts;
  if (kind === 'document' && valid(id)) {
    if (parts.length === 2) return { type: 'document', documentId: id };
    if (sub === 'highlight' && valid(subId) && parts.length === 4)
      return { type: 'highlight', documentId: id, annotationId: subId };
    return null;
  }
  if (parts.length !== 2 || !valid(id)) return null;
  if (kind === 'entity') return { type: 'entity', entityId: id };
  if (kind === 'note') return { type: 'note', noteId: id };
  return null;
}

export function formatRoute(route: Route): string {
  const e = encodeURIComponent;
  switch (route.type) {
    case 'document':
      return `#/document/${e(route.documentId)}`;
    case 'highlight':
      return `#/document/${e(route.documentId)}/highlight/${e(route.annotationId)}`;
    case 'entity':
      return `#/entity/${e(route.entityId)}`;
    case 'note':
      return `#/note/${e(route.noteId)}`;
  }
}
