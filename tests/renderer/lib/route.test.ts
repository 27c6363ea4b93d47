import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../src/renderer/src/lib/route';

describe('links into the workspace', () => {
  it('round-trips every kind of route', () => {
    const routes: Route[] = [
      { type: 'document', documentId: 'doc_1' },
      { type: 'highlight', documentId: 'doc_1', annotationId: 'ann-2' },
      { type: 'entity', entityId: 'ent_3' },
      { type: 'note', noteId: 'note_4' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('refuses anything that is not an id where an id goes', () => {
    for (const hash of [
      '',
      '#',
      '#/document/',
      '#/document/%3Cscript%3E',
      '#/document/a b',
      '#/document/..%2F..%2Fworkspace.json',
      '#/entity/x/extra',
      '#/document/d/highlight/',
      '#/document/d/entity/e',
      '#/unknown/x',
      '#/document/%E0%A4%A',
      `#/entity/${'x'.repeat(65)}`,
    ])
      expect(parseRoute(hash), hash).toBe(null);
  });
});
