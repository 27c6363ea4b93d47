// Text from elsewhere made safe to place in Markdown, and the user's own Markdown made safe
// to keep as Markdown. Quotes, titles, names, tags and metadata come from articles and other
// people's files: every character a Markdown renderer could read as markup is escaped, so
// the text shows as written and can never become an element, a link or an image. A note the
// user wrote stays Markdown (emphasis, lists, links to web pages), with what the window
// would not render either made inert: raw HTML shows as text, images as text, and only
// http(s), mailto and in-page links keep working (as on screen, see notes/Markdown.tsx).

/** Characters that can open or close inline markup anywhere in a line. */
const INLINE = /[\\`*_[\]<>&~|]/g;

/**
 * Text as Markdown that renders to exactly that text. Line starts that would open a block
 * (heading, quote, list, fence, table, HTML block, indented code) are escaped too, and
 * addresses are broken just enough that no renderer makes them links: `http\://`,
 * `www\.`, `user\@host`. Leading white space is dropped (it would make a code block) and
 * trailing white space too (two spaces make a line break).
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(escapeFragment(line.trim())))
    .join('\n');
}

/** Part of a line: every inline markup character escaped, line breaks made spaces. */
export function escapeFragment(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@');
}

/**
 * What opens a block at the start of a line, escaped: #, >, -, +, = and a number followed
 * by "." or ")" (an ordered list); `*`, backticks and `~` are escaped everywhere already.
 */
export function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One line of escaped text: line breaks become spaces (for list items, table cells, titles). */
export const escapeInline = (text: string): string =>
  escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));

/** Text as a Markdown block quote, every line escaped. */
export const blockquote = (text: string): string =>
  escapeMarkdown(text)
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

/** A link destination that stays a link: http(s), mailto or in the page, and no title. */
const SAFE_LINK = /^<?(?:https?:\/\/[^\s<>()"']+|mailto:[^\s<>()"']+|#[\w-]*)>?\)/i;

/**
 * The user's note as Markdown with nothing live but what the window shows: raw HTML and
 * autolinks in angle brackets become text (`&lt;`, which no backslash before it can undo),
 * images become text, reference definitions become text, and an inline link keeps its
 * destination only when it is http(s), mailto or in the page, with no title. Headings move
 * down `depth` levels so they nest under the export's own heading for the note. (In a code
 * span the escapes show as written: a note's code is rare, and a missed escape worse.)
 */
export function userMarkdown(body: string, depth: number): string {
  return body
    .trim()
    .split('\n')
    .map((line) =>
      line
        .replace(/</g, '&lt;')
        .replace(/!\[/g, '!\\[')
        .replace(/\]:/g, '\\]:')
        .replace(/\]\(/g, (match, at: number, all: string) =>
          SAFE_LINK.test(all.slice(at + 2)) ? match : '\\](',
        )
        .replace(
          /^(\s{0,3})(#{1,6})(?=\s|$)/,
          (_m, indent: string, hashes: string) =>
            `${indent}${'#'.repeat(Math.min(6, hashes.length + depth))}`,
        ),
    )
    .join('\n');
}

/** A web address a style prints (the source's URL), kept whole: no escape applies inside <…>. */
const WEB_ADDRESS = /https?:\/\/[^\s<>"]+[^\s<>".,;:)\]]/g;

/**
 * Escaped text in which the web addresses become autolinks (`<https://…>`): the
 * addresses a citation style prints are the sources' own, http(s) only, so they may link.
 */
function withAddressLinks(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WEB_ADDRESS)) {
    out += `${escapeFragment(text.slice(last, m.index))}<${m[0]}>`;
    last = m.index + m[0].length;
  }
  return out + escapeFragment(text.slice(last));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/**
 * citeproc's HTML for one citation or bibliography entry as Markdown: italics and bold
 * kept, every other tag dropped, the text decoded and escaped like any third-party text.
 * Spaces just inside an emphasis move outside it (CommonMark would not close "*a *").
 */
export function cslHtmlToMarkdown(html: string): string {
  type Piece = { text: string } | { marker: string; open: boolean };
  const pieces: Piece[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>|([^<]+)/gi)) {
    if (m[3] !== undefined) pieces.push({ text: decodeEntities(m[3]) });
    else {
      const tag = m[2]!.toLowerCase();
      const marker =
        tag === 'i' || tag === 'em' ? '*' : tag === 'b' || tag === 'strong' ? '**' : '';
      if (marker) pieces.push({ marker, open: m[1] !== '/' });
    }
  }
  let out = '';
  let open: { marker: string; at: number } | null = null;
  for (const piece of pieces) {
    if ('text' in piece) {
      out += withAddressLinks(piece.text);
      continue;
    }
    if (piece.open) {
      if (open) continue; // nested emphasis: keep the outer one only
      open = { marker: piece.marker, at: out.length };
      continue;
    }
    if (!open || open.marker !== piece.marker) continue;
    const inner = out.slice(open.at);
    const lead = /^\s*/.exec(inner)![0];
    const trail = /\s*$/.exec(inner)![0];
    const core = inner.slice(lead.length, inner.length - trail.length);
    out =
      out.slice(0, open.at) + (core ? `${lead}${open.marker}${core}${open.marker}${trail}` : inner);
    open = null;
  }
  return escapeLineStart(out.trim());
}
