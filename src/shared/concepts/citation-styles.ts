// The citation styles and locales the exports offer, defined once: the export options in the
// window, the command line's --style and --locale, and the citation code (which loads each
// style's CSL file from resources/csl) all read these tables. OSCOLA, the legal style many
// human-rights reports follow, is a note style: its citation is a whole footnote's text.
export const CITATION_STYLES = [
  {
    id: 'chicago-author-date',
    label: 'Chicago (author-date)',
    locale: 'en-US',
    note: false,
  },
  { id: 'apa', label: 'APA (7th edition)', locale: 'en-US', note: false },
  {
    id: 'harvard-cite-them-right',
    label: 'Harvard (Cite Them Right)',
    locale: 'en-GB',
    note: false,
  },
  { id: 'oscola', label: 'OSCOLA (legal)', locale: 'en-GB', note: true },
] as const satisfies readonly { id: string; label: string; locale: string; note: boolean }[];

export type CitationStyle = (typeof CITATION_STYLES)[number]['id'];
export const CITATION_STYLE_IDS = CITATION_STYLES.map((s) => s.id) as [
  CitationStyle,
  ...CitationStyle[],
];
export const DEFAULT_CITATION_STYLE: CitationStyle = 'chicago-author-date';

export const CITATION_LOCALES = [
  { id: 'en-GB', label: 'English (UK)' },
  { id: 'en-US', label: 'English (US)' },
] as const;
export type CitationLocale = (typeof CITATION_LOCALES)[number]['id'];
export const CITATION_LOCALE_IDS = CITATION_LOCALES.map((l) => l.id) as [
  CitationLocale,
  ...CitationLocale[],
];

export function citationStyle(id: CitationStyle) {
  return CITATION_STYLES.find((s) => s.id === id)!;
}
