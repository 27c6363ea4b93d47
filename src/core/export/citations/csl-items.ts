// A document's source details as a CSL-JSON item (what citation-js formats and writes as
// BibTeX, RIS or CSL-JSON), and a CSL-JSON item read from a bibliography as source
// details. Nothing is guessed: a field the source does not record is left out, and an
// author written without a comma is split into given and family name only when it is a
// plain two-part name ("Jane Reporter", plain-name.ts); anything else ("Staff writer",
// "Amnesty International", "Ludwig van Beethoven") stays one literal name.
import type { CslItem } from '@citation-js/core';
import type { Document, SourceMeta } from '../../../shared/model';
import { splitPlainName } from './plain-name';

type CslName = { family: string; given?: string } | { literal: string };
type CslDate = { 'date-parts': number[][] } | { literal: string };

/** "Smith, Jane; Ó Briain, Seán" or "Jane Smith and Seán Ó Briain" to CSL names. */
export function cslNames(author: string | undefined): CslName[] {
  if (!author?.trim()) return [];
  const parts = author.includes(';') ? author.split(';') : author.split(/\s+and\s+|\s+&\s+/);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): CslName => {
      const comma = p.indexOf(',');
      if (comma <= 0) return splitPlainName(p) ?? { literal: p };
      const given = p.slice(comma + 1).trim();
      return given ? { family: p.slice(0, comma).trim(), given } : { literal: p.slice(0, comma) };
    });
}

/** CSL names back to our one author field, family name first, joined by semicolons. */
export function authorOf(names: unknown): string | undefined {
  if (!Array.isArray(names)) return undefined;
  const out = names.flatMap((n: unknown) => {
    if (typeof n !== 'object' || n === null) return [];
    const { literal, family, given } = n as Record<string, unknown>;
    if (typeof literal === 'string') return [literal];
    if (typeof family !== 'string') return typeof given === 'string' ? [given] : [];
    return [typeof given === 'string' && given ? `${family}, ${given}` : family];
  });
  return out.length ? out.join('; ') : undefined;
}

const ISO_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/;

/** "2021-12-20", "2021-12", "2021" (or any date JavaScript reads) as a CSL date. */
export function cslDate(text: string | undefined): CslDate | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const iso = ISO_DATE.exec(value);
  if (iso) return { 'date-parts': [iso.slice(1).filter(Boolean).map(Number)] };
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return { literal: value };
  const d = new Date(parsed);
  return { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] };
}

/** A CSL date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or its literal text). */
export function isoOf(date: unknown): string | undefined {
  if (typeof date !== 'object' || date === null) return undefined;
  const { 'date-parts': parts, literal, raw } = date as Record<string, unknown>;
  const first: unknown = Array.isArray(parts) ? parts[0] : undefined;
  if (Array.isArray(first) && first.length && first.every((n) => Number.isInteger(Number(n))))
    return first
      .slice(0, 3)
      .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
      .join('-');
  if (typeof literal === 'string') return literal;
  return typeof raw === 'string' ? raw : undefined;
}

/** The CSL type a document is cited as: what a bibliography said, else by what it is. */
function cslType(doc: Document): string {
  if (doc.source.citationType) return doc.source.citationType;
  if (doc.source.url) return 'webpage';
  return doc.format === 'pdf' ? 'report' : 'document';
}

export function toCslItem(doc: Document): CslItem {
  const s = doc.source;
  const type = cslType(doc);
  // A web page's publisher is its site: CSL calls that the container, and a style that
  // printed both would name the site twice.
  const container = s.containerTitle ?? (type === 'webpage' ? s.publisher : undefined);
  const publisher = type === 'webpage' && !s.containerTitle ? undefined : s.publisher;
  const item: Record<string, unknown> = {
    id: doc.id,
    type,
    title: doc.title,
    author: cslNames(s.author),
    'container-title': container,
    publisher,
    URL: s.url,
    DOI: s.doi,
    issued: cslDate(s.publishedDate),
    accessed: cslDate(s.accessedDate),
    language: s.language,
  };
  for (const [k, v] of Object.entries(item))
    if (v === undefined || (Array.isArray(v) && !v.length)) delete item[k];
  return item as CslItem;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined;

/** What a bibliography's item says about a source, as our source details and title. */
export function sourceOfCsl(item: Record<string, unknown>): {
  title?: string;
  source: SourceMeta;
} {
  const type = text(item.type);
  const container = text(item['container-title']);
  const publisher = text(item.publisher);
  const source: SourceMeta = {
    author: authorOf(item.author),
    // For a web page the site is the publisher we show.
    publisher: publisher ?? (type === 'webpage' ? container : undefined),
    url: text(item.URL)?.slice(0, 2048),
    doi: text(item.DOI)?.slice(0, 300),
    containerTitle: container,
    citationType: type?.slice(0, 40),
    publishedDate: isoOf(item.issued)?.slice(0, 100),
    accessedDate: isoOf(item.accessed)?.slice(0, 100),
    language: text(item.language)?.slice(0, 35),
  };
  for (const key of Object.keys(source) as (keyof SourceMeta)[])
    if (source[key] === undefined) delete source[key];
  return { title: text(item.title), source };
}
