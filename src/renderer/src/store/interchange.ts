// The interchange concern: the options the exports use (citation style and locale for the
// research notes, and a code that limits every export to the highlights under it), and
// the bibliographies brought in that wait for the user to say what to do with them.
import {
  citationStyle,
  DEFAULT_CITATION_STYLE,
  type CitationLocale,
  type CitationStyle,
} from '../../../shared/concepts/citation-styles';
import type { ReferencesReport } from '../../../shared/api';
import type { Action, State } from './index';

export interface ExportOptions {
  style: CitationStyle;
  locale: CitationLocale;
  /** Only highlights carrying this code or one filed under it; null: all. */
  code: string | null;
  /** Whether the workspace backup carries the original files (it names them by hash else). */
  includeOriginals: boolean;
}

/** A bibliography file read and previewed, waiting for the user's choice. */
export interface ReferencesAsk {
  fileName: string;
  file: Blob;
  report: ReferencesReport;
}

export interface InterchangeState {
  exportOptions: ExportOptions;
  references: ReferencesAsk[];
}

export type InterchangeAction =
  | { type: 'interchange/exportOptions'; options: Partial<ExportOptions> }
  | { type: 'interchange/referencesAsked'; asks: ReferencesAsk[] }
  | { type: 'interchange/referencesDone' };

export const initialInterchange: InterchangeState = {
  exportOptions: {
    style: DEFAULT_CITATION_STYLE,
    locale: citationStyle(DEFAULT_CITATION_STYLE).locale,
    code: null,
    includeOriginals: false,
  },
  references: [],
};

export function interchangeReducer(state: InterchangeState, action: Action): InterchangeState {
  switch (action.type) {
    case 'interchange/exportOptions':
      return { ...state, exportOptions: { ...state.exportOptions, ...action.options } };
    case 'interchange/referencesAsked':
      return { ...state, references: [...state.references, ...action.asks] };
    case 'interchange/referencesDone':
      return { ...state, references: state.references.slice(1) };
    default:
      return state;
  }
}

export const selectExportOptions = (state: State): ExportOptions => state.interchange.exportOptions;
export const selectReferencesAsk = (state: State): ReferencesAsk | undefined =>
  state.interchange.references[0];
