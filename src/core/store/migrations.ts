// Schema versions of workspace files. A file from an older version is migrated in memory
// on load (and written in the new form on the next change); a file from a newer version
// is refused, so an old app never rewrites data it does not understand.
import { SCHEMA_VERSION } from '../../shared/model';

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * MIGRATIONS[n] turns a version-n file (workspace.json or a document file) into a
 * version-(n + 1) file. Anything it does not recognise is passed on for the schema to
 * report, never dropped.
 */
const MIGRATIONS: Record<number, Migration> = {
  // 1 -> 2: workspace.json's document list goes (the documents/ folder is the list); a
  // document's text is revision 1 and its highlights were anchored against it.
  1: (data) => {
    if (!('document' in data)) {
      const { documents: _documents, ...rest } = data;
      return rest;
    }
    const { document, annotations } = data;
    return {
      ...data,
      document: isRecord(document) ? { ...document, revision: 1 } : document,
      annotations: Array.isArray(annotations)
        ? annotations.map((a: unknown) => (isRecord(a) ? { ...a, anchoredRevision: 1 } : a))
        : annotations,
    };
  },
  // 2 -> 3: a document file's highlights move to highlights/<id>.json. That split spans
  // two files, so the store does it (load.ts reads a file that still holds highlights and
  // writes both); the content of each record is unchanged.
  2: (data) => data,
};

/** The schema version a raw file declares, or undefined if it declares none. */
export const versionOf = (raw: unknown): number | undefined =>
  isRecord(raw) && typeof raw.schemaVersion === 'number' ? raw.schemaVersion : undefined;

export function migrate(raw: unknown): unknown {
  if (!isRecord(raw)) throw new Error('it is not a workspace file (expected a JSON object)');
  let data = raw;
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error('it has no valid schemaVersion');
  }
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `it was written by a newer Research Workbench (schema ${version}; this one reads up to ${SCHEMA_VERSION})`,
    );
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from schema ${v}`);
    data = { ...step(data), schemaVersion: v + 1 };
  }
  return data;
}
