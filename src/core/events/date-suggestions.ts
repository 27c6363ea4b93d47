// Dates mentioned in an event's passages, offered as suggestions the user may apply: never
// written by themselves. compromise-dates reads phrases ("19 July 1988", "August 2019")
// offline; a bare year ("the 1988 massacre"), which it leaves alone, is read here.
import nlp from 'compromise';
import datePlugin from 'compromise-dates';
import type { Annotation, EventDate } from '../../shared/model';
import type { DateSuggestion } from '../../shared/methods/events';

/** The plugin adds .dates() to every parsed text; its types do not say so. */
type WithDates = (text: string) => { dates(): { json(): ParsedDate[] } };
nlp.extend(datePlugin);
const dated = nlp as unknown as WithDates;

interface ParsedDate {
  text: string;
  dates?: { start?: string; end?: string; unit?: string };
}

const cut = (iso: string, precision: EventDate['precision']): string =>
  iso.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);

function fromPhrase(found: ParsedDate): EventDate | undefined {
  const { start, end, unit } = found.dates ?? {};
  if (!start) return undefined;
  const precision = unit === 'day' ? 'day' : unit === 'month' ? 'month' : 'year';
  const from = cut(start, precision);
  const to = end ? cut(end, precision) : from;
  return { start: from, ...(to !== from ? { end: to } : {}), precision };
}

export function suggestDates(passages: readonly Annotation[]): DateSuggestion[] {
  const out: DateSuggestion[] = [];
  const seen = new Set<string>();
  const add = (annotationId: string, text: string, date: EventDate): void => {
    const key = `${annotationId}|${date.start}|${date.end ?? ''}|${date.precision}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ annotationId, text, date });
  };
  for (const a of passages) {
    const text = a.target.quote.exact;
    const phrases = dated(text).dates().json();
    for (const p of phrases) {
      const date = fromPhrase(p);
      if (date) add(a.id, p.text.trim(), date);
    }
    for (const m of text.matchAll(/(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)/g)) {
      const covered = out.some((s) => s.annotationId === a.id && s.date.start.startsWith(m[1]!));
      if (!covered) add(a.id, m[1]!, { start: m[1]!, precision: 'year' });
    }
  }
  return out;
}
