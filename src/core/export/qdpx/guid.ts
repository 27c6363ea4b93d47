// REFI-QDA identifies everything by GUID. Ours are derived from the record's own id (a
// SHA-256 of kind and id, shaped as a version-5-style UUID), so exporting the same
// workspace twice gives the same GUIDs and another tool matches a re-export to what it
// imported before. A code that came from another tool keeps the GUID it came with.
import { createHash } from 'node:crypto';

export function guidOf(kind: string, id: string): string {
  const hex = createHash('sha256').update(`research-workbench:${kind}:${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** REFI-QDA's GUIDType: 8-4-4-4-12 hex digits, optionally in braces. */
export const GUID =
  /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** A GUID as we compare them: lower case, no braces. */
export const normGuid = (guid: string): string => guid.replace(/[{}]/g, '').toLowerCase();

/** JavaScript's UTF-16 offset in `text` as a count of code points (REFI-QDA's positions). */
export function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || !isHigh(text.charCodeAt(i - 1))) n++;
  }
  return n;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** A count of code points into `text` back to a UTF-16 offset (past the end: its length). */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++)
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length ? 2 : 1;
  return i;
}

/** Characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/F), removed. */
export const xmlSafe = (text: string): string =>
  text.replace(
    // XML 1.0 forbids these control characters and lone surrogates: they are removed on purpose.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
