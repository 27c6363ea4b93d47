// Direction and control characters in the short texts that name things: entity names and
// aliases, tags, titles, authors. An embedding or override control (U+202A–U+202E) or an
// isolate (U+2066–U+2069) makes "Evin \u202Enosirp" display as "Evin prison" while being
// another entity, so they are stripped where names enter; so are C0 and C1 controls, which
// no name holds and XML cannot carry. The joiners and marks that Persian and Arabic need
// (ZWNJ U+200C, ZWJ U+200D, LRM U+200E, RLM U+200F, ALM U+061C) are kept.
// Where a name is shown or exported inside other text, its direction is isolated instead
// (`<bdi>` on screen, FSI…PDI in plain-text exports), so it cannot reorder what surrounds it.

/** Embeddings, overrides and isolates: the controls that reorder what follows them. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls other than tab and line breaks (those become spaces). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BREAKS = /[\t\n\r]/g;

/** A name, tag or title as stored: no direction controls, no control characters. */
export function cleanLabel(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '').replace(BREAKS, ' ');
}

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** True when the text holds a letter written right to left. */
export const hasRightToLeft = (text: string): boolean => RTL.test(text.replace(BIDI_CONTROLS, ''));
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `text` as a unit of its own direction inside other plain text (a CSV cell that lists
 * names, an SVG label): wrapped in first-strong-isolate … pop-directional-isolate when it
 * holds right-to-left letters. Controls it carries itself are dropped first, so an
 * unmatched isolate cannot leak out of the wrapping.
 */
export function isolate(text: string): string {
  const clean = text.replace(BIDI_CONTROLS, '');
  return RTL.test(clean) ? `${FSI}${clean}${PDI}` : clean;
}

/**
 * Names joined into one plain-text line, each isolated ("a; b; c"): a Persian name among
 * English ones keeps its place instead of swapping with its neighbours' punctuation.
 * Text with no right-to-left letter is left as it is, so English exports stay unchanged.
 */
export const isolatedList = (names: readonly string[], separator = '; '): string =>
  names.map(isolate).join(separator);

/** What XML 1.0 allows (its Char production): everything else is dropped from XML output. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
