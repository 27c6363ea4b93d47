// A bibliography of chosen sources in one citation style, as the core formats it
// (export.bibliography): keyed by the sources (in any order), the style and the locale;
// stale when one of those sources' details changed or it was deleted.
import type { CitationLocale, CitationStyle } from '../../../../shared/concepts/citation-styles';
import type { FormattedBibliography } from '../../../../shared/methods/export';
import { documentsChanged } from './changed';
import type { ViewSpec } from './view-cache';

export interface BibliographyQuery {
  documentIds: readonly string[];
  style: CitationStyle;
  locale: CitationLocale;
}

export const bibliographyView: ViewSpec<BibliographyQuery, FormattedBibliography> = {
  key: ({ documentIds, style, locale }) =>
    `${style}:${locale}:${[...documentIds].sort().join(',')}`,
  staleAfter: (event, { documentIds }) =>
    event.reset === true || documentsChanged(event, new Set(documentIds)),
  keep: 4,
};
