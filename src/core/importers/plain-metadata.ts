// Metadata as plain text: a title, author or subject read from a file is text, whatever
// markup it carries (a PDF titled `<b>Electronegativity<b><br><p class=manual>`). Tags
// are taken out and character references read, on import, so that nothing downstream
// ever has markup to show raw or to pass on unescaped.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

const TAG_NAMES =
  'a|abbr|b|big|blockquote|body|br|center|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|head|hr|html|i|img|ins|kbd|li|mark|meta|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|title|tr|tt|u|ul';
const TAG = new RegExp(`</?(?:${TAG_NAMES})(?:\\s[^<>]*)?/?>`, 'gi');

/** A metadata field as plain text: tags out, references read, white space collapsed. */
export function plainField(value: string): string {
  return (
    decodeReferences(
      value
        // Whole elements whose content is not text: a <script> or <style> in a title.
        .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
        // Only HTML's own elements are tags: "<jane@example.org>" and "a < b" are text.
        .replace(TAG, ' ')
        .replace(/<!--[\s\S]*?(-->|$)/g, ' '),
    )
      // Control characters go (tabs and line breaks become spaces below).
      .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' ? c : ''))
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A title as plain text, cut to the 500 characters a document's title may have. */
export const plainTitle = (value: string): string => plainField(value).slice(0, 500);
