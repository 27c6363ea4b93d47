// A document's language and writing direction. A file that declares its language (a web
// page's lang, a Word file's) keeps it; one that does not is given the language its
// script leaves no doubt about (Chinese, Japanese, Korean, Persian, Arabic, Hebrew,
// Greek, Thai…), and none for Latin or Cyrillic text, which many languages share: the
// window then shows it without a wrong lang. The direction follows the language.

/** Scripts that name a language (or two, told apart by letters only one of them uses). */
const SCRIPTS: readonly { test: RegExp; script: string }[] = [
  { test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, script: 'kana' },
  { test: /\p{Script=Han}/u, script: 'han' },
  { test: /\p{Script=Hangul}/u, script: 'ko' },
  // Letters Persian has and Arabic has not: پ چ ژ گ, and the Persian keheh and yeh.
  { test: /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u, script: 'persian' },
  { test: /\p{Script=Arabic}/u, script: 'arabic' },
  { test: /\p{Script=Hebrew}/u, script: 'he' },
  { test: /\p{Script=Greek}/u, script: 'el' },
  { test: /\p{Script=Thai}/u, script: 'th' },
  { test: /\p{Script=Armenian}/u, script: 'hy' },
  { test: /\p{Script=Georgian}/u, script: 'ka' },
];
/** Scripts counted together, and the language each means. */
const GROUPS: Record<string, (has: (script: string) => boolean) => string> = {
  // Japanese writes with Han characters too: kana anywhere makes it Japanese.
  han: (has) => (has('kana') ? 'ja' : 'zh'),
  kana: () => 'ja',
  arabic: (has) => (has('persian') ? 'fa' : 'ar'),
  persian: () => 'fa',
};
const GROUP_OF: Record<string, string> = { kana: 'han', persian: 'arabic' };

/** How much of a text is read to decide: enough letters to outvote a quoted name. */
const SAMPLE = 4000;

/**
 * The language a text's letters leave no doubt about, or undefined. Most of its letters
 * must be of that script (a Persian name quoted in an English report is not Persian).
 */
export function languageOfScript(text: string): string | undefined {
  const letters = text.slice(0, SAMPLE).match(/\p{L}/gu) ?? [];
  if (letters.length < 8) return undefined;
  const seen = new Set<string>();
  const groups = new Map<string, number>();
  let other = 0;
  for (const letter of letters) {
    // Latin, Cyrillic and the rest: shared by too many languages to name one.
    const script = SCRIPTS.find((s) => s.test.test(letter))?.script;
    if (!script) {
      other++;
      continue;
    }
    seen.add(script);
    const group = GROUP_OF[script] ?? script;
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const [group, count] = [...groups].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!group || !count || count <= other) return undefined;
  return GROUPS[group]?.((script) => seen.has(script)) ?? group;
}

const RTL = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr']);

/** A language tag as BCP 47 writes it ("fr_FR" → "fr-FR"), or undefined if it is none. */
export function cleanLanguageTag(tag: string | undefined): string | undefined {
  const cleaned = tag?.trim().replace(/_/g, '-');
  if (!cleaned || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(cleaned)) return undefined;
  try {
    return Intl.getCanonicalLocales(cleaned)[0];
  } catch {
    return undefined;
  }
}

/** The writing direction of a language, when it has one. */
export function directionOf(language: string | undefined): 'rtl' | 'ltr' | undefined {
  const primary = cleanLanguageTag(language)?.split('-')[0]?.toLowerCase();
  if (!primary) return undefined;
  return RTL.has(primary) ? 'rtl' : 'ltr';
}

/**
 * A new document's language and direction: as its file declared them (the language
 * written as BCP 47), else as its script says; a right-to-left language without a
 * declared direction is marked so.
 */
export function withLanguage<S extends { language?: string; direction?: 'ltr' | 'rtl' | 'auto' }>(
  source: S,
  text: string,
): S {
  const language = cleanLanguageTag(source.language) ?? languageOfScript(text);
  const direction = source.direction ?? (directionOf(language) === 'rtl' ? 'rtl' : undefined);
  return {
    ...source,
    ...(language ? { language } : {}),
    ...(direction ? { direction } : {}),
  };
}

/** "French (fr-CA)", "Persian (fa), right to left": a document's language as exports state it. */
export function languageLabel(
  language: string | undefined,
  direction?: 'ltr' | 'rtl' | 'auto',
): string | undefined {
  const tag = cleanLanguageTag(language);
  if (!tag) return undefined;
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
  } catch {
    name = undefined;
  }
  const rtl = (direction ?? directionOf(tag)) === 'rtl';
  return `${name && name !== tag ? `${name} (${tag})` : tag}${rtl ? ', right to left' : ''}`;
}
