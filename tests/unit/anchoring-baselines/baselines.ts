// Anchoring regression baselines: each folder under tests/fixtures/anchoring-baselines/cases
// holds a saved article (article.txt), the highlights made on it, named by their quote
// (case.json), and revisions of its text, each a list of edits. expected.json holds the
// selectors the engine describes for each highlight and where it re-anchors each one in
// each revision, with its status. The test recomputes all of it on every run and compares;
// only generate.mjs, run with UPDATE_ANCHORING_BASELINES=1, writes expected.json, so a
// change in what the engine does is a failing test first and a reviewed diff after. (This
// loader lives beside its test, not in the fixtures folder, because it runs on Node.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchor, describeRange, reanchorAll, type TextTarget } from '../../../src/shared/anchoring';
import type { Annotation, AnchorStatus } from '../../../src/shared/model';

export const CASES_DIR = join(import.meta.dirname, '../../fixtures/anchoring-baselines/cases');

/** One change to the text; applied in order, each to the result of the one before. */
export type Edit =
  /** `find` must occur exactly once. */
  | { find: string; replace: string }
  /** Every occurrence (at least one). */
  | { findAll: string; replace: string }
  /** Every match of a regular expression (flags g and m), with $1-style references. */
  | { pattern: string; replace: string }
  /** Every paragraph's lines re-wrapped at this many columns, as a re-import might. */
  | { wrap: number }
  /** Straight quotes and apostrophes made typographic. */
  | { quotes: 'curly' }
  /** The whole text replaced by a file of the case's folder (a saved revision). */
  | { file: string };

export interface CaseSpec {
  title: string;
  about: string;
  /** `occurrence` (1-based, default 1) picks among repeats of a short quote. */
  highlights: { id: string; quote: string; occurrence?: number }[];
  revisions: { name: string; edits: Edit[] }[];
}

export interface Placement {
  id: string;
  status: AnchorStatus;
  start: number;
  end: number;
  /** The text placed, when the highlight was placed (not orphaned). */
  text?: string;
  confidence?: number;
  /** Where anchoring the highlight alone (no hint from its neighbours) puts it, if elsewhere. */
  alone?: { status: AnchorStatus; start: number; end: number; confidence?: number };
}

export interface Expected {
  highlights: ({ id: string } & TextTarget)[];
  revisions: { name: string; placements: Placement[] }[];
}

export interface BaselineCase {
  name: string;
  dir: string;
  article: string;
  spec: CaseSpec;
  /** Absent until the generator has been run for a new case. */
  expected?: Expected;
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');

export function loadCases(): BaselineCase[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      const dir = join(CASES_DIR, name);
      const expectedPath = join(dir, 'expected.json');
      return {
        name,
        dir,
        article: read(dir, 'article.txt'),
        spec: JSON.parse(read(dir, 'case.json')) as CaseSpec,
        ...(existsSync(expectedPath)
          ? { expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected }
          : {}),
      };
    });
}

/** Where the highlight's quote is in the article: its `occurrence`-th match. */
export function locate(article: string, quote: string, occurrence = 1): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = article.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" does not occur ${occurrence} time(s) in the article`);
  }
  return at;
}

function wrap(text: string, columns: number): string {
  return text
    .split('\n\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > columns) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    })
    .join('\n\n');
}

const curly = (text: string): string =>
  text
    .replace(/(^|[\s([])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/'/g, '\u2019');

function applyEdit(text: string, edit: Edit, dir: string): string {
  if ('find' in edit) {
    const at = text.indexOf(edit.find);
    if (at < 0 || text.indexOf(edit.find, at + 1) >= 0)
      throw new Error(`edit: "${edit.find.slice(0, 60)}" must occur exactly once`);
    return text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
  }
  if ('findAll' in edit) {
    if (!text.includes(edit.findAll)) throw new Error(`edit: "${edit.findAll}" does not occur`);
    return text.split(edit.findAll).join(edit.replace);
  }
  if ('pattern' in edit) {
    const pattern = new RegExp(edit.pattern, 'gmu');
    if (!pattern.test(text)) throw new Error(`edit: /${edit.pattern}/ matches nothing`);
    return text.replace(pattern, edit.replace);
  }
  if ('wrap' in edit) return wrap(text, edit.wrap);
  if ('quotes' in edit) return curly(text);
  return read(dir, edit.file);
}

export function revisionText(c: BaselineCase, edits: readonly Edit[]): string {
  return edits.reduce((text, edit) => applyEdit(text, edit, c.dir), c.article);
}

/** The selectors the engine describes for each highlight of the case. */
export function describeHighlights(c: BaselineCase): Expected['highlights'] {
  return c.spec.highlights.map(({ id, quote, occurrence }) => {
    const start = locate(c.article, quote, occurrence);
    return { id, ...describeRange(c.article, start, start + quote.length) };
  });
}

/** The highlights as stored: made at revision 1 of the article. */
function asAnnotations(targets: Expected['highlights']): Annotation[] {
  const at = '2024-01-01T00:00:00.000Z';
  return targets.map(({ id, position, quote }) => ({
    id,
    documentId: 'baseline',
    target: { position, quote },
    entityIds: [],
    tags: [],
    kind: 'quote',
    note: '',
    status: 'anchored',
    anchoredRevision: 1,
    createdAt: at,
    updatedAt: at,
  }));
}

/**
 * Every highlight re-anchored in one revision, as a text edit does (reanchorAll, each
 * hinted by its neighbours), and alone (anchor, no hint). Each revision starts from the
 * article's selectors, so the revisions of a case do not depend on each other.
 */
export function placeAll(targets: Expected['highlights'], text: string): Placement[] {
  return reanchorAll(asAnnotations(targets), text, 2).map((a, i) => {
    const { start, end } = a.target.position;
    const alone = anchor(text, targets[i]!);
    const same =
      alone.status === a.status &&
      alone.start === start &&
      alone.end === end &&
      alone.confidence === a.confidence;
    return {
      id: a.id,
      status: a.status,
      start,
      end,
      ...(a.status !== 'orphaned' ? { text: text.slice(start, end) } : {}),
      ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
      ...(same ? {} : { alone }),
    };
  });
}

/** What expected.json should hold for a case, computed with the engine as it is. */
export function computeExpected(c: BaselineCase): Expected {
  const highlights = describeHighlights(c);
  return {
    highlights,
    revisions: c.spec.revisions.map(({ name, edits }) => ({
      name,
      placements: placeAll(highlights, revisionText(c, edits)),
    })),
  };
}

/** Writes expected.json for every case; generate.mjs calls this. */
export function writeAll(): string[] {
  return loadCases().map((c) => {
    const expected = computeExpected(c);
    writeFileSync(join(c.dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
    const counts = new Map<string, number>();
    for (const r of expected.revisions)
      for (const p of r.placements) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
    return `${c.name}: ${expected.highlights.length} highlights, ${expected.revisions.length} revisions (${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')})`;
  });
}
