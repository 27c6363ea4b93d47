// The original's views (the PDF's bytes, a saved page's tree) are keyed by the document and
// the original's SHA-256 and never go stale: the file is content-addressed, so an edit of
// the document's text, a new highlight or a rename leaves it the same file.
import { describe, expect, it } from 'vitest';
import {
  mediaView,
  originalPageView,
  originalView,
} from '../../../../src/renderer/src/store/views/originals';
import { changed, listItem, makeAnnotation, makeView } from '../../builders';

const query = { id: 'd1', sha256: 'a'.repeat(64) };

describe('the views of an original', () => {
  it('key by the document and the hash: another original is another entry', () => {
    expect(originalView.key(query)).not.toBe(
      originalView.key({ ...query, sha256: 'b'.repeat(64) }),
    );
    expect(originalPageView.key(query)).toBe(originalView.key(query));
  });

  it.each([
    ['a document’s text edited', changed({ documentRecords: [makeView('d1').document] })],
    ['the document renamed', changed({ documents: { put: [listItem('d1')], removed: [] } })],
    [
      'a highlight made',
      changed({ annotations: { put: [makeAnnotation('a1', 'd1')], removed: [] } }),
    ],
  ])('stay fresh after %s', (_what, event) => {
    expect(originalView.staleAfter(event, query, undefined)).toBe(false);
    expect(originalPageView.staleAfter(event, query, undefined)).toBe(false);
    expect(mediaView.staleAfter(event, query, undefined)).toBe(false);
  });
});
