// A bibliography file read as CSL-JSON items: BibTeX or BibLaTeX (.bib), RIS (.ris) or
// CSL-JSON (.json), parsed by citation-js. Its parsers are called with the format forced,
// so nothing is ever fetched (citation-js would fetch a DOI or URL given as input). A file
// with nothing readable is refused with the reason; one with too many entries too.
import { ImportError } from '../import-error';
import { citationJs } from '../../export/citations/engine';

export type BibliographyFormat = 'bibtex' | 'ris' | 'csl-json';

export const MAX_REFERENCES = 20_000;

export interface BibliographyFile {
  format: BibliographyFormat;
  items: Record<string, unknown>[];
}

export function bibliographyFormat(fileName: string, text: string): BibliographyFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'bib') return 'bibtex';
  if (ext === 'ris') return 'ris';
  const head = text.trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/@[a-z]+\s*[{(]/i.test(text)) return 'bibtex';
  return null;
}

/** Whether a JSON value is a CSL-JSON list (an array of items with a type or title). */
export function isCslJson(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (v) =>
        typeof v === 'object' && v !== null && !Array.isArray(v) && ('type' in v || 'title' in v),
    )
  );
}

const FORCE: Record<BibliographyFormat, string> = {
  bibtex: '@biblatex/text',
  ris: '@ris/file',
  'csl-json': '@csl/list+object',
};

export async function readBibliography(text: string, fileName: string): Promise<BibliographyFile> {
  const format = bibliographyFormat(fileName, text);
  if (!format) throw new ImportError(fileName, 'it is not a BibTeX, RIS or CSL-JSON bibliography');
  let input: unknown = text;
  if (format === 'csl-json') {
    try {
      input = JSON.parse(text);
    } catch {
      throw new ImportError(fileName, 'it is not valid JSON');
    }
    if (!isCslJson(input)) input = Array.isArray(input) ? input : [input];
    if (!isCslJson(input))
      throw new ImportError(fileName, 'it is not a CSL-JSON list of references');
  }
  const { Cite } = await citationJs();
  let items: Record<string, unknown>[];
  try {
    items = new Cite(input, { forceType: FORCE[format] }).format('data', {
      format: 'object',
    }) as Record<string, unknown>[];
  } catch (error) {
    throw new ImportError(
      fileName,
      `its ${format === 'csl-json' ? 'CSL-JSON' : format.toUpperCase()} could not be read (${(error as Error).message})`,
    );
  }
  if (!items.length) throw new ImportError(fileName, 'it holds no references');
  if (items.length > MAX_REFERENCES)
    throw new ImportError(fileName, `it holds more than ${MAX_REFERENCES} references`);
  return { format, items };
}
