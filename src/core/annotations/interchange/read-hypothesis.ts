// Hypothesis annotations (https://h.readthedocs.io): rows of its API's search results
// ({ total, rows }), its client's export ({ export_date, annotations }), or a bare list.
// An annotation names its page (`uri`), places its passage with selectors on its first
// target, and carries a Markdown note (`text`) and free-text tags. Replies and page notes
// have no passage: they are read, and reported as not importable, never dropped silently.
import { z } from 'zod';
import { AnnotationsFileError, type ForeignAnnotation } from './foreign';
import { parse, readSelectors } from './selectors';

const MAX_URL = 4096;

const Row = z.looseObject({
  id: z.string().max(200).optional(),
  uri: z.string().min(1, 'the annotation names no page').max(MAX_URL),
  text: z.string().max(100_000).optional(),
  tags: z
    .array(z.string().max(100, 'a tag is longer than 100 characters'))
    .max(100, 'more than 100 tags')
    .optional(),
  target: z
    .array(
      z.looseObject({
        source: z.string().max(MAX_URL).optional(),
        selector: z.unknown().optional(),
      }),
    )
    .max(20)
    .optional(),
  references: z.array(z.string().max(200)).max(1000).optional(),
  document: z.looseObject({ title: z.array(z.string().max(1000)).max(20).optional() }).optional(),
});

/** True when `value` looks like a Hypothesis file rather than W3C JSON-LD. */
export function isHypothesis(value: unknown): boolean {
  if (Array.isArray(value))
    return (
      value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && 'uri' in v)
    );
  if (typeof value !== 'object' || value === null) return false;
  return (
    Array.isArray((value as { rows?: unknown }).rows) ||
    (Array.isArray((value as { annotations?: unknown }).annotations) && !('type' in value))
  );
}

/** The annotations of a Hypothesis file, in file order. */
export function readHypothesis(value: unknown, max: number): ForeignAnnotation[] {
  let rows: unknown[];
  let at: string;
  if (Array.isArray(value)) [rows, at] = [value, ''];
  else if (Array.isArray((value as { rows?: unknown }).rows))
    [rows, at] = [(value as { rows: unknown[] }).rows, 'rows'];
  else [rows, at] = [(value as { annotations: unknown[] }).annotations, 'annotations'];
  if (rows.length > max)
    throw new AnnotationsFileError(
      `the file holds ${rows.length} annotations; at most ${max} can be imported at once`,
    );
  return rows.map((raw, i) => {
    const path = `${at}[${i}]`;
    const row = parse(Row, raw, path);
    const target = row.target?.find((t) => t.selector !== undefined);
    const placed = target
      ? readSelectors(
          target.selector,
          `${path}.target[${row.target!.indexOf(target)}].selector`,
          'utf16',
        )
      : {};
    const title = row.document?.title?.[0]?.trim();
    const annotation: ForeignAnnotation = {
      index: i + 1,
      ...(row.id ? { sourceId: row.id } : {}),
      url: target?.source ?? row.uri,
      ...(title ? { title } : {}),
      ...placed,
      note: row.text ?? '',
      tags: [...new Set((row.tags ?? []).map((t) => t.trim()).filter(Boolean))],
      entities: [],
    };
    if (row.references?.length)
      annotation.unusable = 'it is a reply to another annotation, not a highlight';
    else if (!target)
      annotation.unusable = 'it is a note on the whole page, with no passage selected';
    return annotation;
  });
}
