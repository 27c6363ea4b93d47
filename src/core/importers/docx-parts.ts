// What mammoth does not read from a Word file, read from its XML parts: the comments
// (author, date, text) and where each begins and ends in the text, the file's own
// properties (creator, created and modified dates, language), whether its paragraphs
// run right to left, and the content mammoth leaves out (headers, footers, equations,
// charts, embedded objects, deleted passages), counted for the report. A comment's place
// is carried through mammoth as private-use marker characters in the body's XML, read
// back out of the text afterwards (./markers.ts).
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { JSDOM } from 'jsdom';
import type { ReportLine } from '../../shared/methods/documents';
import { tally } from '../../shared/import-report';
import { commentEnd, commentStart } from './markers';
import { plainField } from './plain-metadata';

export interface DocxComment {
  id: string;
  author?: string;
  date?: string;
  text: string;
}

export interface DocxParts {
  /** The file again, with comment markers in its body, for mammoth to read. */
  marked: Uint8Array;
  comments: DocxComment[];
  creator?: string;
  created?: string;
  modified?: string;
  language?: string;
  direction?: 'rtl' | 'auto';
  /** What mammoth will leave out. */
  dropped: ReportLine[];
}

const DOCUMENT = 'word/document.xml';

function xml(text: string): Document {
  return new JSDOM(text, { contentType: 'application/xml' }).window.document;
}

/** Elements by local name, whatever prefix the file gives the namespace. */
const byName = (node: Document | Element, name: string): Element[] =>
  [...node.getElementsByTagName('*')].filter((e) => e.localName === name);

const attr = (el: Element, name: string): string | undefined =>
  [...el.attributes].find((a) => a.localName === name)?.value;

const part = (files: Unzipped, name: string): string | undefined =>
  files[name] ? strFromU8(files[name]) : undefined;

function readComments(files: Unzipped): DocxComment[] {
  const source = part(files, 'word/comments.xml');
  if (!source) return [];
  return byName(xml(source), 'comment').map((c) => {
    const text = byName(c, 'p')
      .map((p) =>
        byName(p, 't')
          .map((t) => t.textContent ?? '')
          .join(''),
      )
      .join('\n');
    const author = plainField(attr(c, 'author') ?? '');
    const date = attr(c, 'date');
    return {
      id: attr(c, 'id') ?? '',
      text,
      ...(author ? { author } : {}),
      ...(date ? { date } : {}),
    };
  });
}

function readProperties(
  files: Unzipped,
): Pick<DocxParts, 'creator' | 'created' | 'modified' | 'language'> {
  const out: Pick<DocxParts, 'creator' | 'created' | 'modified' | 'language'> = {};
  const core = part(files, 'docProps/core.xml');
  if (core) {
    const doc = xml(core);
    const text = (name: string): string =>
      plainField(byName(doc, name)[0]?.textContent ?? '').slice(0, 100);
    if (text('creator')) out.creator = text('creator');
    if (text('created')) out.created = text('created');
    if (text('modified')) out.modified = text('modified');
    if (text('language')) out.language = text('language');
  }
  const styles = part(files, 'word/styles.xml');
  if (!out.language && styles) {
    const lang = byName(xml(styles), 'lang')[0];
    const value = lang && attr(lang, 'val');
    if (value && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value)) out.language = value;
  }
  return out;
}

/** Counts what mammoth leaves out of the body and the parts around it. */
function countDropped(files: Unzipped, body: string): ReportLine[] {
  const dropped: ReportLine[] = [];
  const count = (re: RegExp): number => body.match(re)?.length ?? 0;
  tally(dropped, 'equation', count(/<m:oMath[\s>]/g));
  tally(dropped, 'chart', count(/<c:chart\b/g));
  tally(dropped, 'embedded object', count(/<w:object[\s>]/g));
  tally(
    dropped,
    'deleted passage (tracked change)',
    count(/<w:del\s/g),
    'deleted passages (tracked changes)',
  );
  const withText = (prefix: string): number =>
    Object.keys(files).filter(
      (n) => n.startsWith(`word/${prefix}`) && /<w:t[\s>][^<]*\S/.test(part(files, n) ?? ''),
    ).length;
  tally(dropped, 'page header', withText('header'));
  tally(dropped, 'page footer', withText('footer'));
  return dropped;
}

/** Puts a marker run where each comment starts and ends; ids are digits in valid files. */
function markComments(body: string): string {
  const marker = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  return body
    .replace(/<w:commentRangeStart\b[^>]*?\bw:id="(\d{1,9})"[^>]*\/>/g, (_m, id: string) =>
      marker(commentStart(id)),
    )
    .replace(/<w:commentRangeEnd\b[^>]*?\bw:id="(\d{1,9})"[^>]*\/>/g, (_m, id: string) =>
      marker(commentEnd(id)),
    );
}

function direction(body: string): DocxParts['direction'] {
  const paragraphs = body.match(/<w:p[\s>]/g)?.length ?? 0;
  const rtl = body.match(/<w:bidi\s*\/>|<w:bidi\s+w:val="(?:1|true|on)"\s*\/>/g)?.length ?? 0;
  if (!paragraphs || !rtl) return undefined;
  return rtl >= paragraphs ? 'rtl' : 'auto';
}

/** Reads the parts; throws (a zip error) if the file is not a zip with a body. */
export function readDocxParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const body = part(files, DOCUMENT);
  if (body === undefined) throw new Error('no word/document.xml');
  const comments = readComments(files);
  const marked = comments.length
    ? zipSync({ ...files, [DOCUMENT]: strToU8(markComments(body)) }, { level: 0 })
    : bytes;
  const dir = direction(body);
  return {
    marked,
    comments,
    ...readProperties(files),
    ...(dir ? { direction: dir } : {}),
    dropped: countDropped(files, body),
  };
}
