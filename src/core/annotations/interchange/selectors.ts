// Selectors read from another tool's file: a TextQuoteSelector gives the quote, a
// TextPositionSelector (or a RangeSelector between two of them) where it was. Selectors
// that address a DOM (XPath, CSS, Hypothesis's RangeSelector of XPaths) name nothing in
// our extracted text and are passed over; a FragmentSelector refined by a quote (our own
// page=N selector) gives its quote.
import { z } from 'zod';
import { AnnotationsFileError, type ForeignAnnotation, type ForeignQuote } from './foreign';

const MAX_QUOTE = 100_000;
const MAX_CONTEXT = 10_000;

const Quote = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quote is empty').max(MAX_QUOTE),
  prefix: z.string().max(MAX_CONTEXT).optional(),
  suffix: z.string().max(MAX_CONTEXT).optional(),
});
const Offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Position = z
  .looseObject({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset })
  .refine((p) => p.start <= p.end, { message: 'start is after end', path: ['end'] });
const Typed = z.looseObject({ type: z.string().max(100) });

/** "target[0].selector[1].start" from a zod issue's path under `at`. */
export function where(at: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, key) => (typeof key === 'number' ? `${s}[${key}]` : `${s}.${String(key)}`),
    at,
  );
}

/** Parses `value` with `schema` or throws naming the field: "<at>.field: message". */
export function parse<T>(schema: z.ZodType<T>, value: unknown, at: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AnnotationsFileError(`${where(at, issue.path)}: ${issue.message}`);
}

type Placed = Pick<ForeignAnnotation, 'quote' | 'position'>;

/** Selectors nest (refinedBy, a range's ends); deeper than this is not a real file. */
const MAX_DEPTH = 4;

function readOne(
  raw: unknown,
  at: string,
  unit: 'utf16' | 'codepoint',
  into: Placed,
  depth = 0,
): void {
  if (typeof raw === 'string') return; // a selector given by address only: nothing to read
  if (depth > MAX_DEPTH)
    throw new AnnotationsFileError(`${at}: selectors nested more than ${MAX_DEPTH} deep`);
  const { type } = parse(Typed, raw, at);
  if (type === 'TextQuoteSelector') {
    const q = parse(Quote, raw, at);
    into.quote ??= { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' };
  } else if (type === 'TextPositionSelector') {
    const p = parse(Position, raw, at);
    into.position ??= { start: p.start, end: p.end, unit };
  } else if (type === 'RangeSelector') {
    const range = parse(
      z.looseObject({ startSelector: z.unknown().optional(), endSelector: z.unknown().optional() }),
      raw,
      at,
    );
    const start: Placed = {};
    const end: Placed = {};
    if (range.startSelector !== undefined)
      readOne(range.startSelector, `${at}.startSelector`, unit, start, depth + 1);
    if (range.endSelector !== undefined)
      readOne(range.endSelector, `${at}.endSelector`, unit, end, depth + 1);
    if (start.position && end.position && start.position.start <= end.position.end)
      into.position ??= { start: start.position.start, end: end.position.end, unit };
  } else if (type === 'FragmentSelector') {
    const fragment = parse(z.looseObject({ refinedBy: z.unknown().optional() }), raw, at);
    if (fragment.refinedBy !== undefined && typeof fragment.refinedBy !== 'string') {
      const refined: Placed = {};
      readOne(fragment.refinedBy, `${at}.refinedBy`, unit, refined, depth + 1);
      into.quote ??= refined.quote;
    }
  }
}

const MAX_SELECTORS = 50;

/** The quote and position among `raw` selectors (one selector or a list). */
export function readSelectors(
  raw: unknown,
  at: string,
  unit: 'utf16' | 'codepoint',
): { quote?: ForeignQuote; position?: ForeignAnnotation['position'] } {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > MAX_SELECTORS)
    throw new AnnotationsFileError(`${at}: more than ${MAX_SELECTORS} selectors`);
  const placed: Placed = {};
  list.forEach((s, i) => readOne(s, Array.isArray(raw) ? `${at}[${i}]` : at, unit, placed));
  return placed;
}
