// The workspace-wide views: verification (stale after any change, and asked for again each
// time it is shown), an annotations file's preview (keyed by the pick, stale when documents
// change) and the index's progress (asked for again while it moves).
import { describe, expect, it } from 'vitest';
import {
  annotationsPreviewView,
  INDEX_POLL_MS,
  indexStatusView,
  verificationView,
} from '../../../../src/renderer/src/store/views/workspace-checks';
import { changed, listItem, note } from '../../builders';

describe('the workspace-wide views', () => {
  it('verification is stale after any change and is asked for whenever shown', () => {
    expect(
      verificationView.staleAfter(
        changed({ notes: { put: [note('n1')], removed: [] } }),
        'all',
        undefined,
      ),
    ).toBe(true);
    expect(verificationView.staleAfter(changed(), 'all', undefined)).toBe(false);
    expect(verificationView.askWhenShown).toBe(true);
  });

  it('a preview is keyed by the pick of the file, and stale when documents change', () => {
    const file = { token: 'hypothesis.json:1', json: '[]' };
    expect(annotationsPreviewView.key(file)).toBe('hypothesis.json:1');
    expect(
      annotationsPreviewView.staleAfter(
        changed({ documents: { put: [listItem('d3')], removed: [] } }),
        file,
        undefined,
      ),
    ).toBe(true);
    expect(
      annotationsPreviewView.staleAfter(
        changed({ notes: { put: [note('n1')], removed: [] } }),
        file,
        undefined,
      ),
    ).toBe(false);
  });

  it('the index’s progress is asked for again until it is complete', () => {
    expect(indexStatusView.refreshAfter?.({ indexed: 3, total: 9, complete: false })).toBe(
      INDEX_POLL_MS,
    );
    expect(
      indexStatusView.refreshAfter?.({ indexed: 9, total: 9, complete: true }),
    ).toBeUndefined();
  });
});
