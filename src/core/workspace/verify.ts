// Checking that every quote is what its document says at its offsets, and that every
// document's text is the text it was stored with (its SHA-256 recorded at each revision).
// Files that failed the checks made when the workspace opened are kept out of it, so they
// are reported here too, by file and record: a verify that skipped them would pass a
// workspace whose tampered file it never looked at.
import type { FileProblem } from '../../shared/api';
import { foldSpaces } from '../../shared/anchoring';
import type { VerifyMismatch, VerifyReport } from '../../shared/methods/workspace';
import { sha256 } from '../hash';
import type { DocumentFile } from '../../shared/model';

const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** "documents/doc_x.json" → "doc_x"; "annotations[2] (ann_y)" → "ann_y". */
const documentOf = (file: string): string | undefined =>
  /^(?:documents|highlights)\/([A-Za-z0-9_-]+)\.json$/.exec(file)?.[1];
const annotationOf = (record: string | undefined): string | undefined =>
  record && /^annotations\[\d+\] \(([A-Za-z0-9_-]+)\)$/.exec(record)?.[1];

export async function verifyWorkspace(
  documents: AsyncIterable<DocumentFile> | Iterable<DocumentFile>,
  problems: readonly FileProblem[],
): Promise<VerifyReport> {
  const report: VerifyReport = {
    documents: 0,
    highlights: 0,
    confirmed: 0,
    unconfirmed: 0,
    unhashed: 0,
    custodyLines: 0,
    mismatches: [],
  };
  const add = (m: VerifyMismatch): void => void report.mismatches.push(m);
  for await (const { document, annotations } of documents) {
    report.documents += 1;
    const named = { documentId: document.id, documentTitle: document.title };
    if (!document.textHash) report.unhashed += 1;
    else {
      const actual = sha256(document.text);
      if (actual !== document.textHash)
        add({
          kind: 'text-hash',
          file: `documents/${document.id}.json`,
          ...named,
          reason: `the text's SHA-256 is ${actual}, but ${document.textHash} was recorded for revision ${document.revision}: the text was changed outside the workbench`,
        });
    }
    for (const a of annotations) {
      report.highlights += 1;
      if (a.status === 'fuzzy' || a.status === 'orphaned') {
        report.unconfirmed += 1;
        continue;
      }
      const { start, end } = a.target.position;
      const there = document.text.slice(start, end);
      if (foldSpaces(there) === foldSpaces(a.target.quote.exact)) report.confirmed += 1;
      else
        add({
          kind: 'quote',
          file: `highlights/${document.id}.json`,
          ...named,
          annotationId: a.id,
          reason: `the text at ${start}–${end} is “${clip(there)}”, not the quote “${clip(a.target.quote.exact)}”`,
        });
    }
  }
  for (const p of problems) {
    const documentId = documentOf(p.file);
    const annotationId = annotationOf(p.record);
    add({
      kind: 'damaged',
      file: p.file,
      ...(documentId ? { documentId } : {}),
      ...(annotationId ? { annotationId } : {}),
      reason: `${p.record ? `${p.record}: ` : ''}${p.reason} (kept out of the workspace when it opened)`,
    });
  }
  return report;
}
