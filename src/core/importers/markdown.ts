// Markdown to blocks and marks: headings, paragraphs, list items, block quotes and GFM
// tables become blocks; emphasis, strong text and links become marks over the canonical text. Raw HTML
// inside Markdown is dropped, never passed on.
import { Lexer, type Token, type Tokens } from 'marked';
import { assembleBlocks, type DraftBlock } from '../../shared/blocks';
import { emptyReport, tally } from '../../shared/import-report';
import type { ImportReport } from '../../shared/methods/documents';
import type { Block, Mark, TableRow } from '../../shared/model';
import { SAFE_HREF } from '../../shared/text';

interface Run {
  text: string;
  marks: Mark[];
}

/** Raw HTML in Markdown keeps only its visible text: scripts and styles go entirely. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '\u00A0');
}

function inline(tokens: readonly Token[] | undefined, base: number): Run {
  let text = '';
  const marks: Mark[] = [];
  for (const token of tokens ?? []) {
    const start = base + text.length;
    const wrap = (kind: Mark['kind'], inner: Run, href?: string): void => {
      text += inner.text;
      marks.push(...inner.marks);
      if (inner.text)
        marks.push({ kind, start, end: start + inner.text.length, ...(href ? { href } : {}) });
    };
    switch (token.type) {
      case 'strong':
        wrap('strong', inline((token as Tokens.Strong).tokens, start));
        break;
      case 'em':
        wrap('emphasis', inline((token as Tokens.Em).tokens, start));
        break;
      case 'link': {
        // An unsafe address (javascript:, data:) keeps its words but loses the link.
        const link = token as Tokens.Link;
        const inner = inline(link.tokens, start);
        if (SAFE_HREF.test(link.href)) wrap('link', inner, link.href);
        else {
          text += inner.text;
          marks.push(...inner.marks);
        }
        break;
      }
      case 'del':
        text += inline((token as Tokens.Del).tokens, start).text;
        break;
      case 'image':
        // Its words stay; the image itself is not kept (counted by the caller).
        text += (token as Tokens.Image).text;
        break;
      case 'br':
        text += '\n';
        break;
      case 'html':
        text += htmlToPlain((token as Tokens.HTML).text);
        break;
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens) {
          const inner = inline(t.tokens, start);
          text += inner.text;
          marks.push(...inner.marks);
        } else text += t.text;
        break;
      }
      case 'codespan':
      case 'escape':
        text += (token as Tokens.Codespan).text;
        break;
      default:
        text += 'text' in token && typeof token.text === 'string' ? token.text : '';
    }
  }
  return { text, marks };
}

interface Drafted {
  draft: DraftBlock;
  tokens: Token[] | undefined;
  plain?: string;
  /** Text and marks worked out already (a table's). */
  run?: Run;
}

/** A GFM table as one block: cells joined by tabs, rows by line breaks, each cell's range. */
function tableBlock(table: Tokens.Table): Drafted {
  let text = '';
  const marks: Mark[] = [];
  const rows: TableRow[] = [];
  for (const [r, cells] of [table.header, ...table.rows].entries()) {
    if (r > 0) text += '\n';
    const row: TableRow = { cells: [] };
    for (const [c, cell] of cells.entries()) {
      if (c > 0) text += '\t';
      const start = text.length;
      const inner = inline(cell.tokens, start);
      text += inner.text.replace(/[\t\n]/g, ' ');
      marks.push(...inner.marks);
      row.cells.push({ start, end: text.length, ...(r === 0 ? { header: true } : {}) });
    }
    rows.push(row);
  }
  return { draft: { kind: 'table', text: '', rows }, tokens: undefined, run: { text, marks } };
}

function collect(tokens: readonly Token[], out: Drafted[], inQuote: boolean): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        out.push({
          draft: { kind: 'heading', text: '', level: Math.min(6, h.depth) },
          tokens: h.tokens,
        });
        break;
      }
      case 'paragraph':
        out.push({
          draft: { kind: inQuote ? 'quote' : 'paragraph', text: '' },
          tokens: (token as Tokens.Paragraph).tokens,
        });
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          const inner = item.tokens.flatMap((t) =>
            t.type === 'text' || t.type === 'paragraph'
              ? ((t as Tokens.Text).tokens ?? [t])
              : t.type === 'html'
                ? [t]
                : [],
          );
          out.push({ draft: { kind: 'list-item', text: '' }, tokens: inner });
          collect(
            item.tokens.filter((t) => t.type === 'list'),
            out,
            inQuote,
          );
        }
        break;
      case 'blockquote':
        collect((token as Tokens.Blockquote).tokens, out, true);
        break;
      case 'html': {
        const plain = htmlToPlain((token as Tokens.HTML).text).trim();
        if (plain)
          out.push({
            draft: { kind: inQuote ? 'quote' : 'paragraph', text: '' },
            tokens: undefined,
            plain,
          });
        break;
      }
      case 'table':
        out.push(tableBlock(token as Tokens.Table));
        break;
      case 'code':
        out.push({
          draft: { kind: 'paragraph', text: '' },
          tokens: undefined,
          plain: (token as Tokens.Code).text,
        });
        break;
      default:
        break;
    }
  }
}

export function markdownToBlocks(source: string): {
  text: string;
  blocks: Block[];
  marks: Mark[];
  report: ImportReport;
  title?: string;
} {
  const drafted: Drafted[] = [];
  collect(new Lexer({ gfm: true }).lex(source), drafted, false);
  // Inline marks are computed against offsets that assembleBlocks decides, so lay the
  // blocks out first with their plain text, then shift each block's marks into place.
  const runs = drafted.map(
    (d) => d.run ?? (d.plain !== undefined ? { text: d.plain, marks: [] } : inline(d.tokens, 0)),
  );
  const drafts = drafted
    .map((d, i) => ({ ...d.draft, text: runs[i]!.text.trim() ? runs[i]!.text : '' }))
    .filter((d) => d.text);
  const keptRuns = runs.filter((r) => r.text.trim());
  const { text, blocks } = assembleBlocks(drafts);
  const marks = blocks.flatMap((block, i) =>
    keptRuns[i]!.marks.map((m) => ({
      ...m,
      start: m.start + block.start,
      end: m.end + block.start,
    })),
  );
  const firstHeading = drafts.find((d) => d.kind === 'heading')?.text;
  const report = emptyReport();
  tally(report.kept, 'table', blocks.filter((b) => b.kind === 'table').length);
  // Markdown names its images by address; none is in the file, so none is kept.
  const images = [...source.matchAll(/!\[[^\]]*\]\(/g)].length;
  tally(
    report.dropped,
    'image not in the file (its alt text is kept)',
    images,
    'images not in the file (their alt text is kept)',
  );
  return { text, blocks, marks, report, ...(firstHeading ? { title: firstHeading } : {}) };
}
