// Anchoring regression baselines, re-anchored on every run: for each saved article in
// tests/fixtures/anchoring-baselines/cases, the selectors described for its highlights,
// their placement in the unchanged text, and where each lands (and with what status) in
// every revision must be what expected.json records. A change in the engine's results
// fails here; if it is an improvement, regenerate (see the folder's README) and review
// the diff of expected.json.
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll } from '../../src/shared/anchoring';
import {
  describeHighlights,
  loadCases,
  placeAll,
  revisionText,
} from './anchoring-baselines/baselines';

const cases = loadCases();

describe.each(cases)('$name', (c) => {
  const expected = c.expected;

  it('has expected results written by the generator', () => {
    expect(expected, `run the generator for ${c.name} (see the README)`).toBeDefined();
    expect(expected!.highlights.map((h) => h.id)).toEqual(c.spec.highlights.map((h) => h.id));
    expect(expected!.revisions.map((r) => r.name)).toEqual(c.spec.revisions.map((r) => r.name));
  });

  it('describes every highlight with the stored selectors', () => {
    expect(describeHighlights(c)).toEqual(expected!.highlights);
  });

  it('anchors every highlight where it was made in the unchanged text', () => {
    const targets = expected!.highlights;
    const where = (a: { start: number; end: number; status: string }) =>
      `${a.start}-${a.end} ${a.status}`;
    const made = targets.map((t) => `${t.position.start}-${t.position.end} anchored`);
    expect(anchorAll(c.article, targets).map(where)).toEqual(made);
    expect(targets.map((t) => where(anchor(c.article, t)))).toEqual(made);
  });

  describe.each(c.spec.revisions.map((r, i) => ({ ...r, i })))('after: $name', (revision) => {
    it('re-anchors every highlight where the baseline says, with its status', () => {
      const text = revisionText(c, revision.edits);
      const placements = placeAll(expected!.highlights, text);
      expect(placements).toEqual(expected!.revisions[revision.i]!.placements);
    });
  });
});
