// Unicode isolates for plain-text exports. A Persian name in a list of English ones
// ("Entities: Mohseni-Ejei; اژه‌ای; Evin") is reordered by the bidi algorithm together
// with its neighbours' punctuation and digits, so the list reads scrambled in any editor;
// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9) keeps each name in its own
// direction without changing what is written. Text with no right-to-left letter is left
// as it is, so English exports stay byte for byte what they were.

const FSI = '\u2068';
const PDI = '\u2069';
/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms). */
const RTL_LETTER =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** True when the text holds a letter written right to left. */
export const hasRightToLeft = (text: string): boolean => RTL_LETTER.test(text);

/** The text isolated in its own direction when it holds right-to-left letters. */
export function isolate(text: string): string {
  return hasRightToLeft(text) ? `${FSI}${text}${PDI}` : text;
}

/** Names joined into one line, each isolated: "a; b; c". */
export const isolatedList = (names: readonly string[], separator = '; '): string =>
  names.map(isolate).join(separator);
