// An import's report in words, for the window's outcome list and the command line alike:
// "kept 2 tables and 1 image; not kept: 2 comments, 1 embedded video".
import type { ImportReport, ReportLine } from './methods/documents';
import { plural } from './text';

/** What a report calls a Word comment kept as a highlight. */
export const COMMENT_HIGHLIGHT = 'comment (as a highlight with its note)';
export const COMMENT_HIGHLIGHTS = 'comments (as highlights with their notes)';

const line = (l: ReportLine): string => plural(l.count, l.what, l.whats);

/** Adds `count` of `what` to a report's list, joining a line of the same kind. */
export function tally(lines: ReportLine[], what: string, count = 1, whats?: string): void {
  if (count <= 0) return;
  const same = lines.find((l) => l.what === what);
  if (same) same.count += count;
  else lines.push({ count, what, ...(whats ? { whats } : {}) });
}

export const emptyReport = (): ImportReport => ({ kept: [], dropped: [] });

/** "kept 2 tables; not kept: 1 embedded video", or '' when there is nothing to say. */
export function describeReport(report: ImportReport | undefined): string {
  if (!report) return '';
  const parts: string[] = [];
  if (report.kept.length) parts.push(`kept ${report.kept.map(line).join(', ')}`);
  if (report.dropped.length) parts.push(`not kept: ${report.dropped.map(line).join(', ')}`);
  return parts.join('; ');
}

/**
 * A restored backup's kept files that are nowhere, said apart from those put back: "2
 * original files are in neither the backup nor this workspace: …", or '' when none are.
 */
export function describeMissingOriginals(missing: number | undefined): string {
  if (!missing) return '';
  const are = missing === 1 ? 'is' : 'are';
  return `${plural(missing, 'original file')} (imported files or their images) ${are} in neither the backup nor this workspace: their documents keep their text, but cannot show or re-check the file they came from`;
}
