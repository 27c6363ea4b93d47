// The one CSV writer (RFC 4180) behind every CSV the workbench writes: the highlights,
// the events and the co-occurrence pairs. Cells hold other people's text (article quotes,
// entity names from a colleague's backup), and a spreadsheet runs a cell as a formula when
// it starts with one of a few characters; OWASP's rule is to prefix every such cell with
// an apostrophe, which spreadsheets show as text and hide. The rule is applied to every
// text cell, not only to ones that look like a formula: "-1+2" and "@SUM(A1)" are as live
// as "=1+2", and a leading tab, line break or NUL moves the real start past a filter.

/** Starts that make a spreadsheet evaluate a cell (OWASP, "CSV Injection"). */
export const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** One cell: text defused and quoted when it needs quoting; numbers (our own) as they are. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole file: CRLF line endings and UTF-8 with a byte-order mark, so spreadsheet
 * programs read Persian and Arabic correctly.
 */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
