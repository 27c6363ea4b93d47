// A date printed near the start of a text ("Published: 7 December 2023", "March 5, 2024",
// "2024-03-05"), offered as a suggestion for the publication date, which the user
// confirms: a date on the first page may be the print date, a deadline or an event.
// Written-out English dates and ISO dates only; "03/05/2024" is left alone (day or month?).
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]; // prettier-ignore
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const ISO = /\b(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;

const monthNumber = (name: string): number =>
  MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;

function iso(year: string, month: number, day: string): string | undefined {
  const d = Number(day);
  if (month < 1 || d < 1 || d > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date written in `text` (as YYYY-MM-DD), if any. */
export function printedDate(text: string): string | undefined {
  const found = [
    (() => {
      const m = DAY_FIRST.exec(text);
      return m && { at: m.index, date: iso(m[3]!, monthNumber(m[2]!), m[1]!) };
    })(),
    (() => {
      const m = MONTH_FIRST.exec(text);
      return m && { at: m.index, date: iso(m[3]!, monthNumber(m[1]!), m[2]!) };
    })(),
    (() => {
      const m = ISO.exec(text);
      return m && { at: m.index, date: `${m[1]}-${m[2]}-${m[3]}` };
    })(),
  ].filter((f): f is { at: number; date: string } => !!f?.date);
  return found.sort((a, b) => a.at - b.at)[0]?.date;
}
