// A bibliography brought in: each entry is matched to a document here by its DOI, then by
// its address (the same page whatever its scheme, slash or fragment), and for sources added
// from a bibliography before, by title. A match gets the details it lacks filled in (what it
// has is kept, and where the file says otherwise that is reported); an entry that matches
// nothing is added as a source without text when the user chose to add them. A preview
// stores nothing; an import is one undoable command; the report names every entry.
import type {
  ReferenceMode,
  ReferenceOutcome,
  ReferencesReport,
} from '../../shared/methods/documents';
import { SCHEMA_VERSION, type Document, type SourceMeta } from '../../shared/model';
import { normaliseUrl } from '../annotations/interchange/match-url';
import type { CoreContext } from '../context';
import { sourceOfCsl } from '../export/citations/csl-items';
import {
  readBibliography,
  type BibliographyFile,
} from '../importers/interchange/read-bibliography';
import { sha256 } from '../hash';
import type { Tx } from '../store/tx';
import { newDocument } from './handlers';

const FIELDS: readonly (keyof SourceMeta)[] = [
  'author',
  'publisher',
  'containerTitle',
  'url',
  'doi',
  'publishedDate',
  'accessedDate',
  'language',
  'citationType',
];

/** A DOI as written in a field or an address, compared without case. */
export function normaliseDoi(raw: string | undefined): string | undefined {
  const m = raw?.trim().match(/(?:doi\.org\/|doi:\s*)?(10\.\d{4,9}\/\S+)$/i);
  return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
}

/** A field's value as compared: an address or DOI the way matching reads it, so the one
 * an entry matched by is never reported as different ("http://…/#top" is the same page). */
function comparable(field: keyof SourceMeta, value: string): string {
  if (field === 'url') return normaliseUrl(value.trim());
  if (field === 'doi') return normaliseDoi(value) ?? value.trim().toLocaleLowerCase();
  return value.trim().toLocaleLowerCase();
}

function matcher(tx: Tx) {
  const byDoi = new Map<string, Document>();
  const byUrl = new Map<string, Document>();
  const byTitle = new Map<string, Document>();
  for (const { document } of tx.documents()) {
    const doi = normaliseDoi(document.source.doi) ?? normaliseDoi(document.source.url);
    if (doi && !byDoi.has(doi)) byDoi.set(doi, document);
    if (document.source.url) byUrl.set(normaliseUrl(document.source.url), document);
    if (document.format === 'reference') byTitle.set(document.title.toLocaleLowerCase(), document);
  }
  return (title: string | undefined, source: SourceMeta) => {
    const doi = normaliseDoi(source.doi) ?? normaliseDoi(source.url);
    const found: [Document | undefined, ReferenceOutcome['matchedBy']][] = [
      [doi ? byDoi.get(doi) : undefined, 'doi'],
      [source.url ? byUrl.get(normaliseUrl(source.url)) : undefined, 'url'],
      [title ? byTitle.get(title.toLocaleLowerCase()) : undefined, 'title'],
    ];
    const hit = found.find(([d]) => d);
    return hit ? { document: hit[0]!, by: hit[1] } : undefined;
  };
}

function plan(
  ctx: CoreContext,
  tx: Tx,
  file: BibliographyFile,
  mode: ReferenceMode,
  fileName: string,
): ReferencesReport {
  const find = matcher(tx);
  const items = file.items.map((item, i): ReferenceOutcome => {
    const { title, source } = sourceOfCsl(item);
    const shown = title ?? `Untitled reference ${i + 1}`;
    const match = find(title, source);
    if (!match) {
      if (mode !== 'add')
        return { index: i + 1, title: shown, action: 'unmatched', filled: [], differs: [] };
      const made = newDocument(
        ctx,
        {
          title: shown,
          text: '',
          blocks: [],
          marks: [],
          source: { ...source, fileName },
          format: 'reference',
          contentHash: sha256(JSON.stringify(item)),
        },
        tx.now,
      );
      // Nobody read this source here: it keeps the accessed date the file gives, or none.
      const { accessedDate: _now, ...rest } = made.source;
      const document: Document = {
        ...made,
        source: source.accessedDate ? { ...rest, accessedDate: source.accessedDate } : rest,
      };
      tx.setFile(document.id, { schemaVersion: SCHEMA_VERSION, document, annotations: [] });
      return {
        index: i + 1,
        title: shown,
        action: 'added',
        documentId: document.id,
        documentTitle: document.title,
        filled: FIELDS.filter((f) => source[f] !== undefined),
        differs: [],
      };
    }
    const { document, by } = match;
    const current = document.source;
    const filled = FIELDS.filter((f) => source[f] !== undefined && !current[f]?.trim());
    const differs = FIELDS.filter(
      (f) =>
        source[f] !== undefined &&
        current[f]?.trim() &&
        comparable(f, current[f]) !== comparable(f, source[f]),
    );
    if (filled.length && mode !== 'preview') {
      const next: Record<string, string | undefined> = { ...current };
      for (const f of filled) next[f] = source[f];
      tx.setDocument({ ...document, source: next, updatedAt: tx.now });
    }
    return {
      index: i + 1,
      title: shown,
      action: filled.length ? 'filled' : 'unchanged',
      documentId: document.id,
      documentTitle: document.title,
      matchedBy: by,
      filled,
      differs,
    };
  });
  const counts = { filled: 0, unchanged: 0, added: 0, unmatched: 0 };
  for (const item of items) counts[item.action] += 1;
  return { format: file.format, mode, items, counts };
}

export async function importReferences(
  ctx: CoreContext,
  input: { fileName: string; text: string; mode: ReferenceMode },
): Promise<ReferencesReport> {
  // Parsed before the command is queued, so a large file never holds up other commands.
  const file = await readBibliography(input.text, input.fileName);
  if (input.mode === 'preview')
    return ctx.read((tx) => plan(ctx, tx, file, 'preview', input.fileName));
  return ctx.command('Import references', (tx) => plan(ctx, tx, file, input.mode, input.fileName));
}
