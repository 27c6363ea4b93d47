// A PDF read as evidence: its text says what the page prints (a compound hyphenated at a
// line end keeps its hyphen; a word broken at a line end is mended only when the document
// spells it whole elsewhere), its metadata is plain text, its file dates are kept as the
// file's, and a publication date comes only from what says so (XMP dc:date); a date
// printed on its first page is a suggestion to confirm.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseRun } from '../../src/core/importers/pdf';
import { plainField } from '../../src/core/importers/plain-metadata';
import type { Workbench } from '../../src/core/workbench';
import { manualPdf, MARKUP_TITLE, publishedReportPdf } from '../fixtures/node/evidence-pdf';
import { importAs } from './evidence-helpers';
import { reopen, tempDir, unwrap } from './helpers';

let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  wb = await reopen(dir);
});
afterEach(() => cleanup());

describe('hyphens at line ends', () => {
  it('keep a compound whole and mend only a word the document spells whole', async () => {
    const { document: doc } = await importAs(wb, 'manual.pdf', await manualPdf());
    expect(doc.text).toContain('use the Cisco-provided firmware');
    expect(doc.text).not.toContain('Ciscoprovided');
    expect(doc.text).toContain('its self-test runs');
    expect(doc.text).toContain('Each change is documented in the change log');
  });

  it('give quotes that match the page, so a highlight on the compound verifies', async () => {
    const { document: doc } = await importAs(wb, 'manual.pdf', await manualPdf());
    const start = doc.text.indexOf('Cisco-provided');
    unwrap(await wb.call('annotations.create', { documentId: doc.id, start, end: start + 14 }));
    const verified = unwrap(await wb.call('workspace.verify', {}));
    expect(verified).toMatchObject({ confirmed: 1, mismatches: [] });
  });
});

describe('dates', () => {
  it('keeps the creation and modification dates as the file’s, never as publication', async () => {
    const { document: doc } = await importAs(wb, 'manual.pdf', await manualPdf());
    expect(doc.source.fileCreated).toBe('2026-12-07T15:04:00Z');
    expect(doc.source.fileModified).toBe('2026-12-08T09:00:00Z');
    expect(doc.source.publishedDate).toBeUndefined();
  });

  it('offers a date printed on the first page only as a suggestion', async () => {
    const { document: doc } = await importAs(wb, 'manual.pdf', await manualPdf());
    expect(doc.source.suggestedPublishedDate).toBe('2024-03-05');
  });

  it('takes the publication date from XMP dc:date', async () => {
    const { document: doc } = await importAs(wb, 'visits.pdf', await publishedReportPdf());
    expect(doc.source.publishedDate).toBe('2023-11-20');
    expect(doc.source.fileCreated).toBe('2026-01-15T10:00:00Z');
    expect(doc.source.suggestedPublishedDate).toBeUndefined();
  });
});

describe('metadata', () => {
  it('is plain text: markup in the title and author is taken out on import', async () => {
    const { document: doc } = await importAs(wb, 'manual.pdf', await manualPdf());
    expect(doc.title).toBe('Electronegativity Operator manual');
    expect(doc.source.author).toBe('Network Operations Team');
    const md = unwrap(await wb.call('export.create', { format: 'markdown' })).content;
    expect(md).not.toMatch(/<\/?(b|br|p|i)\b/);
  });

  it('keeps text that only looks like markup', () => {
    expect(plainField(MARKUP_TITLE)).toBe('Electronegativity Operator manual');
    expect(plainField('Jane Roe <jane@example.org>')).toBe('Jane Roe <jane@example.org>');
    expect(plainField('if a < b &amp; b > c')).toBe('if a < b & b > c');
    expect(plainField('<script>alert(1)</script>Title')).toBe('Title');
  });
});

describe('normalising a run of text', () => {
  it('spells out ligatures and makes every space a space', () => {
    expect(normaliseRun('ﬁnal ﬂow ﬀ')).toBe('final flow ff');
    expect(normaliseRun('10\u00A0km\u2009away\u202Fnow\u200B')).toBe('10 km away now');
  });
});
